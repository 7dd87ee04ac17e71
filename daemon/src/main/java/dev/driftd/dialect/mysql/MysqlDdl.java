package dev.driftd.dialect.mysql;

import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.Flavor;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.IndexPart;
import dev.driftd.schema.PrimaryKey;
import dev.driftd.schema.Sequence;
import dev.driftd.schema.Table;
import dev.driftd.schema.TableRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders model objects as MySQL/MariaDB DDL fragments: identifiers in backticks, strings in
 * single quotes, column and key definitions as {@code SHOW CREATE TABLE} would print them. Knows
 * nothing about ordering; {@link MysqlPlanner} decides which fragment goes where.
 */
final class MysqlDdl {
    /** Defaults that go after DEFAULT as they are: literals and the CURRENT_TIMESTAMP family. */
    private static final Pattern PLAIN_DEFAULT = Pattern.compile(
            "(?is)NULL|TRUE|FALSE|-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?|'(?:[^'\\\\]|''|\\\\.)*'"
                    + "|[bBxX]'[0-9a-fA-F]*'|0x[0-9a-fA-F]+|_[a-z0-9]+\\s*'(?:[^'\\\\]|''|\\\\.)*'"
                    + "|(current_timestamp|now|localtimestamp|localtime)(\\s*\\(\\s*[0-9]?\\s*\\))?");

    private final Flavor flavor;

    MysqlDdl(Flavor flavor) {
        this.flavor = flavor;
    }

    static String ident(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /** A string literal the server reads back as {@code text} whatever NO_BACKSLASH_ESCAPES says. */
    static String literal(String text) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> sb.append("''");
                case '\\' -> sb.append("\\\\");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    static String identList(List<String> names) {
        return names.stream().map(MysqlDdl::ident).collect(Collectors.joining(", "));
    }

    /** A table in the target database; a reference with a schema points at another database. */
    static String tableRef(TableRef ref) {
        return ref.schema().isEmpty() ? ident(ref.name()) : ident(ref.schema()) + "." + ident(ref.name());
    }

    /** {@code `name` type ...}: everything that follows ADD COLUMN / MODIFY COLUMN. */
    String column(Column c) {
        return column(c, null);
    }

    /**
     * The column's definition with its column-level check ({@link CheckConstraint#column()}), if it
     * has one: MariaDB drops a column check that a MODIFY does not restate.
     */
    String column(Column c, CheckConstraint columnCheck) {
        String def = columnWithoutCheck(c);
        return columnCheck == null ? def : def + " CHECK (" + columnCheck.expression() + ")";
    }

    private String columnWithoutCheck(Column c) {
        StringBuilder sb = new StringBuilder(ident(c.name())).append(' ').append(c.type());
        if (c.charset() != null) {
            sb.append(" CHARACTER SET ").append(c.charset());
        }
        if (c.collation() != null) {
            sb.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            sb.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") ")
                    .append(c.generatedKind() == null ? "VIRTUAL" : c.generatedKind().toUpperCase(Locale.ROOT));
            // MariaDB rejects NULL / NOT NULL on generated columns; MySQL accepts NOT NULL.
            if (!c.nullable() && flavor == Flavor.MYSQL) {
                sb.append(" NOT NULL");
            }
        } else {
            sb.append(c.nullable() ? " NULL" : " NOT NULL");
            if (c.defaultExpression() != null && !c.autoIncrement()) {
                sb.append(" DEFAULT ").append(defaultClause(c.defaultExpression()));
            }
            if (c.onUpdate() != null) {
                sb.append(" ON UPDATE ").append(c.onUpdate());
            }
            if (c.autoIncrement()) {
                sb.append(" AUTO_INCREMENT");
            }
        }
        if (c.invisible()) {
            sb.append(" INVISIBLE");
        }
        if (c.comment() != null) {
            sb.append(" COMMENT ").append(literal(c.comment()));
        }
        return sb.toString();
    }

