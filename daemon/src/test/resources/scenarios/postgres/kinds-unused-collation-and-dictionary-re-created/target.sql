CREATE COLLATION spare (provider = icu, locale = 'fr-FR');CREATE TEXT SEARCH DICTIONARY spare_dict (TEMPLATE = snowball, language = 'english');
