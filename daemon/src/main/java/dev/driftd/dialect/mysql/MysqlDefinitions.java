package dev.driftd.dialect.mysql;

import dev.driftd.dialect.mysql.MysqlCatalog.EventRow;
import dev.driftd.dialect.mysql.MysqlCatalog.ParameterRow;
import dev.driftd.dialect.mysql.MysqlCatalog.PartitionRow;
import dev.driftd.dialect.mysql.MysqlCatalog.RoutineRow;
import dev.driftd.dialect.mysql.MysqlCatalog.TriggerRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the normalized, runnable CREATE text of routines, triggers and events, and the
 * partitioning clause of tables, from catalog rows. DEFINER, SQL mode and client charsets are
 * left out (they are not schema); bodies are kept as the server stores them, with qualifiers of
 * the own database removed so tenants under different names read the same.
 */
final class MysqlDefinitions {
    private final MysqlNormalizer normalizer;
    private final String database;

    MysqlDefinitions(MysqlNormalizer normalizer, String database) {
        this.normalizer = normalizer;
        this.database = database;
    }

    private static final java.util.regex.Pattern DEFINER = java.util.regex.Pattern.compile(
            "(?is)^(\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?)DEFINER\\s*=\\s*"
                    + "(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^\\s@]+)(?:\\s*@\\s*(?:`(?:[^`]|``)*`|'(?:[^']|'')*'|[^\\s]+))?\\s+");

    /**
     * The server's own CREATE text (SHOW CREATE …) made runnable on another database: the DEFINER
     * clause removed (the applying user becomes the definer, as with the normalized definition) and
     * qualifiers of the own database dropped. Null stays null.
     */
    String source(String showCreate) {
        if (showCreate == null || showCreate.isBlank()) {
            return null;
        }
        return body(DEFINER.matcher(showCreate).replaceFirst("$1"));
    }

    String body(String text) {
        return text == null ? null : SqlText.stripSchemaQualifier(text.strip(), database);
    }

    /** {@code CREATE FUNCTION `f`(`a` int) RETURNS int DETERMINISTIC RETURN a + 1}. */
    String routine(RoutineRow r, List<ParameterRow> params) {
        boolean procedure = "PROCEDURE".equalsIgnoreCase(r.type());
        StringBuilder sb = new StringBuilder("CREATE ").append(procedure ? "PROCEDURE " : "FUNCTION ")
                .append(SqlText.ident(r.name())).append('(');
        for (int i = 0; i < params.size(); i++) {
            ParameterRow p = params.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            if (procedure && p.mode() != null) {
                sb.append(p.mode().toUpperCase(Locale.ROOT)).append(' ');
            }
            sb.append(SqlText.ident(p.name())).append(' ').append(normalizer.type(p.type()));
        }
        sb.append(')');
        if (!procedure && r.returns() != null) {
            sb.append(" RETURNS ").append(normalizer.type(r.returns()));
        }
        if (r.deterministic()) {
            sb.append(" DETERMINISTIC");
        }
        if (r.dataAccess() != null && !r.dataAccess().equalsIgnoreCase("CONTAINS SQL")) {
            sb.append(' ').append(r.dataAccess().toUpperCase(Locale.ROOT));
        }
        if ("INVOKER".equalsIgnoreCase(r.security())) {
            sb.append(" SQL SECURITY INVOKER");
        }
        if (r.comment() != null && !r.comment().isEmpty()) {
            sb.append(" COMMENT ").append(SqlText.quote(r.comment()));
        }
        return sb.append(' ').append(body(r.body())).toString();
    }

    /**
     * {@code CREATE TRIGGER `t` BEFORE INSERT ON `tbl` FOR EACH ROW <body>}; a trigger that runs
     * after another one of the same timing and event says FOLLOWS, because the order is schema.
     */
    String trigger(TriggerRow t, String follows) {
        StringBuilder sb = new StringBuilder("CREATE TRIGGER ").append(SqlText.ident(t.name())).append(' ')
                .append(t.timing().toUpperCase(Locale.ROOT)).append(' ').append(t.event().toUpperCase(Locale.ROOT))
                .append(" ON ").append(SqlText.ident(t.table())).append(" FOR EACH ROW");
        if (follows != null) {
            sb.append(" FOLLOWS ").append(SqlText.ident(follows));
        }
        return sb.append(' ').append(body(t.statement())).toString();
    }

