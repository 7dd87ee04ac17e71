package dev.driftd.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A name pattern of an ignore rule. Segments are separated by {@code .} (schema.table.column);
 * within a segment {@code *} is any run of characters, {@code ?} one character, {@code [abc]} or
 * {@code [a-z]} one of a set, {@code \} escapes the next character. A pattern of N segments is
 * matched against the last N segments of a qualified name, so {@code flyway_schema_history}
 * matches that table in any schema and {@code public.flyway_schema_history} only in {@code public}.
 */
public final class Glob {
    private final String text;
    private final List<Pattern> segments;

    private Glob(String text, List<Pattern> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** Compiles {@code text}; IllegalArgumentException with a one-line reason when it cannot. */
    public static Glob compile(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty pattern");
        }
        List<Pattern> out = new ArrayList<>();
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 == text.length()) {
                    throw new IllegalArgumentException("pattern '" + text + "' ends with a lone \\");
                }
                re.append(Pattern.quote(String.valueOf(text.charAt(++i))));
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                    re.append(']');
                } else if (c == '-' || Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                    re.append(c);
                } else {
                    re.append('\\').append(c);
                }
            } else if (c == '[') {
                int close = text.indexOf(']', i + 1);
                if (close < 0 || close == i + 1) {
                    throw new IllegalArgumentException("pattern '" + text + "' has an unclosed or empty [ at column "
                            + (i + 1));
                }
                inClass = true;
                re.append('[');
            } else if (c == ']') {
                throw new IllegalArgumentException("pattern '" + text + "' has a ] without [ at column " + (i + 1));
            } else if (c == '.') {
                out.add(segment(re, text));
                re.setLength(0);
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        out.add(segment(re, text));
        return new Glob(text, out);
    }

    private static Pattern segment(StringBuilder re, String text) {
        if (re.isEmpty()) {
            throw new IllegalArgumentException("pattern '" + text + "' has an empty name part (two dots, or a dot at"
                    + " an end)");
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** True when the pattern matches the trailing segments of {@code parts} (empty parts are skipped). */
    public boolean matches(List<String> parts) {
        List<String> names = parts.stream().filter(p -> p != null && !p.isEmpty()).toList();
        if (names.size() < segments.size()) {
            return false;
        }
        int off = names.size() - segments.size();
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).matcher(names.get(off + i)).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
