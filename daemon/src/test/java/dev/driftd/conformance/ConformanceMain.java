package dev.driftd.conformance;

import dev.driftd.testing.PgDumpAvailability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs the external corpus through the engine in one JVM and writes the report.
 * <pre>
 * ConformanceMain --corpus ../shared/corpus --report docs/conformance.md
 *                 [--only sqldef-postgres,migra,schemas-postgres,sqldef-mysql,schemas-mysql,
 *                         realworld-postgres,realworld-mysql]
 *                 [--case REGEX] [--sample N] [--details FILE] [--expected-failures FILE]
 *                 [--pg-server embedded-18 | jdbc:postgresql://host:port/?user=u]
 * </pre>
 * {@code --pg-server} runs the PostgreSQL sources on another server than the tests' one: an
 * embedded PostgreSQL of that major version ({@code embedded-18}; binaries copied by the build
 * into daemon/target/pg-binaries) or the server at a URL (as DRIFTD_TEST_PG_URL takes it).
 * The report's header names the server the cases ran on.
 * Prints {@code conformance <source>: C/L converged (T cases)} per corpus source on standard
 * output, and {@code realworld <file> <check>: pass|FAIL …} per real-world check. The corpus
 * sources only measure (exit status 0); the real-world sources are a gate: the exit status is 1
 * when a check fails that the expected-failures file does not list, or one it lists passes.
 */
public final class ConformanceMain {
    private static final long CASE_TIMEOUT_SECONDS = 90;

    private ConformanceMain() {
    }

    /** Harnesses on the tests' PostgreSQL, or on the one {@code --pg-server} names. */
    static java.util.function.Supplier<PgHarness> pgServer(String option) {
        if (option == null || option.isBlank()) {
            return PgHarness::new;
        }
        java.util.regex.Matcher embedded = Pattern.compile("embedded-(\\d+)").matcher(option);
        if (embedded.matches()) {
            int major = Integer.parseInt(embedded.group(1));
            return () -> new PgHarness(dev.driftd.testing.EmbeddedVersions.postgres(major));
        }
        if (option.startsWith("jdbc:postgresql://")) {
            return () -> new PgHarness(dev.driftd.testing.TestDatabases.postgresAt(option));
        }
        throw new IllegalArgumentException("--pg-server " + option + ": expected embedded-<major> (embedded-18) "
                + "or a jdbc:postgresql:// URL");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i], args[i + 1]);
        }
        Path corpusRoot = Path.of(opts.getOrDefault("--corpus", "../shared/corpus"));
        if (!Files.isDirectory(corpusRoot)) {
            System.err.println("conformance: no corpus at " + corpusRoot + "; nothing to measure");
            return;
        }
        List<String> only = List.of(opts.getOrDefault("--only",
                "sqldef-postgres,migra,schemas-postgres,sqldef-mysql,schemas-mysql").split(","));
        Pattern casePattern = Pattern.compile(opts.getOrDefault("--case", ".*"));
        int sample = Integer.parseInt(opts.getOrDefault("--sample", "1"));
        if (sample < 1) {
            throw new IllegalArgumentException("--sample must be 1 or more (one case in N), not " + sample);
        }
        Corpus corpus = new Corpus(corpusRoot);

        Map<String, List<CaseResult>> results = new LinkedHashMap<>();
        List<RealWorldResult> realWorld = new ArrayList<>();
        String expectedFile = opts.getOrDefault("--expected-failures", "bench/realworld-expected-failures.txt");
        ExpectedFailures expected = Files.exists(Path.of(expectedFile)) ? ExpectedFailures.read(Path.of(expectedFile))
                : ExpectedFailures.none();
        List<String> servers = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-case");
            t.setDaemon(true);
            return t;
        });
        int workers = Integer.parseInt(opts.getOrDefault("--workers", "2"));
        List<PgHarness> pgPool = new ArrayList<>();
        java.util.function.Supplier<PgHarness> newPg = pgServer(opts.get("--pg-server"));
        Harness pg = null;
        Harness my = null;
        for (String source : only) {
            boolean postgres = !source.endsWith("mysql");
            Harness h;
            if (postgres) {
                pg = pg == null ? newPg.get() : pg;
                h = pg;
            } else {
                my = my == null ? new MysqlHarness() : my;
                h = my;
            }
            if (!servers.contains(h.server())) {
                servers.add(h.server());
            }
            List<CaseResult> out = new ArrayList<>();
            long started = System.nanoTime();
            if (source.startsWith("realworld-")) {
                if (realWorld.isEmpty()) {
                    realWorld.addAll(realWorldSources(only, corpus, corpusRoot, casePattern, workers, expected));
                }
                continue;
            }
            if (source.startsWith("schemas-")) {
                for (Path file : corpus.schemas(postgres ? "postgres" : "mysql")) {
                    if (casePattern.matcher(file.getFileName().toString()).find()) {
                        Harness fh = h;
                        out.add(withTimeout(worker, () -> fh.runRealSchema(source, file),
                                new CorpusCase(source, file.getFileName().toString(), file, file, null)));
                    }
                }
            } else {
                List<CorpusCase> cases = switch (source) {
                    case "sqldef-postgres" -> corpus.sqldef("postgres");
                    case "sqldef-mysql" -> corpus.sqldef("mysql");
                    case "migra" -> corpus.migra();
                    default -> throw new IllegalArgumentException("unknown source " + source);
                };
                List<CorpusCase> selected = cases.stream().filter(c -> casePattern.matcher(c.name()).find())
                        .filter(c -> sampled(c.name(), sample)).toList();
                if (postgres && workers > 1) {
                    while (pgPool.size() < workers) {
                        pgPool.add(pgPool.isEmpty() ? (PgHarness) pg : newPg.get());
                    }
                    out.addAll(inParallel(selected, pgPool, source));
                } else {
                    int n = 0;
                    for (CorpusCase c : selected) {
                        Harness ch = h;
                        out.add(withTimeout(worker, () -> ch.run(c), c));
                        if (++n % 100 == 0) {
                            System.err.printf("conformance %s: %d cases done%n", source, n);
                        }
                    }
                }
            }
            results.put(source, out);
            Report.Tally t = Report.tally(out);
            System.out.printf("conformance %s: %d/%d converged (%d cases) in %.0f s%n", source, t.converged(),
                    t.loadable(), out.size(), (System.nanoTime() - started) / 1e9);
        }
        worker.shutdownNow();
        String dumpsSkipped = PgDumpAvailability.skipped();
        if (dumpsSkipped != null) {
            // those cases counted as converged on the fingerprint alone: say so next to the counts
            System.out.println("conformance: " + dumpsSkipped);
        }
        if (pg instanceof AutoCloseable closeable) {
            closeable.close();
        }
        for (PgHarness extra : pgPool) {
            if (extra != pg) {
                extra.close();
            }
        }
        List<RealWorldVerdict.Line> verdict = RealWorldVerdict.judge(realWorld, expected);
        String report = opts.get("--report");
        if (report != null) {
            String section = realWorld.isEmpty() ? null : RealWorldReport.section(verdict, Report.commit(),
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), String.join(" and ", servers), expectedFile);
            Report.write(Path.of(report), results, section, servers);
            System.err.println("conformance: report written to " + report);
        }
        String details = opts.get("--details");
        if (details != null) {
            Report.writeDetails(Path.of(details), results);
        }
        if (RealWorldVerdict.failsTheRun(verdict)) {
            long failing = verdict.stream().filter(l -> l.status() == RealWorldVerdict.Status.FAILURE).count();
            long stale = verdict.stream().filter(l -> l.status() == RealWorldVerdict.Status.UNEXPECTED_PASS).count();
            System.out.printf("realworld: FAILED: %d checks fail unlisted, %d listed checks pass%n", failing, stale);
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * {@code --sample N}: one case in N, chosen by a hash of its name, so every run (and every server
     * version of .ci/checks/pg-matrix.sh) takes the same cases and a failure on one version only is
     * visibly that version's.
     */
    static boolean sampled(String caseName, int sample) {
        return Math.floorMod(caseName.hashCode(), sample) == 0;
    }

    /**
     * All real-world sources at once (PostgreSQL and MySQL use different servers, and a MySQL load
     * mostly waits for the server), printing one line per check and one per source.
     */
    private static List<RealWorldResult> realWorldSources(List<String> only, Corpus corpus, Path corpusRoot,
                                                          Pattern casePattern, int workers, ExpectedFailures expected)
            throws IOException {
        List<String> sources = only.stream().filter(s -> s.startsWith("realworld-")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(sources.size(), r -> {
            Thread t = new Thread(r, "realworld-source");
            t.setDaemon(true);
            return t;
        });
        List<Future<List<RealWorldResult>>> futures = new ArrayList<>();
        for (String source : sources) {
            if (!source.equals("realworld-postgres") && !source.equals("realworld-mysql")) {
                throw new IllegalArgumentException("unknown source " + source);
            }
            List<Path> files = corpus.realWorld(source.endsWith("mysql") ? "mysql.sql" : "postgres.sql").stream()
                    .filter(f -> casePattern.matcher(corpusRoot.resolve("realworld").relativize(f).toString()).find())
                    .toList();
            futures.add(pool.submit(() -> {
                long started = System.nanoTime();
                List<RealWorldResult> r = RealWorldRun.run(source, files, corpusRoot, workers);
                System.out.printf("realworld %s: %d files in %.0f s%n", source, files.size(), (System.nanoTime() - started) / 1e9);
                return r;
            }));
        }
        List<RealWorldResult> out = new ArrayList<>();
        try {
            for (Future<List<RealWorldResult>> f : futures) {
                out.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("real-world run failed: " + e.getCause(), e.getCause());
        }
        pool.shutdownNow();
        for (RealWorldVerdict.Line line : RealWorldVerdict.judge(out, expected)) {
            System.out.println(line.print());
        }
        return out;
    }

    /**
     * PostgreSQL cases on several harnesses at once, each with its own pair of databases; results
     * in corpus order. A case that does not finish within the timeout (counted from when the
     * previous result arrived) is reported as timed out.
     */
    private static List<CaseResult> inParallel(List<CorpusCase> cases, List<PgHarness> harnesses, String source)
            throws IOException {
        java.util.concurrent.BlockingQueue<PgHarness> free = new java.util.concurrent.LinkedBlockingQueue<>(harnesses);
        ExecutorService pool = Executors.newFixedThreadPool(harnesses.size(), r -> {
            Thread t = new Thread(r, "conformance-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<CaseResult>> futures = new ArrayList<>();
        for (CorpusCase c : cases) {
            futures.add(pool.submit(() -> {
                PgHarness h = free.take();
                try {
                    return h.run(c);
                } finally {
                    free.put(h);
                }
            }));
        }
        List<CaseResult> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            out.add(await(futures.get(i), cases.get(i)));
            if ((i + 1) % 100 == 0) {
                System.err.printf("conformance %s: %d cases done%n", source, i + 1);
            }
        }
        pool.shutdownNow();
        return out;
    }

    private static CaseResult withTimeout(ExecutorService worker, java.util.concurrent.Callable<CaseResult> run,
                                          CorpusCase c) throws IOException {
        return await(worker.submit(run), c);
    }

    private static CaseResult await(Future<CaseResult> f, CorpusCase c) throws IOException {
        try {
            return f.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return CaseResult.failed(c, "timed out after " + CASE_TIMEOUT_SECONDS + " s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            return CaseResult.failed(c, "harness error: " + cause.getClass().getSimpleName() + ": "
                    + Convergence.generalize(cause.getMessage()), String.valueOf(cause));
        }
    }
}
