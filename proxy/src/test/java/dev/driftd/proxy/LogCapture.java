package dev.driftd.proxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The proxy's java.util.logging lines ("dev.driftd.proxy") while open, formatted, and only those
 * about this test: the logger is one per JVM, and an earlier test's send to a hanging daemon gives
 * up and logs seconds after that test has ended.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.driftd.proxy");
    private final List<String> about;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /**
     * Keeps the lines that contain one of {@code about} (an endpoint, a unique application name);
     * with none given, every line, for a test whose own filters are unique to it.
     */
    LogCapture(String... about) {
        this.about = List.of(about);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        String line = r.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(r);
        if (about.isEmpty() || about.stream().anyMatch(line::contains)) {
            lines.add(line);
        }
    }

    List<String> lines(Predicate<String> which) {
        return lines.stream().filter(which).toList();
    }

    /** Waits (at most the bound) until a line containing {@code text} was logged; returns the lines that contain it. */
    List<String> await(String text, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            List<String> l = lines(s -> s.contains(text));
            if (!l.isEmpty()) {
                return l;
            }
            Thread.sleep(20);
        }
        return lines(s -> s.contains(text));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
