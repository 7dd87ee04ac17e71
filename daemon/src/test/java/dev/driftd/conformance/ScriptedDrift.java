package dev.driftd.conformance;

import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.Column;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Routine;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.Trigger;
import dev.driftd.schema.View;
import dev.driftd.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drift an operator's hotfixes leave on a copy of a real schema: a dropped index, an added
 * column, a changed default, a widened type, a dropped check, a dropped foreign key, changed
 * function/procedure and trigger bodies, an extra table, a changed view. Objects are picked from
 * golden's snapshot; the first candidate the server accepts is used. A step the schema offers
 * nothing for is left out, and {@link Steps#missing} says which.
 */
final class ScriptedDrift {
    private static final Pattern VARCHAR = Pattern.compile("(?i)^(varchar|character varying)\\((\\d+)\\)$");
    private static final Pattern DOLLAR_BODY = Pattern.compile("AS (\\$[A-Za-z_]*\\$)");
    private static final Pattern FIRST_BEGIN = Pattern.compile("(?i)\\bBEGIN\\b(?!\\s+ATOMIC)");

    /** What ran (the statements, and their kinds) and which kinds of drift the schema had nothing for. */
    record Steps(List<String> ran, List<String> kinds, List<String> missing) {
        String describe() {
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < ran.size(); i++) {
                String sql = ran.get(i);
                // double backticks: MySQL statements quote names with single ones
                shown.add(kinds.get(i) + " `` " + (sql.length() > 90 ? sql.substring(0, 90) + "…" : sql) + " ``");
            }
            return ran.size() + " steps: " + String.join("; ", shown)
                    + (missing.isEmpty() ? "" : ". Nothing to drift for: " + String.join(", ", missing));
        }
    }

    private ScriptedDrift() {
    }

    /** Runs the steps on the target and returns the statements that ran. */
    static List<String> apply(Snapshot golden, TestDatabase target, boolean mysql) {
        return run(golden, target, mysql).ran();
    }

    static Steps run(Snapshot golden, TestDatabase target, boolean mysql) {
        List<String> ran = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Scope scope = golden.getScope();
        step(ran, kinds, missing, "dropped index", dropIndex(golden, target, mysql, scope));
        Table first = golden.all(Table.class).stream().filter(t -> t.partitionOf() == null).findFirst().orElse(null);
        step(ran, kinds, missing, "hotfix column", first == null ? null : tryFirst(target, List.of(
                "ALTER TABLE " + table(scope, first.schema(), first.name(), mysql) + " ADD COLUMN driftd_hotfix integer")));
        step(ran, kinds, missing, "changed default", changeDefault(golden, target, mysql, scope));
        step(ran, kinds, missing, "widened type", widenType(golden, target, mysql, scope));
        step(ran, kinds, missing, "dropped check", dropCheck(golden, target, mysql, scope));
        step(ran, kinds, missing, "dropped foreign key", dropForeignKey(golden, target, mysql, scope));
        step(ran, kinds, missing, "changed routine body", changeRoutine(golden, target, mysql, scope));
        step(ran, kinds, missing, "changed trigger body", changeTrigger(golden, target, mysql, scope));
        step(ran, kinds, missing, "extra table", first == null ? null : tryFirst(target, List.of(
                "CREATE TABLE " + table(scope, first.schema(), "driftd_hotfix_audit", mysql)
                        + " (id integer PRIMARY KEY, note varchar(200))")));
        step(ran, kinds, missing, "changed view", changeView(golden, target, mysql, scope));
        return new Steps(ran, kinds, missing);
    }

    private static void step(List<String> ran, List<String> kinds, List<String> missing, String kind, String statement) {
        if (statement == null) {
            missing.add(kind);
        } else {
            ran.add(statement);
            kinds.add(kind);
        }
    }

    private static String dropIndex(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        List<String> candidates = new ArrayList<>();
        for (Index index : golden.all(Index.class)) {
            if (golden.contains(ObjectKey.of(ObjectKind.TABLE, index.schema(), index.table()))) {
                candidates.add(mysql ? "DROP INDEX " + q(index.name(), true) + " ON " + q(index.table(), true)
                        : "DROP INDEX " + qualified(scope, index.schema(), index.name()));
            }
        }
        return tryFirst(target, candidates);
    }

    private static String changeDefault(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        List<String> candidates = new ArrayList<>();
        for (Column c : golden.all(Column.class)) {
            String type = c.type().toLowerCase(Locale.ROOT);
            boolean integral = type.startsWith("int") || type.startsWith("smallint") || type.startsWith("bigint");
            if (integral && c.identity() == null && !c.autoIncrement() && c.generated() == null
                    && (c.defaultExpression() == null || !c.defaultExpression().contains("nextval"))) {
                candidates.add("ALTER TABLE " + table(scope, c.schema(), c.table(), mysql) + " ALTER COLUMN "
                        + q(c.name(), mysql) + " SET DEFAULT 4242");
            }
        }
        return tryFirst(target, candidates);
    }

    /** varchar(n) to varchar(n + 50); on MySQL through MODIFY with the column's own definition otherwise kept. */
    private static String widenType(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        for (Column c : golden.all(Column.class)) {
            Matcher m = VARCHAR.matcher(c.type().strip());
            if (!m.matches() || c.generated() != null
                    || !golden.contains(ObjectKey.of(ObjectKind.TABLE, c.schema(), c.table()))) {
                continue;
            }
            int wider = Integer.parseInt(m.group(2)) + 50;
            String sql;
            if (mysql) {
                String definition = mysqlColumnDefinition(target, c.table(), c.name());
                if (definition == null) {
                    continue;
                }
                sql = "ALTER TABLE " + q(c.table(), true) + " MODIFY COLUMN "
                        + definition.replaceFirst("(?i)varchar\\(\\d+\\)", "varchar(" + wider + ")");
            } else {
                sql = "ALTER TABLE " + table(scope, c.schema(), c.table(), false) + " ALTER COLUMN "
                        + q(c.name(), false) + " TYPE varchar(" + wider + ")";
            }
            if (tryRun(target, sql)) {
                return sql;
            }
        }
        return null;
    }

    private static String dropCheck(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        List<String> candidates = new ArrayList<>();
        for (CheckConstraint check : golden.all(CheckConstraint.class)) {
            candidates.add("ALTER TABLE " + table(scope, check.schema(), check.table(), mysql) + " DROP CONSTRAINT "
                    + q(check.name(), mysql));
        }
        return tryFirst(target, candidates);
    }

    private static String dropForeignKey(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        List<String> candidates = new ArrayList<>();
        for (ForeignKey fk : golden.all(ForeignKey.class)) {
            candidates.add("ALTER TABLE " + table(scope, fk.schema(), fk.table(), mysql)
                    + (mysql ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ") + q(fk.name(), mysql));
        }
        return tryFirst(target, candidates);
    }

    /**
     * A hotfix in a function or procedure body, re-created from the server's own text: PostgreSQL
     * gets a comment line at the start of its dollar-quoted body (prosrc changes), MySQL a
     * variable declared first in its BEGIN block.
     */
    private static String changeRoutine(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        for (Routine r : golden.all(Routine.class)) {
            if (mysql) {
                String kind = r.procedure() ? "PROCEDURE" : "FUNCTION";
                String original = showCreate(target, "SHOW CREATE " + kind + " " + q(r.baseName(), true), 3);
                String changed = original == null ? null : declareFirst(original);
                if (changed != null && replaceMysql(target, "DROP " + kind + " " + q(r.baseName(), true), original, changed)) {
                    return changed.replaceAll("\\s+", " ");
                }
            } else {
                String changed = pgHotfix(target, pgFunctionDef(target, scope.actualSchema(r.schema()), r.baseName()));
                if (changed != null) {
                    return changed;
                }
            }
        }
        return null;
    }

    /** MySQL: the trigger re-created with a changed body; PostgreSQL: the trigger's function. */
    private static String changeTrigger(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        for (Trigger t : golden.all(Trigger.class)) {
            if (!mysql) {
                String changed = pgHotfix(target, pgQuery(target, "SELECT pg_get_functiondef(t.tgfoid) FROM pg_trigger t "
                        + "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE NOT t.tgisinternal AND n.nspname = ? AND c.relname = ? AND t.tgname = ?",
                        scope.actualSchema(t.schema()), t.table(), t.name()));
                if (changed != null) {
                    return changed;
                }
                continue;
            }
            String original = showCreate(target, "SHOW CREATE TRIGGER " + q(t.name(), true), 3);
            String changed = original == null ? null : declareFirst(original);
            if (changed != null && replaceMysql(target, "DROP TRIGGER " + q(t.name(), true), original, changed)) {
                return changed.replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    private static String changeView(Snapshot golden, TestDatabase target, boolean mysql, Scope scope) {
        for (View v : golden.all(View.class)) {
            if (v.materialized()) {
                continue;
            }
            String body = v.definition().strip();
            if (body.endsWith(";")) {
                body = body.substring(0, body.length() - 1);
            }
            String sql = "CREATE OR REPLACE VIEW " + table(scope, v.schema(), v.name(), mysql)
                    + " AS SELECT * FROM (" + body + ") driftd_s WHERE 1 = 0";
            if (tryRun(target, sql)) {
                return sql;
            }
        }
        return null;
    }

    /** A comment line at the start of the dollar-quoted body: prosrc changes, behaviour does not. */
    private static String pgHotfix(TestDatabase target, String functionDef) {
        Matcher m = functionDef == null ? null : DOLLAR_BODY.matcher(functionDef);
        if (m == null || !m.find()) {
            return null;
        }
        String changed = functionDef.substring(0, m.end()) + "\n-- driftd hotfix\n" + functionDef.substring(m.end());
        return tryRun(target, changed) ? changed.replaceAll("\\s+", " ") : null;
    }

    private static String declareFirst(String createStatement) {
        Matcher m = FIRST_BEGIN.matcher(createStatement);
        return m.find() ? createStatement.substring(0, m.end()) + "\n  DECLARE driftd_hotfix INT DEFAULT 0;"
                + createStatement.substring(m.end()) : null;
    }

    /** Drops and re-creates; if the changed text is refused, the original is put back. */
    private static boolean replaceMysql(TestDatabase target, String drop, String original, String changed) {
        if (!tryRun(target, drop)) {
            return false;
        }
        if (tryRun(target, changed)) {
            return true;
        }
        target.execute(original);
        return false;
    }

    private static String showCreate(TestDatabase db, String sql, int column) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(column) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static String pgFunctionDef(TestDatabase db, String schema, String baseName) {
        return pgQuery(db, "SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname = ? AND p.proname = ? AND p.prokind IN ('f', 'p') ORDER BY p.oid LIMIT 1", schema, baseName);
    }

    private static String pgQuery(TestDatabase db, String sql, String... params) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** The column's line of SHOW CREATE TABLE, without the trailing comma. */
    private static String mysqlColumnDefinition(TestDatabase db, String table, String column) {
        String create = showCreate(db, "SHOW CREATE TABLE " + q(table, true), 2);
        if (create == null) {
            return null;
        }
        String prefix = q(column, true) + " ";
        for (String line : create.split("\n")) {
            String l = line.strip();
            if (l.startsWith(prefix)) {
                return l.endsWith(",") ? l.substring(0, l.length() - 1) : l;
            }
        }
        return null;
    }

    private static String tryFirst(TestDatabase db, List<String> candidates) {
        for (String sql : candidates) {
            if (tryRun(db, sql)) {
                return sql;
            }
        }
        return null;
    }

    private static boolean tryRun(TestDatabase db, String sql) {
        try {
            db.execute(sql);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String table(Scope scope, String schema, String name, boolean mysql) {
        return mysql ? q(name, true) : qualified(scope, schema, name);
    }

    private static String qualified(Scope scope, String schema, String name) {
        String s = scope.actualSchema(schema);
        return (s == null || s.isEmpty() ? "" : q(s, false) + ".") + q(name, false);
    }

    private static String q(String name, boolean mysql) {
        return mysql ? "`" + name.replace("`", "``") + "`" : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
