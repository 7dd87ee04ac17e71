package dev.driftd.sql;

import dev.driftd.dialect.InspectOptions;
import dev.driftd.engine.Engine;
import dev.driftd.testing.TestDatabase;
import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL file of the external corpus ({@code /work/shared/corpus}: real-world schemas, sqldef
 * and migra cases), loaded twice: once by the server's own client ({@code psql -v ON_ERROR_STOP=1},
 * {@code mysql}), once statement by statement through {@link StatementSplitter} over JDBC. Both
 * loads must succeed or fail alike and leave the same database: same driftd fingerprint, and for
 * the real schemas the same {@code pg_dump -s} / {@code mysqldump --no-data} output. The real
 * schemas also go round once more: the client-loaded database's own dump, split and loaded again,
 * must dump the same (mysqldump wraps triggers and routines in {@code /*!50003 …} comments).
 * The corpus is read at run time ({@code -Ddriftd.corpus=…} or {@code DRIFTD_CORPUS}, else
 * {@code ../shared/corpus} from the worktree); without it the tests are skipped, saying so.
 */
class SplitterCorpusTest {
    private static final InspectOptions OPTIONS = InspectOptions.DEFAULT;
    private static final String EMPTY_POSTGRES = """
            DO $$ DECLARE r record; BEGIN
              FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
                EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', r.extname);
              END LOOP;
              FOR r IN SELECT nspname FROM pg_namespace
                       WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                         AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%' LOOP
                EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname);
              END LOOP;
            END $$;
            CREATE SCHEMA public AUTHORIZATION pg_database_owner;
            GRANT USAGE ON SCHEMA public TO PUBLIC;
            COMMENT ON SCHEMA public IS 'standard public schema';
            """;

    /** Comments, backslashes, dollar quotes, bodies, DELIMITER: what a naive split gets wrong first. */
    private static final Pattern POSTGRES_FEATURES = Pattern.compile("\\$|--|/\\*|\\\\|(?i)\\bBEGIN\\b|\\bCASE\\b");
    private static final Pattern MYSQL_FEATURES = Pattern.compile("--|#|/\\*|\\\\|(?i)\\bDELIMITER\\b|\\bBEGIN\\b|\\bCASE\\b");

    private static final Pattern DELIMITER_LINE = Pattern.compile("(?im)^\\s*DELIMITER\\s");
    private static final Engine ENGINE = new Engine();

    @TestFactory
    Stream<DynamicTest> postgresFilesLoadAsPsqlLoadsThem() {
        Path corpus = corpus();
        List<Path> files = new ArrayList<>();
        files.addAll(glob(corpus.resolve("realworld"), "postgres.sql"));
        files.addAll(glob(corpus.resolve("schemas/postgres"), null));
        files.addAll(glob(corpus.resolve("sqldef/postgres"), "current.sql", "desired.sql"));
        files.addAll(glob(corpus.resolve("migra"), "a.sql", "b.sql"));
        TestServer pg = TestDatabases.postgres();
        TestDatabase[] dbs = new TestDatabase[2];
        return tests(corpus, files, POSTGRES_FEATURES, StatementSplitter.Syntax.POSTGRES, f -> {
            if (dbs[0] == null) {
                dbs[0] = pg.createDatabase("h_split_client");
                dbs[1] = pg.createDatabase("h_split_jdbc");
            }
            comparePostgres(f, isRealSchema(corpus, f), dbs[0], dbs[1]);
        }, () -> TestDatabase.closeAll(Stream.of(dbs).filter(d -> d != null).toList()));
    }

    @TestFactory
    Stream<DynamicTest> mysqlFilesLoadAsTheMysqlClientLoadsThem() {
        Path corpus = corpus();
        TestServer my = TestDatabases.mysql();
        Assumptions.assumeTrue(my != null, "no MySQL-family server");
        List<Path> files = new ArrayList<>();
        files.addAll(glob(corpus.resolve("realworld"), "mysql.sql"));
        files.addAll(glob(corpus.resolve("schemas/mysql"), null));
        files.addAll(glob(corpus.resolve("sqldef/mysql"), "current.sql", "desired.sql"));
        return tests(corpus, files, MYSQL_FEATURES, StatementSplitter.Syntax.MYSQL, f -> compareMysql(my, f, isRealSchema(corpus, f)), () -> {
        });
    }

    /**
     * One test per distinct file. The schemas under {@code schemas/} always run (those under
     * {@code realworld/} are loaded through the splitter by the real-world gate); of the small sqldef /
     * migra cases, those with something for a splitter to get wrong (a match of {@code features}, or
     * statements other than a cut at every semicolon gives) run: a fixed eighth of them by default,
     * all with {@code -Ddriftd.splitter.corpus=features}, and every file with {@code =all}. Every file
     * takes two loads and two inspections. The files left out are reported as one skipped test that
     * says how many and how to run them.
     */
    private static Stream<DynamicTest> tests(Path corpus, List<Path> files, Pattern features,
                                             StatementSplitter.Syntax syntax, Consumer<Path> check, Runnable cleanup) {
        String mode = System.getProperty("driftd.splitter.corpus", "sample");
        boolean all = mode.equals("all");
        boolean allFeatures = all || mode.equals("features");
        List<Path> run = new ArrayList<>();
        int left = 0;
        for (Path f : unique(files)) {
            String text = read(f);
            boolean splitting = features.matcher(text).find() || naiveSplitDiffers(text, syntax);
            // by default (mvn verify) a fixed eighth of the files with splitting features: all of them take
            // about ten minutes; the real-world schemas are loaded through the splitter by .ci/checks/realworld.sh
            boolean sampled = Math.floorMod(corpus.relativize(f).toString().hashCode(), 8) == 0;
            if (all || (!f.startsWith(corpus.resolve("realworld")) && isRealSchema(corpus, f))
                    || (splitting && (allFeatures || sampled))) {
                run.add(f);
            } else {
                left++;
            }
        }
        int leftOut = left;
        Stream<DynamicTest> skipped = Stream.of(DynamicTest.dynamicTest("corpus files left out",
                () -> Assumptions.assumeTrue(leftOut == 0, leftOut + " corpus files left out (real-world schemas: see"
                        + " .ci/checks/realworld.sh; small cases: -Ddriftd.splitter.corpus=features runs every one with"
                        + " splitting features, =all every file)")));
        return Stream.of(run.stream().map(f -> DynamicTest.dynamicTest(corpus.relativize(f).toString(), () -> check.accept(f))),
                skipped, Stream.of(DynamicTest.dynamicTest("drop the scratch databases", cleanup::run)))
                .flatMap(x -> x);
    }

    /** Whether cutting at every semicolon would give other statements (a ; in a string, say). */
    private static boolean naiveSplitDiffers(String text, StatementSplitter.Syntax syntax) {
        List<String> naive = Stream.of(text.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList();
        try {
            return !naive.equals(StatementSplitter.texts(text, syntax));
        } catch (ScriptException e) {
            return true;
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void comparePostgres(Path file, boolean realSchema, TestDatabase client, TestDatabase jdbc) {
        client.execute(EMPTY_POSTGRES);
        jdbc.execute(EMPTY_POSTGRES);
        TestServer s = client.server();
        Run psql = run(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", s.host(), "-p",
                String.valueOf(s.port()), "-U", s.user(), "-d", client.name(), "-f", file.toString()), null);
        String splitError = loadThroughSplitter(jdbc, file, StatementSplitter.Syntax.POSTGRES);
        assertSameOutcome(file, psql, splitError);
        assertThat(fingerprint(jdbc)).as("driftd fingerprint after splitting %s", file).isEqualTo(fingerprint(client));
        if (realSchema) {
            String dump = pgDump(client);
            assertThat(pgDump(jdbc)).as("pg_dump -s after splitting %s", file).isEqualTo(dump);
            // round trip: pg_dump's own output (restrict meta-commands and all), loaded by psql and
            // by the splitter, must give the same database again. Compared with each other, not
            // with the first load: the server's deparse is not always a fixpoint (issue 13 item 1).
            Run raw = run(List.of("pg_dump", "--schema-only", "-h", s.host(), "-p", String.valueOf(s.port()), "-U",
                    s.user(), "-d", client.name()), null);
            assertThat(raw.exit).as("pg_dump: %s", raw.err).isZero();
            comparePostgres(write(raw.out), false, client, jdbc);
            assertThat(pgDump(jdbc)).as("pg_dump -s after splitting the pg_dump of %s", file).isEqualTo(pgDump(client));
        }
    }

    private static void compareMysql(TestServer my, Path file, boolean realSchema) {
        String text = read(file);
        List<ScriptStatement> split = StatementSplitter.split(text, StatementSplitter.Syntax.MYSQL, file.toString());
        // The one place the splitter is more lenient than the client: a trigger, routine or event
        // whose BEGIN … END body has semicolons and no DELIMITER around it (the client cuts it at
        // the first one and fails). For such a file the client gets the same statements with the
        // DELIMITER it needs, so what is compared is still each statement's effect.
        boolean lenient = !DELIMITER_LINE.matcher(text).find()
                && split.stream().anyMatch(st -> st.sql().contains(";"));
        Path clientFile = lenient ? write(split.stream().map(st -> "DELIMITER ;;\n" + st.sql() + ";;\nDELIMITER ;\n")
                .collect(Collectors.joining())) : file;
        try (TestDatabase client = my.createDatabase("h_split_client");
             TestDatabase jdbc = my.createDatabase("h_split_jdbc")) {
            List<String> cmd = new ArrayList<>(List.of("mysql", "--default-character-set=utf8mb4", "-h", my.host(),
                    "-P", String.valueOf(my.port()), "-u", my.user()));
            if (my.password() != null && !my.password().isEmpty()) {
                cmd.add("-p" + my.password());
            }
            cmd.add(client.name());
            Run mysql = run(cmd, clientFile);
            String splitError = loadThroughSplitter(jdbc, file, StatementSplitter.Syntax.MYSQL);
            assertSameOutcome(file, mysql, splitError);
            assertThat(fingerprint(jdbc)).as("driftd fingerprint after splitting %s", file).isEqualTo(fingerprint(client));
            String dump = mysqldump(client);
            assertThat(mysqldump(jdbc)).as("mysqldump after splitting %s", file).isEqualTo(dump);
            if (realSchema) {
                // round trip: mysqldump's own output, triggers and routines in /*!50003 … */ comments
                Run raw = run(mysqldumpCommand(client), null);
                assertThat(raw.exit).as("mysqldump: %s", raw.err).isZero();
                compareMysql(my, write(raw.out), false);
            }
        }
    }

    /** The splitter's load: null when every statement ran, else the error (file:line: message). */
    private static String loadThroughSplitter(TestDatabase db, Path file, StatementSplitter.Syntax syntax) {
        try (Connection c = db.connect()) {
            ScriptRunner.run(c, StatementSplitter.split(Files.readString(file), syntax, file.toString()), file.toString());
            return null;
        } catch (ScriptException e) {
            return e.getMessage();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSameOutcome(Path file, Run client, String splitError) {
        assertThat(splitError == null).as("%s: the client %s (%s) but the splitter %s", file,
                client.exit == 0 ? "loaded it" : "failed", client.err.strip(),
                splitError == null ? "loaded it" : "failed: " + splitError).isEqualTo(client.exit == 0);
    }

    private static String fingerprint(TestDatabase db) {
        return ENGINE.snapshot(db.target(), OPTIONS).fingerprint();
    }

    private static String pgDump(TestDatabase db) {
        TestServer s = db.server();
        Run r = run(List.of("pg_dump", "--schema-only", "-h", s.host(), "-p", String.valueOf(s.port()), "-U", s.user(),
                "-d", db.name()), null);
        assertThat(r.exit).as("pg_dump: %s", r.err).isZero();
        // pg_dump 15.14+ brackets its output with restrict / unrestrict meta-commands and a random key
        return r.out.lines().filter(l -> !l.startsWith("\\")).collect(Collectors.joining("\n"));
    }

    private static List<String> mysqldumpCommand(TestDatabase db) {
        TestServer s = db.server();
        List<String> cmd = new ArrayList<>(List.of("mysqldump", "--no-data", "--routines", "--triggers", "--events",
                "--skip-dump-date", "--skip-comments", "-h", s.host(), "-P", String.valueOf(s.port()), "-u", s.user()));
        if (s.password() != null && !s.password().isEmpty()) {
            cmd.add("-p" + s.password());
        }
        cmd.add(db.name());
        return cmd;
    }

    private static String mysqldump(TestDatabase db) {
        Run r = run(mysqldumpCommand(db), null);
        assertThat(r.exit).as("mysqldump: %s", r.err).isZero();
        return r.out.replace(db.name(), "DB");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> command, Path stdin) {
        try {
            File err = File.createTempFile("h_split", ".err");
            ProcessBuilder b = new ProcessBuilder(command).redirectError(err);
            if (stdin != null) {
                b.redirectInput(stdin.toFile());
            }
            Process p = b.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            String text = Files.readString(err.toPath());
            Files.delete(err.toPath());
            return new Run(p.exitValue(), out, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path write(String text) {
        try {
            Path f = Files.createTempFile("h_split_dump", ".sql");
            f.toFile().deleteOnExit();
            return Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRealSchema(Path corpus, Path file) {
        return file.startsWith(corpus.resolve("realworld")) || file.startsWith(corpus.resolve("schemas"));
    }

    /** Files under {@code dir} with one of these names (any .sql when none given), sorted. */
    private static List<Path> glob(Path dir, String... names) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> names == null ? p.toString().endsWith(".sql")
                            : List.of(names).contains(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file per distinct content: sqldef repeats the same current.sql in many cases. */
    private static List<Path> unique(List<Path> files) {
        Map<String, Path> byContent = new LinkedHashMap<>();
        for (Path f : files) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                byContent.putIfAbsent(HexFormat.of().formatHex(digest), f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(byContent.values());
    }

    private static Path corpus() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("driftd.corpus");
        String env = System.getenv("DRIFTD_CORPUS");
        if (property != null) {
            candidates.add(Path.of(property));
        } else if (env != null) {
            candidates.add(Path.of(env));
        } else {
            candidates.add(Path.of("../shared/corpus"));
            candidates.add(Path.of("../../shared/corpus"));
        }
        Path found = candidates.stream().filter(p -> Files.isDirectory(p.resolve("sqldef"))).findFirst().orElse(null);
        Assumptions.assumeTrue(found != null, "no external corpus at " + candidates
                + " (set -Ddriftd.corpus=<dir> or DRIFTD_CORPUS): the splitter's corpus comparison is skipped");
        return found.toAbsolutePath().normalize();
    }
}