    /**
     * {@code CREATE EVENT `e` ON SCHEDULE EVERY 1 DAY ON COMPLETION NOT PRESERVE DO <body>}. STARTS
     * is left out when it is the creation time (the server's default, different on every copy);
     * ENABLE/DISABLE is the event's status, kept apart.
     */
    String event(EventRow e) {
        StringBuilder sb = new StringBuilder("CREATE EVENT ").append(SqlText.ident(e.name())).append(" ON SCHEDULE ");
        if ("ONE TIME".equalsIgnoreCase(e.type())) {
            sb.append("AT ").append(SqlText.quote(e.executeAt()));
        } else {
            String value = e.intervalValue() == null ? "" : e.intervalValue().strip();
            sb.append("EVERY ").append(value.matches("\\d+") ? value : SqlText.quote(SqlText.unquoteIfQuoted(value)))
                    .append(' ').append(e.intervalField().toUpperCase(Locale.ROOT));
            if (e.starts() != null && !e.startsAtCreation()) {
                sb.append(" STARTS ").append(SqlText.quote(e.starts()));
            }
            if (e.ends() != null) {
                sb.append(" ENDS ").append(SqlText.quote(e.ends()));
            }
        }
        sb.append(" ON COMPLETION ").append(e.onCompletion() == null ? "NOT PRESERVE"
                : e.onCompletion().toUpperCase(Locale.ROOT));
        if (e.comment() != null && !e.comment().isEmpty()) {
            sb.append(" COMMENT ").append(SqlText.quote(e.comment()));
        }
        return sb.append(" DO ").append(body(e.definition())).toString();
    }

    /**
     * The partitioning clause of one table, partitions and subpartitions listed by name:
     * {@code RANGE (`k`) (PARTITION `p0` VALUES LESS THAN (10), PARTITION `p1` VALUES LESS THAN MAXVALUE)}.
     */
    String partitioning(List<PartitionRow> rows) {
        PartitionRow first = rows.get(0);
        String method = first.method().toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(method);
        if (!method.equals("SYSTEM_TIME")) {
            sb.append(" (").append(partitionExpression(first.expression())).append(')');
        }
        if (first.subMethod() != null) {
            sb.append(" SUBPARTITION BY ").append(first.subMethod().toUpperCase(Locale.ROOT))
                    .append(" (").append(partitionExpression(first.subExpression())).append(')');
        }
        Map<String, StringBuilder> partitions = new LinkedHashMap<>();
        for (PartitionRow r : rows) {
            StringBuilder p = partitions.get(r.name());
            if (p == null) {
                p = new StringBuilder("PARTITION ").append(SqlText.ident(r.name()));
                String values = values(method, r.description());
                if (values != null) {
                    p.append(' ').append(values);
                }
                partitions.put(r.name(), p);
            }
            if (r.subName() != null) {
                p.append(p.indexOf("(SUBPARTITION ") < 0 ? " (" : ", ").append("SUBPARTITION ")
                        .append(SqlText.ident(r.subName()));
            }
        }
        sb.append(" (");
        boolean firstPartition = true;
        for (StringBuilder p : partitions.values()) {
            if (!firstPartition) {
                sb.append(", ");
            }
            firstPartition = false;
            sb.append(p);
            if (p.indexOf("(SUBPARTITION ") >= 0) {
                sb.append(')');
            }
        }
        return sb.append(')').toString();
    }

    private String partitionExpression(String expression) {
        return expression == null ? "" : normalizer.expression(expression);
    }

    private static String values(String method, String description) {
        if (description == null) {
            return null;
        }
        if (method.startsWith("RANGE")) {
            return description.equalsIgnoreCase("MAXVALUE") ? "VALUES LESS THAN MAXVALUE"
                    : "VALUES LESS THAN (" + description + ")";
        }
        if (method.startsWith("LIST")) {
            return "VALUES IN (" + description + ")";
        }
        return null;
    }
}
