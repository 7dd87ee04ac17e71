package dev.driftd.conformance;

import dev.driftd.sql.ScriptRunner;
import dev.driftd.sql.ScriptStatement;
import dev.driftd.sql.StatementSplitter;
import dev.driftd.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Loads a corpus file statement by statement on one session, as psql or the mysql client would. */
final class Loader {
    private Loader() {
    }

    static void load(TestDatabase db, Path file, StatementSplitter.Syntax syntax, List<String> preamble) {
        String text;
        try {
            text = Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ScriptStatement> statements = StatementSplitter.split(text, syntax, file.toString());
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (String p : preamble) {
                    s.execute(p);
                }
            }
            ScriptRunner.run(c, statements, file.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect: " + e.getMessage(), e);
        }
    }

    /** Compares dotted versions numerically: {@code 10.11} is after {@code 8.0}. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? parse(x[i]) : 0;
            int yi = i < y.length ? parse(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        String digits = s.replaceAll("\\D.*$", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
