package dev.driftd.dialect.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * mysqldump output normalized for what is not schema or differs by construction: the database
 * name, AUTO_INCREMENT counters, DEFINER clauses, event start times, session SET lines, the order
 * of key and constraint lines inside a CREATE TABLE, and routine text compared token by token.
 * Shared by the scenario suite and the conformance runner.
 */
public final class MysqlDumps {
    private static final Pattern DEFINER = Pattern.compile("\\s*DEFINER=`[^`]*`@`[^`]*`");
    private static final Pattern EVENT_START = Pattern.compile(" STARTS '[0-9: -]+'");
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");
    // SQL keywords are case-insensitive and the server keeps a trigger's header as written, while
    // driftd re-creates it from INFORMATION_SCHEMA.TRIGGERS (upper case): compare the keywords in one case.
    private static final Pattern TRIGGER_TIMING = Pattern.compile(
            "(TRIGGER \\S+ )(before|after) (insert|update|delete)( ON )", Pattern.CASE_INSENSITIVE);
    // A view's ALGORITHM is a planning hint kept out of drift by design (like DEFINER), so it is not compared.
    private static final Pattern VIEW_ALGORITHM = Pattern.compile("CREATE ALGORITHM=[A-Z]+ ");
    // Integer display widths change neither storage nor values and driftd keeps them out of drift
    // (MysqlNormalizer), except tinyint(1) (read as boolean by drivers) and ZEROFILL columns.
    private static final Pattern INT_WIDTH = Pattern.compile(
            "\\b(tinyint|smallint|mediumint|int|bigint)\\((\\d+)\\)(?! unsigned zerofill| zerofill)");
    private static final Pattern FK_RESTRICT = Pattern.compile(" ON (DELETE|UPDATE) (NO ACTION|RESTRICT)");
    // HASH and KEY partitioning default to one partition: "PARTITIONS 1" written out is the same table.
    private static final Pattern ONE_PARTITION = Pattern.compile(" PARTITIONS 1(?![0-9])");

    private MysqlDumps() {
    }

    public static String normalize(String raw, String database) {
        String text = raw.replace("`" + database + "`", "`DB`").replace(database, "DB");
        text = DEFINER.matcher(text).replaceAll("");
        text = AUTO_INCREMENT.matcher(text).replaceAll("");
        text = EVENT_START.matcher(text).replaceAll("");
        text = VIEW_ALGORITHM.matcher(text).replaceAll("CREATE ");
        List<String> out = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("/*!") && trimmed.contains(" SET ") || trimmed.startsWith("SET ") || trimmed.isEmpty() || trimmed.equals("DELIMITER ;;")
                    || trimmed.equals("DELIMITER ;")) {
                continue;
            }
            if (line.startsWith("CREATE TABLE")) {
                inTable = true;
            } else if (inTable && line.startsWith(")")) {
                keys.sort(null);
                out.addAll(keys);
                keys.clear();
                inTable = false;
            } else if (inTable && (trimmed.startsWith("PRIMARY KEY") || trimmed.startsWith("UNIQUE KEY")
                    || trimmed.startsWith("KEY ") || trimmed.startsWith("FULLTEXT KEY") || trimmed.startsWith("SPATIAL KEY")
                    || trimmed.startsWith("CONSTRAINT "))) {
                keys.add(trimmed.endsWith(",") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                continue;
            }
            if (inTable && trimmed.endsWith(",")) {
                line = line.substring(0, line.lastIndexOf(','));
            }
            out.add(line);
        }
        // Routine and trigger text is kept as written, quoting and line breaks included; driftd
        // re-creates it from the catalog, so compare it token by token, one statement a line.
        String joined = String.join("\n", out).replace("`", "");
        List<String> statements = new ArrayList<>();
        for (String st : joined.split(";")) {
            String flat = st.replaceAll("\\s+", " ").strip();
            flat = TRIGGER_TIMING.matcher(flat).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + m.group(2).toUpperCase(java.util.Locale.ROOT)
                    + " " + m.group(3).toUpperCase(java.util.Locale.ROOT) + m.group(4)));
            if (flat.startsWith("CREATE TABLE")) {
                flat = ONE_PARTITION.matcher(flat).replaceAll("");
                flat = INT_WIDTH.matcher(flat).replaceAll(m -> m.group(1).equals("tinyint") && m.group(2).equals("1")
                        ? m.group() : m.group(1));
                if (flat.contains(" ENGINE=InnoDB ")) {
                    // InnoDB documents NO ACTION as RESTRICT (checked at once), and RESTRICT is the
                    // default the server does not print: all three spellings are the same key.
                    flat = FK_RESTRICT.matcher(flat).replaceAll("");
                    // InnoDB builds every plain, unique and primary key as a B-tree (it has no
                    // other kind for them), so an explicit "USING BTREE" is the default spelled out.
                    flat = flat.replace(" USING BTREE", "");
                }
            }
            if (!flat.isEmpty()) {
                statements.add(flat);
            }
        }
        return String.join("\n", statements);
    }
}
