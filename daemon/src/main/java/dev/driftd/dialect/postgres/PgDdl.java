package dev.driftd.dialect.postgres;

import dev.driftd.schema.Aggregate;
import dev.driftd.schema.Collation;
import dev.driftd.schema.Rule;
import dev.driftd.schema.SchemaDef;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.TextSearchConfiguration;
import dev.driftd.schema.TextSearchDictionary;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.CompositeType;
import dev.driftd.schema.Domain;
import dev.driftd.schema.EnumType;
import dev.driftd.schema.ExclusionConstraint;
import dev.driftd.schema.Extension;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.NamedCheck;
import dev.driftd.schema.Policy;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Privilege;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableRef;
import dev.driftd.schema.TypeAttribute;
import dev.driftd.schema.UniqueConstraint;
import dev.driftd.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL DDL text for model objects: identifier quoting (only where the server needs it, the
 * way {@code quote_ident} decides, so output is deterministic and reads naturally), names
 * qualified with the target's real schema, and the CREATE / ADD clauses of every object kind.
 * Knows nothing about diffs or ordering.
 */
final class PgDdl {
    private static final Pattern SIMPLE = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** Every keyword {@code pg_get_keywords()} lists as not unreserved (PostgreSQL 15); these need quotes. */
    private static final Set<String> KEYWORDS = Set.of(("all analyse analyze and any array as asc asymmetric "
            + "authorization between bigint binary bit boolean both case cast char character check coalesce collate "
            + "collation column concurrently constraint create cross current_catalog current_date current_role "
            + "current_schema current_time current_timestamp current_user dec decimal default deferrable desc "
            + "distinct do else end except exists extract false fetch float for foreign freeze from full grant "
            + "greatest group grouping having ilike in initially inner inout int integer intersect interval into is "
            + "isnull join json_array json_arrayagg json_object json_objectagg lateral leading least left like limit "
            + "localtime localtimestamp merge_action national natural nchar none normalize not notnull null nullif "
            + "numeric offset on only or order out outer overlaps overlay placing position precision primary real "
            + "references returning right row select session_user setof similar smallint some substring symmetric "
            + "system_user table tablesample then time timestamp to trailing treat trim true union unique user "
            + "using values varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement "
            + "xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable").split(" "));

    private final Scope scope;

    /** @param scope the target's scope: scope-relative schema names become its real ones */
    PgDdl(Scope scope) {
        this.scope = scope;
    }

