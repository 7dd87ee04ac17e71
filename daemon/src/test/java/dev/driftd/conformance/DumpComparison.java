package dev.driftd.conformance;

import dev.driftd.dialect.mysql.MysqlDumps;
import dev.driftd.testing.PgDumpAvailability;
import dev.driftd.testing.TestDatabase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent convergence check: the server's own dump tool ({@code pg_dump --schema-only},
 * {@code mysqldump --no-data}) of both sides, split into statements and normalized for what is not
 * schema (comments, session settings, AUTO_INCREMENT counters, DEFINER) and for PostgreSQL column
 * order, which cannot be changed in place. Privileges are kept: the model does not read them, and
 * this check is where that shows.
 */
final class DumpComparison {

    private DumpComparison() {
    }

    /** Null when the pg_dump here cannot dump this server and the run allows that ({@link PgDumpAvailability}). */
    static List<String> postgres(TestDatabase db) {
        if (PgDumpAvailability.skipReason(db.server()) != null) {
            PgDumpAvailability.countSkip();
            return null;
        }
        String dump = run(List.of("pg_dump", "--schema-only", "--no-owner", "-h", db.server().host(),
                "-p", String.valueOf(db.server().port()), "-U", db.server().user(), "-d", db.name()));
        List<String> out = new ArrayList<>();
        for (String statement : statements(dump, "--")) {
            if (statement.startsWith("SET ") || statement.startsWith("SELECT pg_catalog.set_config")) {
                continue;
            }
            out.add(statement.startsWith("CREATE TABLE") || statement.startsWith("CREATE UNLOGGED TABLE")
                    || statement.startsWith("CREATE TYPE") ? sortInnerLines(statement) : statement);
        }
        out.sort(null);
        return out;
    }

    static List<String> mysql(TestDatabase db) {
        List<String> cmd = new ArrayList<>(List.of("mysqldump", "--no-data", "--skip-comments", "--skip-dump-date",
                "--routines", "--triggers", "--events", "-h", db.server().host(), "-P",
                String.valueOf(db.server().port()), "-u", db.server().user()));
        if (db.server().password() != null) {
            cmd.add("-p" + db.server().password());
        }
        cmd.add(db.name());
        // the scenario suite's normalization: names, counters, DEFINER, event start times, key order,
        // routine text token by token
        List<String> out = new ArrayList<>(List.of(MysqlDumps.normalize(run(cmd), db.name()).split("\n")));
        out.sort(null);
        return out;
    }

    /** The first statement the target lacks and the first it has extra, or null when equal. */
    static String firstDifference(List<String> golden, List<String> target) {
        List<String> missing = new ArrayList<>(golden);
        missing.removeAll(target);
        List<String> extra = new ArrayList<>(target);
        extra.removeAll(golden);
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        if (!missing.isEmpty()) {
            out.append("target lacks: ").append(oneLine(missing.get(0)));
        }
        if (!extra.isEmpty()) {
            out.append(out.length() == 0 ? "" : "\n").append("target has extra: ").append(oneLine(extra.get(0)));
        }
        return out.toString();
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() > 600 ? line.substring(0, 600) + "…" : line;
    }

    private static List<String> statements(String dump, String commentPrefix) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dump.split("\n")) {
            // pg_dump 15.14+ brackets its output with restrict/unrestrict meta-commands holding a random key
            if (line.isBlank() || line.startsWith(commentPrefix) || line.startsWith("\\")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.endsWith(";") || line.endsWith(";;")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String sortInnerLines(String createTable) {
        String[] lines = createTable.split("\n");
        if (lines.length < 3) {
            return createTable;
        }
        List<String> inner = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            inner.add(lines[i].strip().replaceAll(",$", ""));
        }
        inner.sort(null);
        return lines[0] + "\n" + String.join("\n", inner) + "\n" + lines[lines.length - 1];
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + err.strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
