CREATE COLLATION spare (provider = icu, locale = 'de-DE');CREATE TEXT SEARCH DICTIONARY spare_dict (TEMPLATE = simple, stopwords = 'english');
