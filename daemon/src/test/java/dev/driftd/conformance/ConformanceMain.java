package dev.driftd.conformance;

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
 *                 [--only sqldef-postgres,migra,schemas-postgres,sqldef-mysql,schemas-mysql]
 *                 [--case REGEX] [--details FILE]
 * </pre>
 * Prints {@code conformance <source>: C/L converged (T cases)} per source on standard output.
 */
public final class ConformanceMain {
    private static final long CASE_TIMEOUT_SECONDS = 90;

    private ConformanceMain() {
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
        Corpus corpus = new Corpus(corpusRoot);

        Map<String, List<CaseResult>> results = new LinkedHashMap<>();
        List<String> servers = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-case");
            t.setDaemon(true);
            return t;
        });
        int workers = Integer.parseInt(opts.getOrDefault("--workers", "2"));
        List<PgHarness> pgPool = new ArrayList<>();
        Harness pg = null;
        Harness my = null;
        for (String source : only) {
            boolean postgres = !source.endsWith("mysql");
            Harness h;
            if (postgres) {
                pg = pg == null ? new PgHarness() : pg;
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
                List<CorpusCase> selected = cases.stream().filter(c -> casePattern.matcher(c.name()).find()).toList();
                if (postgres && workers > 1) {
                    while (pgPool.size() < workers) {
                        pgPool.add(pgPool.isEmpty() ? (PgHarness) pg : new PgHarness());
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
        if (pg instanceof AutoCloseable closeable) {
            closeable.close();
        }
        for (PgHarness extra : pgPool) {
            if (extra != pg) {
                extra.close();
            }
        }
        String report = opts.get("--report");
        if (report != null) {
            Report.write(Path.of(report), results, servers);
            System.err.println("conformance: report written to " + report);
        }
        String details = opts.get("--details");
        if (details != null) {
            Report.writeDetails(Path.of(details), results);
        }
        System.exit(0);
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
