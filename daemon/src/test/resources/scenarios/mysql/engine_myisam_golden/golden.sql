source ../shop.sql
ALTER TABLE metrics ENGINE=MyISAM;
