source ../shop.sql
CREATE OR REPLACE VIEW v_settings AS SELECT k, v FROM settings WHERE k <> '' WITH CASCADED CHECK OPTION;