    /** Literals as they are; any other expression in parentheses, which both servers accept. */
    static String defaultClause(String expression) {
        String e = expression.trim();
        if (PLAIN_DEFAULT.matcher(e).matches() || (e.startsWith("(") && e.endsWith(")") && balanced(e))) {
            return e;
        }
        return "(" + e + ")";
    }

    /** True when the outer parentheses of {@code e} enclose all of it. */
    private static boolean balanced(String e) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < e.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    String primaryKey(PrimaryKey pk) {
        return "PRIMARY KEY (" + identList(pk.columns()) + ")"
                + (pk.comment() == null ? "" : " COMMENT " + literal(pk.comment()));
    }

    /** {@code [UNIQUE|FULLTEXT|SPATIAL] INDEX `name` (parts) ...}: what follows ADD. */
    String index(Index ix) {
        StringBuilder sb = new StringBuilder();
        String method = ix.method() == null ? "" : ix.method().toUpperCase(Locale.ROOT);
        if (method.equals("FULLTEXT") || method.equals("SPATIAL")) {
            sb.append(method).append(' ');
        } else if (ix.unique()) {
            sb.append("UNIQUE ");
        }
        sb.append("INDEX ").append(ident(ix.name())).append(" (");
        List<String> parts = new ArrayList<>();
        for (IndexPart p : ix.parts()) {
            parts.add(part(p));
        }
        sb.append(String.join(", ", parts)).append(')');
        if (method.equals("HASH")) {
            sb.append(" USING HASH");
        }
        String parser = ix.options().get("parser");
        if (parser != null) {
            sb.append(" WITH PARSER ").append(parser);
        }
        if (ix.comment() != null) {
            sb.append(" COMMENT ").append(literal(ix.comment()));
        }
        if (isHidden(ix)) {
            sb.append(flavor == Flavor.MARIADB ? " IGNORED" : " INVISIBLE");
        }
        return sb.toString();
    }

    boolean isMariadb() {
        return flavor == Flavor.MARIADB;
    }

    /** ALTER INDEX clause that only flips whether the optimizer may use the index. */
    String indexVisibility(Index ix) {
        boolean hidden = isHidden(ix);
        String word = flavor == Flavor.MARIADB ? (hidden ? "IGNORED" : "NOT IGNORED") : (hidden ? "INVISIBLE" : "VISIBLE");
        return "ALTER INDEX " + ident(ix.name()) + " " + word;
    }

    /** An index the optimizer is told to ignore: MySQL INVISIBLE, MariaDB IGNORED. */
    static boolean isHidden(Index ix) {
        Map<String, String> o = ix.options();
        return "true".equalsIgnoreCase(o.get("invisible")) || "true".equalsIgnoreCase(o.get("ignored"))
                || "false".equalsIgnoreCase(o.get("visible")) || "NO".equalsIgnoreCase(o.get("visible"));
    }

    private static String part(IndexPart p) {
        String s;
        if (p.column() != null) {
            s = ident(p.column()) + (p.prefixLength() == null ? "" : "(" + p.prefixLength() + ")");
        } else {
            s = "(" + p.expression() + ")";
        }
        return "DESC".equalsIgnoreCase(p.order()) ? s + " DESC" : s;
    }

    String check(CheckConstraint ck) {
        String s = "CONSTRAINT " + ident(ck.name()) + " CHECK (" + ck.expression() + ")";
        return !ck.enforced() && flavor == Flavor.MYSQL ? s + " NOT ENFORCED" : s;
    }

    /** MySQL spells it DROP CHECK; MariaDB only knows DROP CONSTRAINT. */
    String dropCheck(String name) {
        return (flavor == Flavor.MARIADB ? "DROP CONSTRAINT " : "DROP CHECK ") + ident(name);
    }

    /**
     * MariaDB drops and re-adds a check of the same name in one ALTER; MySQL is given the drop in
     * a statement of its own, which costs nothing there (dropping a check is metadata only).
     */
    boolean dropCheckSharesAlter() {
        return flavor == Flavor.MARIADB;
    }

