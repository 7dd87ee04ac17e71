package dev.driftd.selfcheck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a self-check case file: the kinds as data, so adding a kind is adding a block, not code.
 *
 * <pre>
 * # comment
 * [check constraint]
 * base:
 * CREATE TABLE t (id int PRIMARY KEY, n int)
 *
 * golden:
 * ALTER TABLE t ADD CONSTRAINT t_n CHECK (n &gt;= 0)
 *
 * changed:
 * ALTER TABLE t ADD CONSTRAINT t_n CHECK (n &gt; 0)
 * </pre>
 *
 * A block may hold {@code only: mariadb} (or another flavor) when its kind exists on that flavor
 * alone. Statements are separated by blank lines (not by {@code ;}: routine and trigger bodies hold
 * semicolons); a final {@code ;} is dropped. Every case needs {@code golden:}; {@code base:} and
 * {@code changed:} are optional.
 */
public final class KindCases {
    private KindCases() {
    }

    /** The cases of one dialect, from the class path ({@code postgres} or {@code mysql}). */
    public static List<KindCase> forDialect(String dialect) {
        String resource = dialect + ".cases";
        try (InputStream in = KindCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no self-check cases for " + dialect + " (" + resource + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read self-check cases " + resource + ": " + e.getMessage(), e);
        }
    }

    /** Parses case text; a malformed file fails with {@code source:line: what}. */
    public static List<KindCase> parse(String text, String source) {
        List<KindCase> cases = new ArrayList<>();
        String kind = null;
        int kindLine = 0;
        Map<String, List<String>> sections = new LinkedHashMap<>();
        String only = null;
        String section = null;
        StringBuilder statement = new StringBuilder();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            String trimmed = line == null ? "" : line.strip();
            boolean header = line != null && trimmed.startsWith("[") && trimmed.endsWith("]");
            boolean sectionStart = line != null && trimmed.matches("(base|golden|changed):");
            boolean ends = line == null || trimmed.isEmpty() || header || sectionStart;
            if (ends && statement.length() > 0) {
                sections.get(section).add(withoutSemicolon(statement.toString().strip()));
                statement.setLength(0);
            }
            if (line == null || header) {
                if (kind != null) {
                    cases.add(build(kind, only, sections, source, kindLine));
                }
                if (header) {
                    kind = trimmed.substring(1, trimmed.length() - 1).strip();
                    kindLine = i + 1;
                    if (kind.isEmpty()) {
                        throw new IllegalArgumentException(source + ":" + (i + 1) + ": empty kind name in []");
                    }
                    String named = kind;
                    if (cases.stream().anyMatch(c -> c.kind().equals(named))) {
                        throw new IllegalArgumentException(source + ":" + (i + 1) + ": kind '" + kind
                                + "' appears twice");
                    }
                    sections = new LinkedHashMap<>();
                    only = null;
                    section = null;
                }
                continue;
            }
            if (statement.length() == 0 && trimmed.matches("only:\\s*(postgres|mysql|mariadb)")) {
                if (kind == null || section != null) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": 'only:' goes right after a [kind]");
                }
                only = trimmed.substring("only:".length()).strip();
                continue;
            }
            if (sectionStart) {
                if (kind == null) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": '" + trimmed
                            + "' before the first [kind]");
                }
                section = trimmed.substring(0, trimmed.length() - 1);
                if (sections.containsKey(section)) {
                    throw new IllegalArgumentException(source + ":" + (i + 1) + ": '" + section
                            + ":' twice in [" + kind + "]");
                }
                sections.put(section, new ArrayList<>());
                continue;
            }
            if (trimmed.isEmpty() || (statement.length() == 0 && trimmed.startsWith("#"))) {
                continue;
            }
            if (section == null) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": a statement outside base:, golden: "
                        + "or changed:" + (kind == null ? " (no [kind] yet)" : " in [" + kind + "]"));
            }
            statement.append(line).append('\n');
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(source + ": no [kind] blocks");
        }
        return List.copyOf(cases);
    }

    private static KindCase build(String kind, String only, Map<String, List<String>> sections, String source,
                                  int line) {
        List<String> golden = sections.get("golden");
        if (golden == null || golden.isEmpty()) {
            throw new IllegalArgumentException(source + ":" + line + ": [" + kind + "] has no golden: statements");
        }
        return new KindCase(kind, only, sections.getOrDefault("base", List.of()), golden,
                sections.getOrDefault("changed", List.of()), source, line);
    }

    private static String withoutSemicolon(String s) {
        return s.endsWith(";") ? s.substring(0, s.length() - 1).stripTrailing() : s;
    }
}
