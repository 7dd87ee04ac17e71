package dev.driftd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A declared, intended difference of some members from golden: SQL run on top of the golden
 * script in the same scratch database, so the server normalizes it exactly like golden. A member
 * whose name matches one of {@code members} (globs: {@code *} any run, {@code ?} one character)
 * is expected to have golden plus this overlay (plus any other overlay it matches, in file
 * order). {@code sql} is the inline text, or null when it is read from {@code file} at each build;
 * {@code origin} is where it was written ({@code driftd.yaml:42}); {@code firstLine} is the
 * config line the inline SQL's first line is on, so a failing statement is named by its line in
 * the config file.
 */
public record OverlayConfig(List<String> members, String sql, Path file, String origin, int firstLine) {
    public OverlayConfig {
        members = List.copyOf(members);
    }

    public boolean matches(String member) {
        for (String glob : members) {
            if (regex(glob).matcher(member).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The SQL text: inline, or the file's current content. */
    public String script() throws IOException {
        return sql != null ? sql : Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Where the statements are: the config file (inline SQL) or the overlay's own file. */
    public String source() {
        return sql != null ? origin.substring(0, origin.lastIndexOf(':')) : file.getFileName().toString();
    }

    /** Lines to add to a statement's line within {@link #script()} to get its line in {@link #source()}. */
    public int lineOffset() {
        return sql != null ? firstLine - 1 : 0;
    }

    /** How the overlay reads in a message: {@code overlay driftd.yaml:42 (members eu-*)}. */
    public String describe() {
        return "overlay " + origin + " (members " + String.join(", ", members) + ")";
    }

    private static Pattern regex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(b.toString());
    }
}
