package dev.driftd.conformance;

import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The servers' own client tools, run as processes: a dump of one database restored into another. */
final class ServerTools {
    private static final long TIMEOUT_SECONDS = 120;

    private ServerTools() {
    }

    /** {@code pg_dump -s} into a temporary file; the caller deletes it. */
    static Path pgDumpToFile(TestDatabase from) {
        TestServer s = from.server();
        return dumpToFile(List.of("pg_dump", "-s", "-h", s.host(), "-p", String.valueOf(s.port()), "-U", s.user(),
                "-d", from.name()), s.password() == null ? Map.of() : Map.of("PGPASSWORD", s.password()));
    }

    /** {@code mysqldump --no-data --routines --triggers --events} into a temporary file; the caller deletes it. */
    static Path mysqlDumpToFile(TestDatabase from) {
        TestServer s = from.server();
        return dumpToFile(List.of("mysqldump", "--no-data", "--routines", "--triggers", "--events", "-h", s.host(),
                "-P", String.valueOf(s.port()), "-u", s.user(), from.name()),
                s.password() == null ? Map.of() : Map.of("MYSQL_PWD", s.password()));
    }

    private static Path dumpToFile(List<String> command, Map<String, String> env) {
        try {
            Path file = Files.createTempFile("driftd-rw-dump", ".sql");
            run(command, env, null, file);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not run: " + e.getMessage(), e);
        }
    }

    /** Loads a file as {@code psql -v ON_ERROR_STOP=1 -f} does. */
    static void psqlFile(TestDatabase db, java.nio.file.Path file) {
        TestServer s = db.server();
        runToLog(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s.host(), "-p", String.valueOf(s.port()),
                "-U", s.user(), "-d", db.name(), "-f", file.toString()),
                s.password() == null ? Map.of() : Map.of("PGPASSWORD", s.password()), null);
    }

    /** Loads a file as {@code mysql db < file} does. */
    static void mysqlFile(TestDatabase db, java.nio.file.Path file) {
        TestServer s = db.server();
        runToLog(List.of("mysql", "-h", s.host(), "-P", String.valueOf(s.port()), "-u", s.user(), db.name()),
                s.password() == null ? Map.of() : Map.of("MYSQL_PWD", s.password()), file);
    }

    private static void runToLog(List<String> command, Map<String, String> env, Path input) {
        Path log = null;
        try {
            log = Files.createTempFile("driftd-rw-load", ".log");
            run(command, env, input, log);
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " could not run: " + e.getMessage(), e);
        } finally {
            deleteQuietly(log);
        }
    }

    private static void run(List<String> command, Map<String, String> env, Path input, Path output) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectOutput(output.toFile());
        Path err = Files.createTempFile("driftd-rw-stderr", ".log");
        pb.redirectError(err.toFile());
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        try {
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " timed out after " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                String message = Files.readString(err, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException(command.get(0) + " exited with " + p.exitValue() + ": "
                        + message.lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteQuietly(err);
        }
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