    String foreignKey(ForeignKey fk) {
        StringBuilder sb = new StringBuilder("CONSTRAINT ").append(ident(fk.name()))
                .append(" FOREIGN KEY (").append(identList(fk.columns())).append(") REFERENCES ")
                .append(tableRef(fk.references())).append(" (").append(identList(fk.referencedColumns())).append(')');
        // NO ACTION is what MySQL assumes when the clause is left out (and what SHOW CREATE omits).
        if (!"NO ACTION".equals(fk.onDelete())) {
            sb.append(" ON DELETE ").append(fk.onDelete());
        }
        if (!"NO ACTION".equals(fk.onUpdate())) {
            sb.append(" ON UPDATE ").append(fk.onUpdate());
        }
        return sb.toString();
    }

    /**
     * Table options as {@code SHOW CREATE TABLE} lists them. {@code includeCharset} is false when
     * charset and collation change through CONVERT TO instead.
     */
    List<String> tableOptions(Table t, boolean includeCharset) {
        List<String> out = new ArrayList<>();
        Map<String, String> o = t.options();
        for (Map.Entry<String, String> e : o.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            switch (key) {
                case "engine" -> out.add("ENGINE=" + value);
                case "charset" -> {
                    if (includeCharset) {
                        out.add("DEFAULT CHARSET=" + value);
                    }
                }
                case "collation" -> {
                    if (includeCharset) {
                        out.add("COLLATE=" + value);
                    }
                }
                case "row_format" -> out.add("ROW_FORMAT=" + value.toUpperCase(Locale.ROOT));
                case "partitioning" -> {
                    // its own statement: PARTITION BY cannot share an ALTER with most other changes
                }
                // MariaDB: a CREATE TABLE option, an ALTER TABLE action (includeCharset is set for CREATE only)
                case "system_versioning" -> out.add(includeCharset ? "WITH SYSTEM VERSIONING" : "ADD SYSTEM VERSIONING");
                default -> {
                    if (isSimpleOption(key)) {
                        out.add(key.toUpperCase(Locale.ROOT) + "=" + value);
                    }
                }
            }
        }
        return out;
    }

    /** Options {@link #tableOptions} writes. */
    static boolean isKnownOption(String key) {
        return switch (key) {
            case "engine", "charset", "collation", "row_format", "partitioning", "system_versioning" -> true;
            default -> isSimpleOption(key);
        };
    }

    /** Other table options the server takes as {@code NAME=value} (KEY_BLOCK_SIZE, STATS_PERSISTENT ...). */
    static boolean isSimpleOption(String key) {
        return switch (key) {
            case "key_block_size", "stats_persistent", "stats_auto_recalc", "stats_sample_pages", "pack_keys",
                 "checksum", "delay_key_write", "page_checksum", "transactional", "max_rows", "min_rows",
                 "avg_row_length", "compression", "encryption", "page_compressed", "page_compression_level" -> true;
            default -> false;
        };
    }

    /**
     * CREATE OR REPLACE VIEW with the algorithm, SQL SECURITY and CHECK OPTION golden has. No
     * DEFINER: the view belongs to whoever applies the plan, as on a freshly built golden.
     */
    String view(dev.driftd.schema.View v) {
        StringBuilder sb = new StringBuilder("CREATE OR REPLACE");
        String algorithm = v.options().get("algorithm");
        if (algorithm != null && !algorithm.equalsIgnoreCase("UNDEFINED")) {
            sb.append(" ALGORITHM=").append(algorithm.toUpperCase(Locale.ROOT));
        }
        String security = v.options().getOrDefault("security", v.options().get("security_type"));
        if (security != null) {
            sb.append(" SQL SECURITY ").append(security.toUpperCase(Locale.ROOT));
        }
        sb.append(" VIEW ").append(ident(v.name())).append(" AS ").append(v.definition());
        String check = v.options().get("check_option");
        if (check != null && !check.equalsIgnoreCase("NONE")) {
            sb.append(" WITH ").append(check.toUpperCase(Locale.ROOT)).append(" CHECK OPTION");
        }
        return sb.toString();
    }

