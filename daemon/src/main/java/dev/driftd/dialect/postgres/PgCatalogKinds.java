package dev.driftd.dialect.postgres;

/**
 * Catalog queries of the kinds read beside tables and routines: collations, text search
 * dictionaries and configurations, aggregates and column statistics targets. Like
 * {@link PgCatalog}'s, each covers the whole scope (schema OIDs bound as one {@code oid[]}) and
 * skips extension members; names outside the scope's search_path print qualified.
 */
final class PgCatalogKinds {
    private PgCatalogKinds() {
    }

    /**
     * User collations. Version-dependent columns ({@code colliculocale} 15–16, {@code colllocale}
     * 17+, {@code collicurules} 16+) are read through {@code to_jsonb} of the row, so one query
     * serves every supported server.
     */
    static final String COLLATIONS =
            "SELECT c.oid AS oid, c.collnamespace AS ns, c.collname AS name, c.collprovider AS provider, "
                    + "c.collisdeterministic AS deterministic, c.collcollate AS lccollate, c.collctype AS lcctype, "
                    + "COALESCE(j.row ->> 'colllocale', j.row ->> 'colliculocale') AS locale, "
                    + "j.row ->> 'collicurules' AS rules "
                    + "FROM pg_catalog.pg_collation c, LATERAL (SELECT pg_catalog.to_jsonb(c.*) AS row) j "
                    + "WHERE {pg_collation c} AND c.oid >= 16384 AND "
                    + PgCatalog.notExtensionMember("pg_collation", "c.oid");

    static final String TEXT_SEARCH_DICTIONARIES =
            "SELECT d.oid AS oid, d.dictnamespace AS ns, d.dictname AS name, tn.nspname AS templatens, "
                    + "t.tmplname AS template, d.dictinitoption AS options "
                    + "FROM pg_catalog.pg_ts_dict d JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate "
                    + "JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace "
                    + "WHERE {pg_ts_dict d} AND d.oid >= 16384 AND "
                    + PgCatalog.notExtensionMember("pg_ts_dict", "d.oid");

    /** One row per configuration and token type (a configuration without mappings: one row, null token). */
    static final String TEXT_SEARCH_CONFIGURATIONS =
            "SELECT c.oid AS oid, c.cfgnamespace AS ns, c.cfgname AS name, pn.nspname AS parserns, p.prsname AS parser, "
                    + "tt.alias AS token, pg_catalog.string_agg(m.mapdict::pg_catalog.regdictionary::text, ', ' "
                    + "ORDER BY m.mapseqno) AS dictionaries "
                    + "FROM pg_catalog.pg_ts_config c JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser "
                    + "JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace "
                    + "LEFT JOIN pg_catalog.pg_ts_config_map m ON m.mapcfg = c.oid "
                    + "LEFT JOIN LATERAL pg_catalog.ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype "
                    + "WHERE {pg_ts_config c} AND c.oid >= 16384 AND "
                    + PgCatalog.notExtensionMember("pg_ts_config", "c.oid")
                    + " GROUP BY c.oid, c.cfgnamespace, c.cfgname, pn.nspname, p.prsname, tt.alias";

    /**
     * Aggregates with every {@code CREATE AGGREGATE} option, functions as {@code regproc} (the
     * name CREATE AGGREGATE takes), the sort operator as {@code regoperator}.
     */
    static final String AGGREGATES =
            "SELECT p.oid AS oid, p.pronamespace AS ns, p.proname AS name, "
                    + "pg_catalog.pg_get_function_identity_arguments(p.oid) AS args, "
                    + "pg_catalog.pg_get_function_arguments(p.oid) AS fullargs, a.aggkind AS aggkind, "
                    + "a.aggtransfn::pg_catalog.regproc::text AS sfunc, pg_catalog.format_type(a.aggtranstype, NULL) AS stype, "
                    + "a.aggtransspace AS sspace, NULLIF(a.aggfinalfn, 0)::pg_catalog.regproc::text AS finalfunc, "
                    + "a.aggfinalextra AS finalextra, a.aggfinalmodify AS finalmodify, "
                    + "NULLIF(a.aggcombinefn, 0)::pg_catalog.regproc::text AS combinefunc, "
                    + "NULLIF(a.aggserialfn, 0)::pg_catalog.regproc::text AS serialfunc, "
                    + "NULLIF(a.aggdeserialfn, 0)::pg_catalog.regproc::text AS deserialfunc, a.agginitval AS initcond, "
                    + "NULLIF(a.aggmtransfn, 0)::pg_catalog.regproc::text AS msfunc, "
                    + "NULLIF(a.aggminvtransfn, 0)::pg_catalog.regproc::text AS minvfunc, "
                    + "CASE WHEN a.aggmtranstype <> 0 THEN pg_catalog.format_type(a.aggmtranstype, NULL) END AS mstype, "
                    + "a.aggmtransspace AS msspace, NULLIF(a.aggmfinalfn, 0)::pg_catalog.regproc::text AS mfinalfunc, "
                    + "a.aggmfinalextra AS mfinalextra, a.aggmfinalmodify AS mfinalmodify, a.aggminitval AS minitcond, "
                    + "NULLIF(a.aggsortop, 0)::pg_catalog.regoperator::text AS sortop, p.proparallel AS parallel "
                    + "FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid "
                    + "WHERE p.prokind = 'a' AND {pg_proc p} AND "
                    + PgCatalog.notExtensionMember("pg_proc", "p.oid");

    /** Columns with a statistics target of their own (-1, or NULL from 17 on, is the default). */
    static final String STATISTICS_TARGETS =
            "SELECT a.attrelid AS rel, a.attname AS name, a.attstattarget::int AS target "
                    + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
                    + "WHERE {pg_class c} AND a.attnum > 0 AND NOT a.attisdropped "
                    + "AND COALESCE(a.attstattarget::int, -1) >= 0";

    /** Rules on relations of the scope other than a view's own ({@code _RETURN}). */
    static final String RULES =
            "SELECT w.oid AS oid, w.ev_class AS rel, w.rulename AS name, pg_catalog.pg_get_ruledef(w.oid, true) AS def "
                    + "FROM pg_catalog.pg_rewrite w JOIN pg_catalog.pg_class c ON c.oid = w.ev_class "
                    + "WHERE w.rulename <> '_RETURN' AND {pg_class c}";
}
