package dev.driftd.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a MySQL-family script into statements the way the {@code mysql} client does: on the
 * current delimiter ({@code ;} until a {@code DELIMITER} line changes it), outside quotes,
 * backticks and comments. PostgreSQL scripts need no splitting: the driver takes them whole.
 */
public final class SqlScripts {
    private SqlScripts() {
    }

    public static List<String> splitMysql(String script) {
        List<String> out = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        boolean atLineStart = true;
        while (i < n) {
            if (atLineStart) {
                int eol = script.indexOf('\n', i);
                String line = script.substring(i, eol < 0 ? n : eol).strip();
                if (line.regionMatches(true, 0, "DELIMITER ", 0, 10) && current.toString().isBlank()) {
                    delimiter = line.substring(10).strip();
                    i = eol < 0 ? n : eol + 1;
                    continue;
                }
            }
            char ch = script.charAt(i);
            atLineStart = false;
            if (ch == '\'' || ch == '"' || ch == '`') {
                int end = i + 1;
                while (end < n && script.charAt(end) != ch) {
                    if (script.charAt(end) == '\\' && ch != '`') {
                        end++;
                    }
                    end++;
                }
                current.append(script, i, Math.min(n, end + 1));
                i = end + 1;
                continue;
            }
            if (ch == '#' || (ch == '-' && script.startsWith("-- ", i)) || (ch == '-' && script.startsWith("--\n", i))) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (ch == '/' && script.startsWith("/*", i)) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (script.startsWith(delimiter, i)) {
                add(out, current);
                i += delimiter.length();
                continue;
            }
            if (ch == '\n') {
                atLineStart = true;
            }
            current.append(ch);
            i++;
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        current.setLength(0);
    }
}
