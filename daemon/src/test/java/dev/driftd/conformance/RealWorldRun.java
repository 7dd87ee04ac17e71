package dev.driftd.conformance;

import dev.driftd.testing.TestDatabases;
import dev.driftd.testing.TestServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real-world files of one dialect, each through {@link RealWorldChecks}, on as many scratch
 * pairs as workers (two by default: both servers spend most of a load waiting on their disk);
 * results in corpus order.
 */
final class RealWorldRun {
    private static final long FILE_TIMEOUT_SECONDS = 600;

    private RealWorldRun() {
    }

    static List<RealWorldResult> run(String source, List<Path> files, Path corpusRoot, int workers) throws IOException {
        boolean mysql = source.endsWith("mysql");
        List<ScratchPair> pairs = new ArrayList<>();
        TestServer mysqlServer = mysql ? TestDatabases.mysql() : null;
        if (mysql && mysqlServer == null) {
            throw new IllegalStateException("no MySQL or MariaDB server for the real-world checks");
        }
        for (int i = 0; i < Math.max(1, Math.min(workers, files.size())); i++) {
            pairs.add(mysql ? new MysqlScratchPair(mysqlServer) : new PgScratchPair());
        }
        BlockingQueue<ScratchPair> free = new LinkedBlockingQueue<>(pairs);
        ExecutorService pool = Executors.newFixedThreadPool(pairs.size(), r -> {
            Thread t = new Thread(r, "realworld-worker");
            t.setDaemon(true);
            return t;
        });
        List<Future<RealWorldResult>> futures = new ArrayList<>();
        List<Map<RealWorldCheck, CaseResult>> partial = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Path file : files) {
            String label = corpusRoot.resolve("realworld").relativize(file).toString();
            Map<RealWorldCheck, CaseResult> results = new ConcurrentHashMap<>();
            labels.add(label);
            partial.add(results);
            futures.add(pool.submit(() -> {
                ScratchPair pair = free.take();
                try {
                    return new RealWorldChecks().run(source, label, file, pair, results);
                } finally {
                    free.put(pair);
                }
            }));
        }
        List<RealWorldResult> out = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            out.add(await(futures.get(i), source, labels.get(i), files.get(i), partial.get(i)));
        }
        pool.shutdownNow();
        for (ScratchPair pair : pairs) {
            try {
                pair.close();
            } catch (RuntimeException e) {
                System.err.println("realworld: could not drop a scratch database: " + e.getMessage());
            }
        }
        return out;
    }

    /** Waits for one file; checks that did not finish (time-out, harness error) are reported as failed. */
    private static RealWorldResult await(Future<RealWorldResult> f, String source, String label, Path file,
                                         Map<RealWorldCheck, CaseResult> partial) throws IOException {
        String why;
        try {
            return f.get(FILE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            why = "timed out after " + FILE_TIMEOUT_SECONDS + " s for the file";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            why = "harness error: " + e.getCause();
        }
        Map<RealWorldCheck, CaseResult> checks = new EnumMap<>(RealWorldCheck.class);
        for (RealWorldCheck check : RealWorldCheck.values()) {
            CaseResult done = partial.get(check);
            checks.put(check, done != null ? done : CaseResult.failed(new CorpusCase(source, label + " " + check.id(),
                    file, file, null), Convergence.generalize(why), why));
        }
        return new RealWorldResult(source, label, checks, null);
    }
}
