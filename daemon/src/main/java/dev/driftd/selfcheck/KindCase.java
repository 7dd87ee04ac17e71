package dev.driftd.selfcheck;

import java.util.List;

/**
 * One object kind's round trip, as DDL: {@code base} is what every side holds (the table an index
 * sits on), {@code golden} adds the kind's object, {@code changed} adds a different version of it
 * (empty when the kind has nothing to change that is not a drop and a create). The side "without"
 * the object is {@code base} alone. {@code only} names the one server flavor the case runs on
 * ({@code mariadb}: MariaDB's sequences), null for all of the file's dialect. {@code line} is where
 * the case starts in its file, for messages.
 */
public record KindCase(String kind, String only, List<String> base, List<String> golden, List<String> changed,
                       String source, int line) {
    public KindCase {
        base = List.copyOf(base);
        golden = List.copyOf(golden);
        changed = List.copyOf(changed);
    }

    /** Whether the case applies to a server of this flavor ({@code postgres}, {@code mysql}, {@code mariadb}). */
    public boolean runsOn(String flavor) {
        return only == null || only.equalsIgnoreCase(flavor);
    }

    public String where() {
        return source + ":" + line;
    }
}
