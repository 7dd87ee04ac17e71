package dev.driftd.dialect.mysql;

import dev.driftd.schema.Flavor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what MySQL and MariaDB catalogs print into one normal form, so equal schemas give equal
 * snapshots whatever their history or flavor:
 * <ul>
 * <li>types: lower case, integer display widths dropped ({@code int(11)} is {@code int}) except
 *     {@code tinyint(1)}, which both flavors print for BOOL and drivers read as boolean, and the
 *     widths of ZEROFILL columns, which change what is displayed; {@code year(4)} is {@code year};</li>
 * <li>defaults: no default and DEFAULT NULL are both null (MariaDB prints the string NULL for
 *     both); string literals single-quoted with quotes doubled (MariaDB quotes, MySQL does not);
 *     numbers bare; {@code current_timestamp()}, {@code now()} and {@code CURRENT_TIMESTAMP} are
 *     {@code CURRENT_TIMESTAMP} (with {@code (n)} for a fractional precision); other expressions
 *     in exactly one pair of parentheses;</li>
 * <li>expressions (generated columns, checks, functional key parts): outer parentheses dropped,
 *     MySQL's charset introducers and escaped quotes removed;</li>
 * <li>charsets and collations: {@code utf8_*} is {@code utf8mb3_*}; a charset is the prefix of its
 *     collation.</li>
 * </ul>
 */
final class MysqlNormalizer {
    private static final Pattern EXECUTABLE_COMMENT = Pattern.compile("/\\*M?!\\d*\\s*(.*?)\\s*\\*/");
    private static final Pattern INT_WIDTH =
            Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\((\\d+)\\)(.*)$");
    private static final Pattern NOW = Pattern.compile(
            "(?i)^(current_timestamp|now|localtimestamp|localtime)\\s*(?:\\(\\s*(\\d*)\\s*\\))?$");
    private static final Pattern ON_UPDATE = Pattern.compile("(?i)on update ([a-z_]+\\s*(?:\\(\\s*\\d*\\s*\\))?)");
    private static final Pattern NUMBER = Pattern.compile("^[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?$");
    private static final Pattern BIT_OR_HEX = Pattern.compile("(?i)^(b'[01]*'|x'[0-9a-f]*'|0x[0-9a-f]+|0b[01]+)$");
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real|bit|year|bool|boolean)\\b.*");

    private final Flavor flavor;

    MysqlNormalizer(Flavor flavor) {
        this.flavor = flavor;
    }

    Flavor flavor() {
        return flavor;
    }

    /** A column or parameter type as COLUMN_TYPE / DTD_IDENTIFIER prints it, normalized. */
    String type(String columnType) {
        // MariaDB writes attributes of the type as executable comments (blob /*M!100301 COMPRESSED*/).
        // Their marker is case-sensitive: lower-cased it becomes a plain comment and the attribute is
        // lost, so the comment is unwrapped into the attribute itself, which MariaDB takes as written.
        String unwrapped = EXECUTABLE_COMMENT.matcher(columnType.strip()).replaceAll(" $1 ").strip()
                .replaceAll("\\s{2,}", " ");
        // Lower case outside quotes only: ENUM and SET labels are case-sensitive data.
        String t = SqlText.lowerOutsideQuotes(unwrapped);
        Matcher m = INT_WIDTH.matcher(t);
        if (m.matches()) {
            boolean keep = m.group(3).contains("zerofill") || (m.group(1).equals("tinyint") && m.group(2).equals("1"));
            if (!keep) {
                t = m.group(1) + m.group(3);
            }
        }
        if (t.equals("year(4)")) {
            t = "year";
        }
        return t;
    }

    String collation(String collation) {
        if (collation == null || collation.isEmpty()) {
            return null;
        }
        String c = collation.toLowerCase(Locale.ROOT);
        return c.startsWith("utf8_") ? "utf8mb3_" + c.substring(5) : c;
    }

    /** The character set a collation belongs to: every collation name starts with it. */
    String charsetOf(String collation) {
        String c = collation(collation);
        if (c == null) {
            return null;
        }
        int us = c.indexOf('_');
        return us < 0 ? c : c.substring(0, us);
    }

    /**
     * A column default. {@code raw} is COLUMN_DEFAULT, {@code extra} the EXTRA column (MySQL marks
     * expression defaults DEFAULT_GENERATED there), {@code type} the normalized column type.
     */
    String columnDefault(String raw, String extra, String type) {
        if (raw == null) {
            return null;
        }
        if (flavor == Flavor.MARIADB) {
            String v = raw.strip();
            if (v.equalsIgnoreCase("NULL")) {
                return null;
            }
            if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
                return SqlText.quote(SqlText.unquote(v));
            }
            return literalOrExpression(v);
        }
        boolean generated = extra != null && extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED");
        if (generated) {
            return literalOrExpression(expression(raw));
        }
        if (NUMERIC_TYPE.matcher(type).matches()) {
            return raw.strip();
        }
        return SqlText.quote(raw);
    }

    private String literalOrExpression(String v) {
        Matcher now = NOW.matcher(v);
        if (now.matches()) {
            String precision = now.group(2);
            return precision == null || precision.isEmpty() || precision.equals("0")
                    ? "CURRENT_TIMESTAMP" : "CURRENT_TIMESTAMP(" + precision + ")";
        }
        if (NUMBER.matcher(v).matches()) {
            return v;
        }
        if (BIT_OR_HEX.matcher(v).matches()) {
            return v.charAt(0) == 'B' || v.charAt(0) == 'X' ? Character.toLowerCase(v.charAt(0)) + v.substring(1) : v;
        }
        String inner = SqlText.stripOuterParens(v);
        Matcher innerNow = NOW.matcher(inner);
        if (innerNow.matches()) {
            return literalOrExpression(inner);
        }
        return "(" + inner + ")";
    }

    /** ON UPDATE from EXTRA ({@code on update current_timestamp(6)}), normalized, or null. */
    String onUpdate(String extra) {
        if (extra == null) {
            return null;
        }
        Matcher m = ON_UPDATE.matcher(extra);
        return m.find() ? literalOrExpression(m.group(1)) : null;
    }

    /**
     * An expression as a catalog prints it (generated column, CHECK clause, functional key part),
     * without enclosing parentheses; for MySQL also without charset introducers and with the
     * quotes it escapes in information_schema unescaped.
     */
    String expression(String text) {
        if (text == null) {
            return null;
        }
        String e = text.strip();
        if (flavor == Flavor.MYSQL) {
            e = SqlText.stripIntroducers(e.replace("\\'", "'"));
        }
        return SqlText.stripOuterParens(e);
    }

    /** Foreign-key actions: InnoDB checks RESTRICT and NO ACTION the same way, immediately. */
    String referentialAction(String rule) {
        if (rule == null) {
            return "NO ACTION";
        }
        String r = rule.strip().toUpperCase(Locale.ROOT);
        return r.equals("RESTRICT") ? "NO ACTION" : r;
    }
}