    /** The statement that gives a table its golden partitioning (the text starts with PARTITION BY). */
    static String partitionClause(String partitioning) {
        String p = partitioning.trim();
        if (p.regionMatches(true, 0, "PARTITION BY", 0, 12)) {
            p = p.substring(12).trim();
        }
        Matcher m = DEFAULT_NAMED.matcher(p);
        if (m.matches()) {
            // HASH / KEY partitions named p0..pN-1 are what PARTITIONS N creates: say it that way,
            // as SHOW CREATE TABLE of golden does.
            String[] names = m.group(2).split(",");
            boolean defaults = true;
            for (int i = 0; i < names.length; i++) {
                defaults &= names[i].trim().equals("PARTITION `p" + i + "`");
            }
            if (defaults) {
                return "PARTITION BY " + m.group(1).trim() + " PARTITIONS " + names.length;
            }
        }
        return "PARTITION BY " + p;
    }

    /** {@code HASH (`id`) (PARTITION `p0`, PARTITION `p1`)}: group 1 the method and expression, group 2 the list. */
    private static final Pattern DEFAULT_NAMED = Pattern.compile(
            "(?is)((?:LINEAR\\s+)?(?:HASH|KEY)\\s*(?:ALGORITHM\\s*=\\s*\\d\\s*)?\\(.*?\\))\\s*\\(((?:\\s*PARTITION\\s+`[^`]+`\\s*,?)+)\\)");

    // ---- a plan's preamble -------------------------------------------------------------------------------------

    static String setLockWaitTimeout(long seconds) {
        return "SET SESSION lock_wait_timeout = " + seconds;
    }

    /** MariaDB refuses to ALTER a system-versioned table unless told what to do with its history. */
    static String keepVersioningHistory() {
        return "SET SESSION system_versioning_alter_history = KEEP";
    }

    // ---- statements on whole tables ----------------------------------------------------------------------------

