package dev.driftd.dialect.mysql;

import dev.driftd.schema.Column;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changing a column from the target's definition to golden's does to the data in it: whether
 * it can be done in place with MODIFY at all, whether it may lose values (narrowing a type,
 * converting to a smaller character set), and whether foreign keys on the column must step aside.
 */
final class MysqlColumnChange {
    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");
    private static final List<String> TEXTS = List.of("tinytext", "text", "mediumtext", "longtext");
    private static final List<String> BLOBS = List.of("tinyblob", "blob", "mediumblob", "longblob");
    private static final Pattern TYPE = Pattern.compile(
            "(?i)\\s*([a-z]+)\\s*(?:\\(([^)]*)\\))?\\s*(unsigned)?\\s*(zerofill)?\\s*(compressed)?\\s*");

    private final Column target;
    private final Column golden;
    private final String targetCharset;
    private final String goldenCharset;

    /** The table charsets stand in for a column's null (inherited) charset when judging conversions. */
    MysqlColumnChange(Column target, Column golden, String targetTableCharset, String goldenTableCharset) {
        this.target = target;
        this.golden = golden;
        this.targetCharset = target.charset() != null ? target.charset() : targetTableCharset;
        this.goldenCharset = golden.charset() != null ? golden.charset() : goldenTableCharset;
    }

    /** Generated-ness or the generation expression changes: MODIFY cannot do it, drop and add can. */
    boolean needsRecreate() {
        return (target.generated() != null || golden.generated() != null)
                && (!Objects.equals(target.generated(), golden.generated())
                || !Objects.equals(target.generatedKind(), golden.generatedKind()));
    }

    /** Re-creating drops stored values only when the target column holds real data. */
    boolean recreateLosesData() {
        return target.generated() == null;
    }

    /** The stored representation changes: the table is rebuilt and foreign keys on it must be re-made. */
    boolean changesStorage() {
        return !sameType() || !Objects.equals(target.charset(), golden.charset())
                || !Objects.equals(target.collation(), golden.collation()) || needsRecreate();
    }

    boolean sameType() {
        return normalizedType(target.type()).equals(normalizedType(golden.type()));
    }

    /** True when existing values might not survive MODIFY unchanged. */
    boolean mayLoseData() {
        if (!sameType() && !widens(target.type(), golden.type())) {
            return true;
        }
        return !Objects.equals(targetCharset, goldenCharset) && !charsetWidens(targetCharset, goldenCharset);
    }

    boolean tightensNullability() {
        return target.nullable() && !golden.nullable();
    }

    /** utf8mb4 holds every character; anything else may not hold what another set holds. */
    static boolean charsetWidens(String from, String to) {
        if (Objects.equals(from, to)) {
            return true;
        }
        String t = to == null ? "" : to.toLowerCase(Locale.ROOT);
        String f = from == null ? "" : from.toLowerCase(Locale.ROOT);
        return t.equals("utf8mb4") || (t.startsWith("utf8") && (f.equals("ascii") || f.equals("latin1")));
    }

    private static String normalizedType(String type) {
        return type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Same family, at least as wide: int to bigint, varchar(10) to varchar(20), enum values appended. */
    static boolean widens(String fromType, String toType) {
        String from = normalizedType(fromType);
        String to = normalizedType(toType);
        if (from.startsWith("enum(") || from.startsWith("set(")) {
            String fromKind = from.substring(0, from.indexOf('('));
            String open = from.substring(0, from.length() - 1);
            return to.startsWith(fromKind + "(") && (to.equals(from) || to.startsWith(open + ","));
        }
        Matcher f = TYPE.matcher(from);
        Matcher t = TYPE.matcher(to);
        if (!f.matches() || !t.matches()) {
            return false;
        }
        String fb = f.group(1);
        String tb = t.group(1);
        if (!Objects.equals(f.group(3), t.group(3)) || !Objects.equals(f.group(4), t.group(4))) {
            return false; // signedness changes can lose values either way
        }
        if (INTEGERS.contains(fb) && INTEGERS.contains(tb)) {
            return INTEGERS.indexOf(tb) >= INTEGERS.indexOf(fb);
        }
        if (TEXTS.contains(fb) && TEXTS.contains(tb)) {
            return TEXTS.indexOf(tb) >= TEXTS.indexOf(fb);
        }
        if (BLOBS.contains(fb) && BLOBS.contains(tb)) {
            return BLOBS.indexOf(tb) >= BLOBS.indexOf(fb);
        }
        if ((fb.equals("varchar") || fb.equals("char")) && (tb.equals("varchar") || tb.equals("text")
                || tb.equals("mediumtext") || tb.equals("longtext") || (tb.equals("char") && fb.equals("char")))) {
            return tb.endsWith("text") || length(t.group(2)) >= length(f.group(2));
        }
        if ((fb.equals("varbinary") || fb.equals("binary")) && tb.equals("varbinary")) {
            return length(t.group(2)) >= length(f.group(2));
        }
        if ((fb.equals("decimal") || fb.equals("numeric")) && (tb.equals("decimal") || tb.equals("numeric"))) {
            int[] fp = precision(f.group(2));
            int[] tp = precision(t.group(2));
            return tp[1] >= fp[1] && tp[0] - tp[1] >= fp[0] - fp[1];
        }
        if (fb.equals("float") && tb.equals("double")) {
            return f.group(2) == null && t.group(2) == null;
        }
        return false;
    }

    private static int length(String args) {
        if (args == null || args.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(args.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int[] precision(String args) {
        if (args == null || args.isBlank()) {
            return new int[]{10, 0};
        }
        String[] ps = args.split(",");
        try {
            int p = Integer.parseInt(ps[0].trim());
            int s = ps.length > 1 ? Integer.parseInt(ps[1].trim()) : 0;
            return new int[]{p, s};
        } catch (NumberFormatException e) {
            return new int[]{0, Integer.MAX_VALUE};
        }
    }
}
