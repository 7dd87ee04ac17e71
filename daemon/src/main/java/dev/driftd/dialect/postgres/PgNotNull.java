package dev.driftd.dialect.postgres;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name PostgreSQL 18 gives a NOT NULL constraint nobody named: {@code <table>_<column>_not_null},
 * cut to 63 bytes the way the server's {@code makeObjectName} cuts it (the longer of the two names
 * loses a byte at a time, never inside a character), with a number after {@code not_null} when the
 * name was taken. A constraint with that name is a plain NOT NULL: a snapshot does not record it,
 * so columns read the same as on 13–17 and in CREATE TABLE without a name.
 */
final class PgNotNull {
    /** NAMEDATALEN - 1: the longest identifier, in bytes. */
    private static final int MAX_BYTES = 63;
    private static final String LABEL = "not_null";
    private static final Pattern NUMBERED = Pattern.compile(".*_" + LABEL + "(\\d+)$", Pattern.DOTALL);

    private PgNotNull() {
    }

    /** The name the server picks for a NOT NULL constraint on {@code table.column} when it is free. */
    static String defaultName(String table, String column) {
        return objectName(table, column, LABEL);
    }

    /** True when {@code name} is one the server would have picked itself (numbered when taken). */
    static boolean isDefaultName(String table, String column, String name) {
        if (name == null || name.equals(defaultName(table, column))) {
            return true;
        }
        Matcher numbered = NUMBERED.matcher(name);
        return numbered.matches() && name.equals(objectName(table, column, LABEL + numbered.group(1)));
    }

    /** The server's makeObjectName(name1, name2, label). */
    static String objectName(String name1, String name2, String label) {
        byte[] first = name1.getBytes(StandardCharsets.UTF_8);
        byte[] second = name2.getBytes(StandardCharsets.UTF_8);
        int available = MAX_BYTES - (1 + label.length() + 1);
        int firstBytes = first.length;
        int secondBytes = second.length;
        while (firstBytes + secondBytes > available) {
            if (firstBytes > secondBytes) {
                firstBytes--;
            } else {
                secondBytes--;
            }
        }
        return clip(first, firstBytes) + "_" + clip(second, secondBytes) + "_" + label;
    }

    /** The first {@code limit} bytes of UTF-8 text, shortened further so no character is cut. */
    private static String clip(byte[] utf8, int limit) {
        int end = limit;
        while (end > 0 && end < utf8.length && (utf8[end] & 0xC0) == 0x80) {
            end--; // utf8[end] continues a character that started before the cut
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
