package dev.driftd.proxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The proxy's java.util.logging lines ("dev.driftd.proxy") while open, formatted. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.driftd.proxy");
    final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    List<String> lines(Predicate<String> which) {
        return records.stream().map(r -> r.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(r))
                .filter(which).toList();
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
