package dev.driftd.conformance;

import dev.driftd.schema.Column;
import dev.driftd.schema.ForeignKey;
import dev.driftd.schema.Index;
import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;
import dev.driftd.schema.Table;
import dev.driftd.schema.View;
import dev.driftd.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drift applied to a copy of a real schema: drop an index, add a column, change a default,
 * drop a foreign key, alter a view. Objects are picked from golden's snapshot; a step the schema
 * offers nothing for is left out and said so.
 */
final class ScriptedDrift {
    private ScriptedDrift() {
    }

    /** Runs the steps on the target and returns the ones that ran. */
    static List<String> apply(Snapshot golden, TestDatabase target, boolean mysql) {
        List<String> ran = new ArrayList<>();
        Scope scope = golden.getScope();
        for (Index index : golden.all(Index.class)) {
            if (!golden.contains(dev.driftd.schema.ObjectKey.of(dev.driftd.schema.ObjectKind.TABLE, index.schema(), index.table()))) {
                continue;
            }
            String sql = mysql ? "DROP INDEX " + q(index.name(), true) + " ON " + q(index.table(), true)
                    : "DROP INDEX " + qualified(scope, index.schema(), index.name());
            if (tryRun(target, sql)) {
                ran.add(sql);
                break;
            }
        }
        Table first = golden.all(Table.class).stream().filter(t -> t.partitionOf() == null).findFirst().orElse(null);
        if (first != null) {
            String sql = "ALTER TABLE " + table(scope, first.schema(), first.name(), mysql) + " ADD COLUMN driftd_extra integer";
            if (tryRun(target, sql)) {
                ran.add(sql);
            }
        }
        for (Column c : golden.all(Column.class)) {
            String type = c.type().toLowerCase(Locale.ROOT);
            boolean integral = type.startsWith("int") || type.startsWith("smallint") || type.startsWith("bigint");
            if (integral && c.identity() == null && !c.autoIncrement() && c.generated() == null
                    && (c.defaultExpression() == null || !c.defaultExpression().contains("nextval"))) {
                String sql = "ALTER TABLE " + table(scope, c.schema(), c.table(), mysql) + " ALTER COLUMN "
                        + q(c.name(), mysql) + " SET DEFAULT 4242";
                if (tryRun(target, sql)) {
                    ran.add(sql);
                    break;
                }
            }
        }
        for (ForeignKey fk : golden.all(ForeignKey.class)) {
            String sql = "ALTER TABLE " + table(scope, fk.schema(), fk.table(), mysql)
                    + (mysql ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ") + q(fk.name(), mysql);
            if (tryRun(target, sql)) {
                ran.add(sql);
                break;
            }
        }
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
                ran.add(sql);
                break;
            }
        }
        return ran;
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