    /** CREATE TABLE from its definition lines, table options and partitioning clause (null when none). */
    static String createTable(String table, List<String> lines, List<String> options, String partitioning) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(ident(table)).append(" (\n  ")
                .append(String.join(",\n  ", lines)).append("\n)");
        if (!options.isEmpty()) {
            sql.append(' ').append(String.join(" ", options));
        }
        if (partitioning != null) {
            sql.append('\n').append(partitionClause(partitioning));
        }
        return sql.toString();
    }

    /** One ALTER TABLE, each clause on a line of its own. */
    static String alterTable(String table, List<String> clauses) {
        return "ALTER TABLE " + ident(table) + "\n  " + String.join(",\n  ", clauses);
    }

    static String dropTable(String table) {
        return "DROP TABLE " + ident(table);
    }

    /** A foreign key dropped in a statement of its own (one line, unlike {@link #alterTable}). */
    static String dropForeignKeyAlone(String table, String foreignKey) {
        return "ALTER TABLE " + ident(table) + " " + dropForeignKey(foreignKey);
    }

    static String removePartitioning(String table) {
        return "ALTER TABLE " + ident(table) + " REMOVE PARTITIONING";
    }

    /** CONVERT TO CHARACTER SET; a null charset is the database's default. */
    static String convertCharset(String table, String charset, String collation) {
        return "ALTER TABLE " + ident(table) + "\n  CONVERT TO CHARACTER SET " + (charset == null ? "DEFAULT" : charset)
                + (collation == null ? "" : " COLLATE " + collation);
    }

    // ---- clauses of an ALTER TABLE -----------------------------------------------------------------------------

    static final String ALGORITHM_INSTANT = "ALGORITHM=INSTANT";
    static final String ALGORITHM_INPLACE = "ALGORITHM=INPLACE";
    static final String LOCK_NONE = "LOCK=NONE";
    static final String DROP_PRIMARY_KEY = "DROP PRIMARY KEY";
    static final String DROP_SYSTEM_VERSIONING = "DROP SYSTEM VERSIONING";
    static final String RESET_ROW_FORMAT = "ROW_FORMAT=DEFAULT";
    static final String RESET_KEY_BLOCK_SIZE = "KEY_BLOCK_SIZE=0";

    static String dropForeignKey(String name) {
        return "DROP FOREIGN KEY " + ident(name);
    }

    static String dropIndex(String name) {
        return "DROP INDEX " + ident(name);
    }

    static String dropColumn(String name) {
        return "DROP COLUMN " + ident(name);
    }

    /** Where a column goes: FIRST, or AFTER the column golden has before it. */
    static String position(String previousColumn) {
        return previousColumn == null ? "FIRST" : "AFTER " + ident(previousColumn);
    }

    /** ADD COLUMN, at {@code position} ({@link #position}), or at the end when it is null. */
    String addColumn(Column c, CheckConstraint columnCheck, String position) {
        return "ADD COLUMN " + column(c, columnCheck) + (position == null ? "" : " " + position);
    }

    /** MODIFY COLUMN, moved to {@code position} when it is not null. */
    String modifyColumn(Column c, CheckConstraint columnCheck, String position) {
        return "MODIFY COLUMN " + column(c, columnCheck) + (position == null ? "" : " " + position);
    }

    String addPrimaryKey(PrimaryKey pk) {
        return "ADD " + primaryKey(pk);
    }

    String addIndex(Index ix) {
        return "ADD " + index(ix);
    }

    String addCheck(CheckConstraint ck) {
        return "ADD " + check(ck);
    }

    String addForeignKey(ForeignKey fk) {
        return "ADD " + foreignKey(fk);
    }

    /** A table option back at its default ({@code ENGINE_ATTRIBUTE=DEFAULT}). */
    static String resetOption(String option) {
        return option.toUpperCase(Locale.ROOT) + "=DEFAULT";
    }

    /** The table's comment; an empty one removes it. */
    static String tableComment(String comment) {
        return "COMMENT=" + literal(comment == null ? "" : comment);
    }

    // ---- code objects, views and sequences ---------------------------------------------------------------------

    static String dropTrigger(String name) {
        return "DROP TRIGGER IF EXISTS " + ident(name);
    }

    static String dropRoutine(boolean procedure, String name) {
        return "DROP " + (procedure ? "PROCEDURE" : "FUNCTION") + " IF EXISTS " + ident(name);
    }

    static String dropEvent(String name) {
        return "DROP EVENT IF EXISTS " + ident(name);
    }

    /** ALTER EVENT with its status word (ENABLE, DISABLE, DISABLE ON SLAVE). */
    static String alterEventStatus(String name, String statusWord) {
        return "ALTER EVENT " + ident(name) + " " + statusWord;
    }

    static String dropView(String name) {
        return "DROP VIEW IF EXISTS " + ident(name);
    }

    /** MariaDB's CREATE SEQUENCE, every option spelled out; bigint, the default type, is left out. */
    static String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + sequenceBody(s, true);
    }

    /** ALTER SEQUENCE cannot change the type, so it says none. */
    static String alterSequence(Sequence s) {
        return "ALTER SEQUENCE " + sequenceBody(s, false);
    }

    private static String sequenceBody(Sequence s, boolean withType) {
        return ident(s.name()) + (!withType || "bigint".equalsIgnoreCase(s.dataType()) ? "" : " AS " + s.dataType())
                + " START WITH " + s.start() + " MINVALUE " + s.minValue() + " MAXVALUE " + s.maxValue()
                + " INCREMENT BY " + s.increment() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NOCYCLE");
    }

    static String dropSequence(String name) {
        return "DROP SEQUENCE " + ident(name);
    }

    /** Saves the session's character set settings and sets the ones golden's object was created with. */
    static String setCreationCharset(String client, String connection) {
        return "SET @saved_cs_client = @@character_set_client, "
                + "@saved_col_connection = @@collation_connection, character_set_client = " + client
                + ", collation_connection = " + connection;
    }

    static String restoreSessionCharset() {
        return "SET character_set_client = @saved_cs_client, collation_connection = @saved_col_connection";
    }
}