    /** An identifier, quoted only when it is not a plain lower-case name or is a keyword. */
    static String ident(String name) {
        if (SIMPLE.matcher(name).matches() && !KEYWORDS.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identList(List<String> names) {
        return names.stream().map(PgDdl::ident).collect(Collectors.joining(", "));
    }

    /** The real schema name in the target for a scope-relative one. */
    String schema(String relative) {
        String actual = scope == null ? relative : scope.actualSchema(relative);
        return actual == null || actual.isEmpty() ? "public" : actual;
    }

    /** {@code schema.name} with the target's real schema. */
    String qualified(String relativeSchema, String name) {
        return ident(schema(relativeSchema)) + "." + ident(name);
    }

    String table(String relativeSchema, String table) {
        return qualified(relativeSchema, table);
    }

    String table(TableRef ref) {
        return qualified(ref.schema(), ref.name());
    }

    /** A routine with its identity arguments: {@code app.add(integer, integer)}. */
    String routine(Routine r) {
        int paren = r.name().indexOf('(');
        String args = paren < 0 ? "()" : r.name().substring(paren);
        return qualified(r.schema(), r.baseName()) + args;
    }

    // ---- types, sequences ---------------------------------------------------------------------------------

    String createEnum(EnumType e) {
        return "CREATE TYPE " + qualified(e.schema(), e.name()) + " AS ENUM ("
                + e.labels().stream().map(PgDdl::literal).collect(Collectors.joining(", ")) + ")";
    }

    String createDomain(Domain d) {
        StringBuilder sb = new StringBuilder("CREATE DOMAIN ").append(qualified(d.schema(), d.name()))
                .append(" AS ").append(d.baseType());
        if (d.collation() != null) {
            sb.append(" COLLATE ").append(collation(d.collation()));
        }
        if (d.defaultExpression() != null) {
            sb.append(" DEFAULT ").append(defaultClause(d.defaultExpression()));
        }
        if (d.notNull()) {
            sb.append(" NOT NULL");
        }
        for (NamedCheck c : d.checks()) {
            sb.append(" CONSTRAINT ").append(ident(c.name())).append(' ').append(check(c.expression()));
        }
        return sb.toString();
    }

    String createComposite(CompositeType t) {
        return "CREATE TYPE " + qualified(t.schema(), t.name()) + " AS ("
                + t.attributes().stream().map(this::attribute).collect(Collectors.joining(", ")) + ")";
    }

    String attribute(TypeAttribute a) {
        return ident(a.name()) + " " + a.type() + (a.collation() == null ? "" : " COLLATE " + collation(a.collation()));
    }

    String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + qualified(s.schema(), s.name()) + sequenceOptions(s);
    }

    /** The options clause of CREATE / ALTER SEQUENCE, every option spelled out so the result is exact. */
    String sequenceOptions(Sequence s) {
        StringBuilder sb = new StringBuilder();
        if (s.dataType() != null) {
            sb.append(" AS ").append(s.dataType());
        }
        sb.append(" INCREMENT BY ").append(s.increment())
                .append(" MINVALUE ").append(s.minValue())
                .append(" MAXVALUE ").append(s.maxValue())
                .append(" START WITH ").append(s.start())
                .append(" CACHE ").append(s.cache())
                .append(s.cycle() ? " CYCLE" : " NO CYCLE");
        return sb.toString();
    }

    /** {@code OWNED BY} target of a sequence: {@code table.column} scope-relative, or NONE. */
    String ownedBy(Sequence s) {
        if (s.ownedBy() == null) {
            return "NONE";
        }
        int dot = s.ownedBy().lastIndexOf('.');
        String table = s.ownedBy().substring(0, dot);
        String column = s.ownedBy().substring(dot + 1);
        // ownedBy may carry its own scope-relative schema ("app.t.c") in multi-schema scopes
        int schemaDot = table.lastIndexOf('.');
        String schema = schemaDot < 0 ? s.schema() : table.substring(0, schemaDot);
        String bare = schemaDot < 0 ? table : table.substring(schemaDot + 1);
        return qualified(schema, bare) + "." + ident(column);
    }

    // ---- tables and columns ---------------------------------------------------------------------------------

    /** CREATE TABLE with the golden columns in position order; constraints are added separately. */
    String createTable(Table t, List<Column> columns) {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (isUnlogged(t)) {
            sb.append("UNLOGGED ");
        }
        sb.append("TABLE ").append(qualified(t.schema(), t.name()));
        if (t.partitionOf() != null) {
            sb.append(" PARTITION OF ").append(table(t.partitionOf()));
            sb.append(' ').append(partitionBound(t.partitionBound()));
        } else {
            sb.append(" (");
            if (!columns.isEmpty()) {
                sb.append("\n    ").append(columns.stream().map(this::columnDefinition)
                        .collect(Collectors.joining(",\n    "))).append('\n');
            }
            sb.append(')');
            if (!t.inherits().isEmpty()) {
                sb.append(" INHERITS (").append(t.inherits().stream().map(this::table)
                        .collect(Collectors.joining(", "))).append(')');
            }
        }
        if (t.partitionKey() != null) {
            sb.append(" PARTITION BY ").append(t.partitionKey());
        }
        String accessMethod = t.options().get("access_method");
        if (accessMethod != null) {
            sb.append(" USING ").append(ident(accessMethod));
        }
        Map<String, String> storage = storageParameters(t.options());
        if (!storage.isEmpty()) {
            sb.append(" WITH (").append(withList(storage)).append(')');
        }
        return sb.toString();
    }

    static String partitionBound(String bound) {
        if (bound == null) {
            return "DEFAULT";
        }
        String b = bound.trim();
        return b.toUpperCase(Locale.ROOT).startsWith("FOR VALUES") || b.equalsIgnoreCase("DEFAULT") ? b : "FOR VALUES " + b;
    }

    static boolean isUnlogged(Table t) {
        String p = t.options().get("persistence");
        return p != null && (p.equalsIgnoreCase("unlogged") || p.equalsIgnoreCase("u"));
    }

    /** Storage parameters: options named {@code with.<name>}. */
    static Map<String, String> storageParameters(Map<String, String> options) {
        Map<String, String> out = new java.util.TreeMap<>();
        options.forEach((k, v) -> {
            if (k.startsWith("with.")) {
                out.put(k.substring(5), v);
            }
        });
        return out;
    }

    static String withList(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** A column as it appears in CREATE TABLE or ADD COLUMN. */
    String columnDefinition(Column c) {
        StringBuilder sb = new StringBuilder(ident(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(collation(c.collation()));
        }
        if (c.generated() != null) {
            // VIRTUAL only when golden's is (PostgreSQL 18, where it is the default); STORED is the only kind before
            sb.append(" GENERATED ALWAYS AS (").append(c.generated()).append(")")
                    .append("VIRTUAL".equals(c.generatedKind()) ? " VIRTUAL" : " STORED");
        } else if (c.identity() != null) {
            sb.append(' ').append(PgIdentity.generated(c.identity()));
        } else if (c.defaultExpression() != null) {
            sb.append(" DEFAULT ").append(defaultClause(c.defaultExpression()));
        }
        if (!c.nullable() && !c.notNullNotValid()) {
            // a NOT VALID one cannot be declared in the column: the planner adds it after (addNotNull)
            if (c.notNullName() != null) {
                sb.append(" CONSTRAINT ").append(ident(c.notNullName()));
            }
            sb.append(" NOT NULL");
            if (c.notNullNoInherit()) {
                sb.append(" NO INHERIT");
            }
        }
        return sb.toString();
    }

    /**
     * PostgreSQL 18's table-level NOT NULL constraint for a column: named as golden names it (or
     * left to the server's default name), {@code NO INHERIT} and {@code NOT VALID} as golden has them.
     */
    String addNotNull(Column c) {
        return alterTable(c.schema(), c.table()) + " ADD " + (c.notNullName() == null ? ""
                : "CONSTRAINT " + ident(c.notNullName()) + " ") + "NOT NULL " + ident(c.name())
                + (c.notNullNoInherit() ? " NO INHERIT" : "") + (c.notNullNotValid() ? " NOT VALID" : "");
    }

    /**
     * Renames a column's NOT NULL constraint (PostgreSQL 18) to golden's name whatever the target
     * calls it: after DETACH PARTITION a former partition keeps its parent's constraint names, which
     * no snapshot records (they were inherited), so the statement looks the name up itself.
     */
    String renameNotNullTo(Column g) {
        String table = qualified(g.schema(), g.table());
        String to = notNullConstraintName(g);
        return "DO $driftd$ DECLARE current name; BEGIN SELECT k.conname INTO current FROM pg_catalog.pg_constraint k "
                + "JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                + "WHERE k.conrelid = " + literal(table) + "::regclass AND k.contype = 'n' AND a.attname = "
                + literal(g.name()) + "; IF current IS DISTINCT FROM " + literal(to) + " THEN EXECUTE "
                + "pg_catalog.format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', " + literal(table) + ", current, "
                + literal(to) + "); END IF; END $driftd$";
    }

    /** The name of a column's NOT NULL constraint on PostgreSQL 18: its own or the server's default. */
    static String notNullConstraintName(Column c) {
        return c.notNullName() != null ? c.notNullName() : PgNotNull.defaultName(c.table(), c.name());
    }

    /** A collation name: {@code "C"}, {@code "en_US"}, or already quoted / qualified text kept as is. */
    static String collation(String name) {
        if (name.startsWith("\"") || name.contains(".")) {
            return name;
        }
        return ident(name);
    }

    String alterTable(String relativeSchema, String table) {
        return "ALTER TABLE " + qualified(relativeSchema, table);
    }

    // ---- constraints and indexes ------------------------------------------------------------------------------

    String addPrimaryKey(PrimaryKey pk) {
        return alterTable(pk.schema(), pk.table()) + " ADD CONSTRAINT " + ident(pk.name()) + " PRIMARY KEY ("
                + keyList(pk.columns(), pk.withoutOverlaps()) + ")" + deferrable(pk.deferrable(), pk.initiallyDeferred());
    }

    String addUnique(UniqueConstraint u) {
        return alterTable(u.schema(), u.table()) + " ADD CONSTRAINT " + ident(u.name()) + " UNIQUE"
                + (u.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " (" + keyList(u.columns(), u.withoutOverlaps()) + ")"
                + deferrable(u.deferrable(), u.initiallyDeferred());
    }

    String addCheck(CheckConstraint c, boolean notValid) {
        return alterTable(c.schema(), c.table()) + " ADD CONSTRAINT " + ident(c.name()) + " " + check(c.expression())
                + (c.noInherit() ? " NO INHERIT" : "") + (c.enforced() ? (notValid ? " NOT VALID" : "") : " NOT ENFORCED");
    }

    /** Key columns; PostgreSQL 18's temporal key has WITHOUT OVERLAPS on its last (range) column. */
    private static String keyList(List<String> columns, boolean withoutOverlaps) {
        String list = identList(columns);
        return withoutOverlaps ? list + " WITHOUT OVERLAPS" : list;
    }

    /** Foreign key columns; a temporal key (PostgreSQL 18) has PERIOD before its last column. */
    private static String periodList(List<String> columns, boolean period) {
        if (!period || columns.isEmpty()) {
            return identList(columns);
        }
        List<String> head = columns.subList(0, columns.size() - 1);
        return (head.isEmpty() ? "" : identList(head) + ", ") + "PERIOD " + ident(columns.get(columns.size() - 1));
    }

    String addExclusion(ExclusionConstraint x) {
        String def = x.definition().trim();
        String upper = def.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("EXCLUDE")) {
            def = "EXCLUDE " + def;
        }
        if (!upper.contains("DEFERRABLE")) {
            def += deferrable(x.deferrable(), x.initiallyDeferred());
        }
        return alterTable(x.schema(), x.table()) + " ADD CONSTRAINT " + ident(x.name()) + " " + def;
    }

    String addForeignKey(ForeignKey fk, boolean notValid) {
        StringBuilder sb = new StringBuilder(alterTable(fk.schema(), fk.table()))
                .append(" ADD CONSTRAINT ").append(ident(fk.name()))
                .append(" FOREIGN KEY (").append(periodList(fk.columns(), fk.period())).append(") REFERENCES ")
                .append(table(fk.references())).append(" (").append(periodList(fk.referencedColumns(), fk.period()))
                .append(')');
        if (!"SIMPLE".equalsIgnoreCase(fk.match())) {
            sb.append(" MATCH ").append(fk.match());
        }
        if (!"NO ACTION".equalsIgnoreCase(fk.onUpdate())) {
            sb.append(" ON UPDATE ").append(fk.onUpdate());
        }
        if (!"NO ACTION".equalsIgnoreCase(fk.onDelete())) {
            sb.append(" ON DELETE ").append(fk.onDelete());
        }
        sb.append(deferrable(fk.deferrable(), fk.initiallyDeferred()));
        if (fk.notEnforced()) {
            sb.append(" NOT ENFORCED"); // never checked, so never NOT VALID either
        } else if (notValid) {
            sb.append(" NOT VALID");
        }
        return sb.toString();
    }

    String dropConstraint(String relativeSchema, String table, String name) {
        return alterTable(relativeSchema, table) + " DROP CONSTRAINT " + ident(name);
    }

    static String deferrable(boolean deferrable, boolean initiallyDeferred) {
        if (!deferrable) {
            return "";
        }
        return initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    /** {@code CHECK (expr)}, whether the model kept the keyword and parentheses or not. */
    private static final java.util.Set<String> A_EXPR_WORDS = java.util.Set.of("and", "or", "not", "is", "in",
            "like", "ilike", "similar", "between", "any", "all", "some", "at", "collate", "isnull", "notnull",
            "overlaps");

    /**
     * A default as the DEFAULT clause of CREATE TABLE or CREATE DOMAIN takes it. That clause takes only
     * a restricted expression (no AND/OR/NOT, IS, IN, LIKE, BETWEEN, {@code = ANY}, COLLATE, …), while
     * the server deparses defaults unparenthesized ({@code 'x'::text = ANY (ARRAY[…])}): such a text
     * is wrapped in parentheses, which the server does not keep. Other texts stay as written.
     */
    static String defaultClause(String expression) {
        if (PgDefaults.unwrapParens(expression) != null) {
            return expression;
        }
        PgQuotes quotes = new PgQuotes();
        int n = expression.length();
        for (int i = 0; i < n; i++) {
            char ch = expression.charAt(i);
            if (!quotes.isSyntax(ch) || !Character.isLetter(ch) || i > 0 && isWordChar(expression.charAt(i - 1))) {
                continue;
            }
            int end = i;
            while (end < n && isWordChar(expression.charAt(end))) {
                end++;
            }
            if (A_EXPR_WORDS.contains(expression.substring(i, end).toLowerCase(Locale.ROOT))) {
                return "(" + expression + ")";
            }
            i = end - 1;
        }
        return expression;
    }

    private static boolean isWordChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }

    static String check(String expression) {
        String e = expression.trim();
        if (e.regionMatches(true, 0, "CHECK", 0, 5) && e.substring(5).trim().startsWith("(")) {
            return e;
        }
        return "CHECK (" + e + ")";
    }

    String createIndex(Index ix) {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (ix.unique()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ").append(ident(ix.name())).append(" ON ").append(qualified(ix.schema(), ix.table()));
        if (ix.method() != null && !ix.method().equalsIgnoreCase("btree")) {
            sb.append(" USING ").append(ix.method());
        }
        List<String> parts = new ArrayList<>();
        for (IndexPart p : ix.parts()) {
            parts.add(indexPart(p));
        }
        sb.append(" (").append(String.join(", ", parts)).append(')');
        if (!ix.include().isEmpty()) {
            sb.append(" INCLUDE (").append(identList(ix.include())).append(')');
        }
        if (ix.nullsNotDistinct()) {
            sb.append(" NULLS NOT DISTINCT");
        }
        Map<String, String> with = new java.util.TreeMap<>();
        ix.options().forEach((k, v) -> with.put(k.startsWith("with.") ? k.substring(5) : k, v));
        if (!with.isEmpty()) {
            sb.append(" WITH (").append(withList(with)).append(')');
        }
        if (ix.predicate() != null) {
            sb.append(" WHERE ").append(ix.predicate());
        }
        return sb.toString();
    }

    private static String indexPart(IndexPart p) {
        StringBuilder sb = new StringBuilder();
        if (p.expression() != null) {
            String e = p.expression().trim();
            sb.append(e.startsWith("(") && e.endsWith(")") ? e : "(" + e + ")");
        } else {
            sb.append(ident(p.column()));
        }
        if (p.collation() != null) {
            sb.append(" COLLATE ").append(collation(p.collation()));
        }
        if (p.opclass() != null) {
            sb.append(' ').append(p.opclass());
        }
        if ("DESC".equalsIgnoreCase(p.order())) {
            sb.append(" DESC");
        }
        if (p.nulls() != null) {
            sb.append(" NULLS ").append(p.nulls());
        }
        return sb.toString();
    }

    String dropIndex(Index ix) {
        return "DROP INDEX " + qualified(ix.schema(), ix.name());
    }

    // ---- views, routines, triggers, policies ------------------------------------------------------------------

    String createView(View v, boolean orReplace) {
        StringBuilder sb = new StringBuilder("CREATE ");
        if (orReplace && !v.materialized()) {
            sb.append("OR REPLACE ");
        }
        sb.append(v.materialized() ? "MATERIALIZED VIEW " : "VIEW ").append(qualified(v.schema(), v.name()));
        Map<String, String> with = new java.util.TreeMap<>();
        String checkOption = null;
        for (Map.Entry<String, String> e : v.options().entrySet()) {
            String k = e.getKey().startsWith("with.") ? e.getKey().substring(5) : e.getKey();
            if (k.equals("check_option")) {
                checkOption = e.getValue();
            } else if (!k.equals("tablespace")) {
                with.put(k, e.getValue());
            }
        }
        if (!with.isEmpty()) {
            sb.append(" WITH (").append(withList(with)).append(')');
        }
        sb.append(" AS\n").append(stripTerminator(v.definition()));
        if (checkOption != null && !v.materialized()) {
            sb.append("\n WITH ").append(checkOption.toUpperCase(Locale.ROOT)).append(" CHECK OPTION");
        }
        return sb.toString();
    }

    String dropView(View v) {
        return "DROP " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + qualified(v.schema(), v.name());
    }

    static String stripTerminator(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    String dropRoutine(Routine r) {
        return "DROP " + (r.procedure() ? "PROCEDURE " : "FUNCTION ") + routine(r);
    }

    String dropTrigger(String relativeSchema, String table, String name) {
        return "DROP TRIGGER " + ident(name) + " ON " + qualified(relativeSchema, table);
    }

    String createPolicy(Policy p) {
        StringBuilder sb = new StringBuilder("CREATE POLICY ").append(ident(p.name())).append(" ON ")
                .append(qualified(p.schema(), p.table()));
        sb.append(p.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE");
        sb.append(" FOR ").append(p.command() == null ? "ALL" : p.command().toUpperCase(Locale.ROOT));
        if (!p.roles().isEmpty()) {
            sb.append(" TO ").append(p.roles().stream()
                    .map(r -> r.equalsIgnoreCase("public") ? "PUBLIC" : ident(r)).collect(Collectors.joining(", ")));
        }
        if (p.using() != null) {
            sb.append(" USING (").append(p.using()).append(')');
        }
        if (p.withCheck() != null) {
            sb.append(" WITH CHECK (").append(p.withCheck()).append(')');
        }
        return sb.toString();
    }

    String dropPolicy(String relativeSchema, String table, String name) {
        return "DROP POLICY " + ident(name) + " ON " + qualified(relativeSchema, table);
    }

    // ---- privileges --------------------------------------------------------------------------------------------

    /** REVOKE {@code privileges} of the grant's object from its grantee (column privileges name the column). */
    String revoke(Privilege p, Set<String> privileges) {
        return "REVOKE " + privilegeList(p, privileges) + " ON " + privilegeTarget(p) + " FROM " + grantee(p);
    }

    String revokeGrantOption(Privilege p, Set<String> privileges) {
        return "REVOKE GRANT OPTION FOR " + privilegeList(p, privileges) + " ON " + privilegeTarget(p) + " FROM " + grantee(p);
    }

    String grant(Privilege p, Set<String> privileges, boolean withGrantOption) {
        return "GRANT " + privilegeList(p, privileges) + " ON " + privilegeTarget(p) + " TO " + grantee(p)
                + (withGrantOption ? " WITH GRANT OPTION" : "");
    }

    /** The table of a column privilege, whose object is {@code table.column}. */
    private static String privilegeTable(Privilege p) {
        return p.object().substring(0, p.object().lastIndexOf('.'));
    }

    private static String privilegeColumn(Privilege p) {
        return p.object().substring(p.object().lastIndexOf('.') + 1);
    }

    private static String privilegeList(Privilege p, Set<String> privileges) {
        if ("COLUMN".equals(p.objectType())) {
            String col = " (" + ident(privilegeColumn(p)) + ")";
            return String.join(", ", privileges.stream().map(x -> x + col).toList());
        }
        return String.join(", ", privileges);
    }

    private String privilegeTarget(Privilege p) {
        return switch (p.objectType()) {
            case "COLUMN" -> "TABLE " + qualified(p.schema(), privilegeTable(p));
            case "SCHEMA" -> "SCHEMA " + ident(schema(p.schema()));
            case "FUNCTION", "PROCEDURE" -> {
                int paren = p.object().indexOf('(');
                yield p.objectType() + " " + qualified(p.schema(), p.object().substring(0, paren))
                        + p.object().substring(paren);
            }
            default -> p.objectType() + " " + qualified(p.schema(), p.object());
        };
    }

    private static String grantee(Privilege p) {
        return "PUBLIC".equals(p.grantee()) ? "PUBLIC" : ident(p.grantee());
    }

    // ---- comments and triggers ---------------------------------------------------------------------------------

    /** The ALTER TABLE that gives a trigger its non-default firing state, or null for the default (enabled on origin). */
    String triggerFiringState(Trigger t) {
        if (t.enabled() == null) {
            return null;
        }
        String clause = switch (t.enabled().toUpperCase(Locale.ROOT)) {
            case "D", "DISABLED" -> "DISABLE";
            case "R", "REPLICA" -> "ENABLE REPLICA";
            case "A", "ALWAYS" -> "ENABLE ALWAYS";
            default -> null;
        };
        return clause == null ? null : alterTable(t.schema(), t.table()) + " " + clause + " TRIGGER " + ident(t.name());
    }

    /** {@code schema.name(identity arguments)}, as DROP and COMMENT ON AGGREGATE name one. */
    String aggregate(Aggregate a) {
        return qualified(a.schema(), a.baseName()) + a.name().substring(a.baseName().length());
    }

    /** What COMMENT ON names for an object, or null for kinds that carry no comment here. */
    String commentTarget(SchemaObject o) {
        if (o instanceof SchemaDef s) {
            return "SCHEMA " + ident(schema(s.name()));
        } else if (o instanceof Extension e) {
            return "EXTENSION " + ident(e.name());
        } else if (o instanceof EnumType e) {
            return "TYPE " + qualified(e.schema(), e.name());
        } else if (o instanceof CompositeType t) {
            return "TYPE " + qualified(t.schema(), t.name());
        } else if (o instanceof Domain d) {
            return "DOMAIN " + qualified(d.schema(), d.name());
        } else if (o instanceof Sequence s) {
            return "SEQUENCE " + qualified(s.schema(), s.name());
        } else if (o instanceof Table t) {
            return "TABLE " + qualified(t.schema(), t.name());
        } else if (o instanceof Column c) {
            return "COLUMN " + qualified(c.schema(), c.table()) + "." + ident(c.name());
        } else if (o instanceof PrimaryKey || o instanceof UniqueConstraint || o instanceof CheckConstraint
                || o instanceof ExclusionConstraint || o instanceof ForeignKey) {
            ObjectKey k = o.key();
            return "CONSTRAINT " + ident(k.name()) + " ON " + qualified(k.schema(), k.table());
        } else if (o instanceof Index i) {
            return "INDEX " + qualified(i.schema(), i.name());
        } else if (o instanceof View v) {
            return (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + qualified(v.schema(), v.name());
        } else if (o instanceof Routine r) {
            return (r.procedure() ? "PROCEDURE " : "FUNCTION ") + routine(r);
        } else if (o instanceof Trigger t) {
            return "TRIGGER " + ident(t.name()) + " ON " + qualified(t.schema(), t.table());
        } else if (o instanceof Policy p) {
            return "POLICY " + ident(p.name()) + " ON " + qualified(p.schema(), p.table());
        } else if (o instanceof Rule r) {
            return "RULE " + ident(r.name()) + " ON " + qualified(r.schema(), r.table());
        } else if (o instanceof Collation l) {
            return "COLLATION " + qualified(l.schema(), l.name());
        } else if (o instanceof TextSearchDictionary d) {
            return "TEXT SEARCH DICTIONARY " + qualified(d.schema(), d.name());
        } else if (o instanceof TextSearchConfiguration t) {
            return "TEXT SEARCH CONFIGURATION " + qualified(t.schema(), t.name());
        } else if (o instanceof Aggregate a) {
            return "AGGREGATE " + aggregate(a);
        }
        return null;
    }

    /** The part of a constraint whose comment {@link #partComments} holds: its index. */
    private static final String INDEX_PART = "index";

    /**
     * The COMMENT ON targets of the parts of an object that carry comments of their own, by part:
     * the columns of a view and the attributes of a composite type (by name, in order), the index
     * of a primary key, unique or exclusion constraint; empty for other objects.
     */
    Map<String, String> partCommentTargets(SchemaObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o instanceof View v) {
            v.columns().forEach(c -> out.put(c, "COLUMN " + qualified(v.schema(), v.name()) + "." + ident(c)));
        } else if (o instanceof CompositeType t) {
            t.attributes().forEach(a -> out.put(a.name(), "COLUMN " + qualified(t.schema(), t.name()) + "." + ident(a.name())));
        } else if (o instanceof PrimaryKey || o instanceof UniqueConstraint || o instanceof ExclusionConstraint) {
            // the index has the constraint's name
            out.put(INDEX_PART, "INDEX " + qualified(o.key().schema(), o.key().name()));
        }
        return out;
    }

    /** The comments on the parts of {@link #partCommentTargets}, by part. */
    static Map<String, String> partComments(SchemaObject o) {
        String index = o instanceof PrimaryKey p ? p.indexComment() : o instanceof UniqueConstraint u ? u.indexComment()
                : o instanceof ExclusionConstraint x ? x.indexComment() : null;
        if (index != null) {
            return Map.of(INDEX_PART, index);
        }
        return o instanceof View v ? v.columnComments() : o instanceof CompositeType t ? t.columnComments() : Map.of();
    }

    /** COMMENT ON ... IS ...; a null comment removes it. */
    static String comment(String target, String text) {
        return "COMMENT ON " + target + " IS " + (text == null ? "NULL" : literal(text));
    }

    // ---- a plan's preamble -------------------------------------------------------------------------------------

    static String setLockTimeout(String duration) {
        return "SET lock_timeout = '" + duration + "'";
    }

    static String skipFunctionBodyChecks() {
        return "SET check_function_bodies = false";
    }

    static String setSearchPath(String path) {
        return "SET search_path = " + path;
    }

    // ---- schemas and extensions --------------------------------------------------------------------------------

    String createSchema(String relativeSchema) {
        return "CREATE SCHEMA " + ident(schema(relativeSchema));
    }

    String dropSchema(String relativeSchema) {
        return "DROP SCHEMA " + ident(schema(relativeSchema));
    }

    String createExtension(Extension e) {
        return "CREATE EXTENSION IF NOT EXISTS " + ident(e.name())
                + (e.schema() == null ? "" : " WITH SCHEMA " + ident(schema(e.schema())))
                + (e.version() == null ? "" : " VERSION " + literal(e.version()));
    }

    static String dropExtension(String name) {
        return "DROP EXTENSION " + ident(name);
    }

    String moveExtension(Extension e) {
        return "ALTER EXTENSION " + ident(e.name()) + " SET SCHEMA " + ident(schema(e.schema()));
    }

    static String updateExtension(Extension e) {
        return "ALTER EXTENSION " + ident(e.name()) + " UPDATE TO " + literal(e.version());
    }

    // ---- types -------------------------------------------------------------------------------------------------

    /** DROP TYPE, for an enum or a composite type. */
    String dropType(String relativeSchema, String name) {
        return "DROP TYPE " + qualified(relativeSchema, name);
    }

    String renameType(String relativeSchema, String name, String newName) {
        return "ALTER TYPE " + qualified(relativeSchema, name) + " RENAME TO " + ident(newName);
    }

    /**
     * ADD VALUE of an enum label, placed AFTER {@code after} when it is set, else BEFORE {@code before}
     * when that is set, else at the end.
     */
    String addEnumLabel(EnumType e, String label, String after, String before) {
        return "ALTER TYPE " + qualified(e.schema(), e.name()) + " ADD VALUE " + literal(label)
                + (after != null ? " AFTER " + literal(after) : before != null ? " BEFORE " + literal(before) : "");
    }

    String dropDomain(Domain d) {
        return "DROP DOMAIN " + qualified(d.schema(), d.name());
    }

    /** Golden's domain default: SET DEFAULT, or DROP DEFAULT when it has none. */
    String alterDomainDefault(Domain d) {
        return "ALTER DOMAIN " + qualified(d.schema(), d.name())
                + (d.defaultExpression() == null ? " DROP DEFAULT" : " SET DEFAULT " + d.defaultExpression());
    }

    String alterDomainNotNull(Domain d) {
        return "ALTER DOMAIN " + qualified(d.schema(), d.name()) + (d.notNull() ? " SET NOT NULL" : " DROP NOT NULL");
    }

    String dropDomainCheck(Domain d, NamedCheck check) {
        return "ALTER DOMAIN " + qualified(d.schema(), d.name()) + " DROP CONSTRAINT " + ident(check.name());
    }

    /** What COMMENT ON names for a domain's check. */
    String domainCheckCommentTarget(Domain d, String check) {
        return "CONSTRAINT " + ident(check) + " ON DOMAIN " + qualified(d.schema(), d.name());
    }

    String addDomainCheck(Domain d, NamedCheck check) {
        return "ALTER DOMAIN " + qualified(d.schema(), d.name()) + " ADD CONSTRAINT " + ident(check.name())
                + " " + check(check.expression());
    }

    /** One ALTER TYPE for every attribute action, as the server applies them in one pass. */
    String alterComposite(CompositeType t, List<String> attributeActions) {
        return "ALTER TYPE " + qualified(t.schema(), t.name()) + " " + String.join(", ", attributeActions);
    }

    static String dropAttribute(String name) {
        return "DROP ATTRIBUTE " + ident(name);
    }

    static String alterAttributeType(TypeAttribute a) {
        return "ALTER ATTRIBUTE " + ident(a.name()) + " TYPE " + a.type()
                + (a.collation() == null ? "" : " COLLATE " + collation(a.collation()));
    }

    String addAttribute(TypeAttribute a) {
        return "ADD ATTRIBUTE " + attribute(a);
    }

    // ---- sequences ---------------------------------------------------------------------------------------------

    String alterSequenceOptions(Sequence s) {
        return "ALTER SEQUENCE " + qualified(s.schema(), s.name()) + sequenceOptions(s);
    }

    String alterSequenceOwner(Sequence s) {
        return "ALTER SEQUENCE " + qualified(s.schema(), s.name()) + " OWNED BY " + ownedBy(s);
    }

    String dropSequence(Sequence s) {
        return "DROP SEQUENCE " + qualified(s.schema(), s.name());
    }

    // ---- rules and routines replaced in place ------------------------------------------------------------------

    String dropRule(String relativeSchema, String table, String name) {
        return "DROP RULE " + ident(name) + " ON " + qualified(relativeSchema, table);
    }

    /** A rule's definition as CREATE OR REPLACE RULE, so a changed rule is replaced without a drop. */
    static String replaceRule(String definition) {
        return definition.regionMatches(true, 0, "CREATE RULE", 0, 11)
                ? "CREATE OR REPLACE RULE" + definition.substring(11) : definition;
    }

    /** A routine's definition, without terminator, as CREATE OR REPLACE. */
    static String replaceRoutine(Routine r) {
        String def = stripTerminator(r.definition());
        if (def.regionMatches(true, 0, "CREATE FUNCTION", 0, 15)) {
            def = "CREATE OR REPLACE FUNCTION" + def.substring(15);
        } else if (def.regionMatches(true, 0, "CREATE PROCEDURE", 0, 16)) {
            def = "CREATE OR REPLACE PROCEDURE" + def.substring(16);
        }
        return def;
    }

    // ---- tables ------------------------------------------------------------------------------------------------

    String dropTable(Table t) {
        return "DROP TABLE " + qualified(t.schema(), t.name());
    }

    String setRowSecurity(Table t) {
        return alterTable(t.schema(), t.name()) + (t.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY";
    }

    String setForceRowSecurity(Table t) {
        return alterTable(t.schema(), t.name()) + (t.forceRowSecurity() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY";
    }

    String setPersistence(Table t) {
        return alterTable(t.schema(), t.name()) + (isUnlogged(t) ? " SET UNLOGGED" : " SET LOGGED");
    }

    String setStorageParameters(Table t, Map<String, String> parameters) {
        return alterTable(t.schema(), t.name()) + " SET (" + withList(parameters) + ")";
    }

    String resetStorageParameters(Table t, List<String> names) {
        return alterTable(t.schema(), t.name()) + " RESET (" + String.join(", ", names) + ")";
    }

    /** Golden's access method; a table without one is back on heap, the server's default. */
    String setAccessMethod(Table t) {
        return alterTable(t.schema(), t.name()) + " SET ACCESS METHOD " + ident(t.options().getOrDefault("access_method", "heap"));
    }

    String detachPartition(Table partition) {
        return "ALTER TABLE " + table(partition.partitionOf()) + " DETACH PARTITION "
                + qualified(partition.schema(), partition.name());
    }

    String attachPartition(Table partition) {
        return "ALTER TABLE " + table(partition.partitionOf()) + " ATTACH PARTITION "
                + qualified(partition.schema(), partition.name()) + " " + partitionBound(partition.partitionBound());
    }

    String inherit(Table child, TableRef parent) {
        return alterTable(child.schema(), child.name()) + " INHERIT " + table(parent);
    }

    String noInherit(Table child, TableRef parent) {
        return alterTable(child.schema(), child.name()) + " NO INHERIT " + table(parent);
    }

    // ---- columns -----------------------------------------------------------------------------------------------

    String addColumn(Column c) {
        return alterTable(c.schema(), c.table()) + " ADD COLUMN " + columnDefinition(c);
    }

    /** DROP COLUMN; {@code only} leaves the column on the tables inheriting it, as their own. */
    String dropColumn(Column c, boolean only) {
        return "ALTER TABLE " + (only ? "ONLY " : "") + qualified(c.schema(), c.table()) + " DROP COLUMN " + ident(c.name());
    }

    String alterColumn(Column c) {
        return alterTable(c.schema(), c.table()) + " ALTER COLUMN " + ident(c.name());
    }

    /** The column's default as golden has it: SET DEFAULT, or DROP DEFAULT when it has none. */
    String setOrDropDefault(Column c) {
        return alterColumn(c) + (c.defaultExpression() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.defaultExpression());
    }

    String dropDefault(Column c) {
        return alterColumn(c) + " DROP DEFAULT";
    }

    String dropExpression(Column c) {
        return alterColumn(c) + " DROP EXPRESSION";
    }

    String setExpression(Column c) {
        return alterColumn(c) + " SET EXPRESSION AS (" + c.generated() + ")";
    }

    String dropIdentity(Column c) {
        return alterColumn(c) + " DROP IDENTITY";
    }

    String addIdentity(Column c) {
        return alterColumn(c) + " ADD " + PgIdentity.generated(c.identity());
    }

    String setIdentityKind(Column c) {
        return alterColumn(c) + " SET GENERATED " + PgIdentity.kind(c.identity());
    }

    /** Golden's identity sequence options; {@code restart} when its range narrows past the current value. */
    String setIdentityOptions(Column c, boolean restart) {
        return alterColumn(c) + " " + PgIdentity.setOptions(c.identity(), c.type()) + (restart ? " RESTART" : "");
    }

    String dropNotNull(Column c) {
        return alterColumn(c) + " DROP NOT NULL";
    }

    String setNotNull(Column c) {
        return alterColumn(c) + " SET NOT NULL";
    }

    /** TYPE ... USING the column itself cast to golden's type, through text when an enum is involved. */
    String changeType(Column c, boolean viaText) {
        return alterColumn(c) + " TYPE " + c.type() + (c.collation() == null ? "" : " COLLATE " + collation(c.collation()))
                + " USING " + ident(c.name()) + (viaText ? "::text" : "") + "::" + c.type();
    }

    String setStatistics(String relativeSchema, String relation, boolean materializedView, String column, int value) {
        return (materializedView ? "ALTER MATERIALIZED VIEW " + qualified(relativeSchema, relation)
                : alterTable(relativeSchema, relation)) + " ALTER COLUMN " + ident(column) + " SET STATISTICS " + value;
    }

    // ---- constraints changed in place --------------------------------------------------------------------------

    String renameConstraint(String relativeSchema, String table, String from, String to) {
        return alterTable(relativeSchema, table) + " RENAME CONSTRAINT " + ident(from) + " TO " + ident(to);
    }

    String setConstraintInheritance(String relativeSchema, String table, String name, boolean noInherit) {
        return alterTable(relativeSchema, table) + " ALTER CONSTRAINT " + ident(name) + (noInherit ? " NO INHERIT" : " INHERIT");
    }

    String validateConstraint(String relativeSchema, String table, String name) {
        return alterTable(relativeSchema, table) + " VALIDATE CONSTRAINT " + ident(name);
    }
}
