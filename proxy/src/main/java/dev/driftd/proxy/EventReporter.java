package dev.driftd.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends DDL events to one daemon endpoint from a bounded queue on a daemon thread. The
 * application's thread only ever appends to the queue (or, when it is full, counts a drop);
 * it never touches the network. After a failed send the endpoint is considered down for a
 * while and queued events are dropped (and counted) instead of each waiting for a timeout.
 */
final class EventReporter {
    static final int CAPACITY = 1_000;
    static final int CONNECT_TIMEOUT_MS = 1_000;
    static final int READ_TIMEOUT_MS = 2_000;
    static final long DOWN_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final URI target;
    private final String token;

    private final Object lock = new Object();
    private final ArrayDeque<ProxyEvent> queue = new ArrayDeque<>();
    /** Sequence number of the last event accepted into the queue. */
    private long enqueued;
    /** Events taken off the queue and finished with (sent, failed or dropped); FIFO, so a count suffices. */
    private long completed;
    private Thread sender;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile String lastError;
    private boolean down;
    private long downUntil;

    private static volatile String clientHost;

    EventReporter(URI endpoint, String token) {
        this.target = URI.create(endpoint.toString() + "/api/v1/events/ddl");
        this.token = token;
    }

    /** Queues an event; returns its sequence number, or 0 when the queue was full and it was dropped. */
    long offer(ProxyEvent event) {
        synchronized (lock) {
            if (queue.size() >= CAPACITY) {
                dropped.incrementAndGet();
                return 0;
            }
            queue.addLast(event);
            long seq = ++enqueued;
            if (sender == null) {
                sender = new Thread(this::sendLoop, "driftd-proxy-reporter");
                sender.setDaemon(true);
                sender.start();
            }
            lock.notifyAll();
            return seq;
        }
    }

    /** Waits until the event with this sequence number (and all before it) is done, or the deadline. */
    boolean awaitCompleted(long seq, long deadlineNanos) {
        synchronized (lock) {
            while (completed < seq) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Waits for everything queued so far. */
    boolean awaitAll(long deadlineNanos) {
        long seq;
        synchronized (lock) {
            seq = enqueued;
        }
        return awaitCompleted(seq, deadlineNanos);
    }

    DriftdProxy.Stats stats() {
        int queued;
        synchronized (lock) {
            queued = queue.size();
        }
        return new DriftdProxy.Stats(sent.get(), failed.get(), dropped.get(), queued, 0, lastError);
    }

    private void sendLoop() {
        while (true) {
            ProxyEvent event;
            synchronized (lock) {
                while (queue.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // a daemon thread: nobody should interrupt it; keep serving the queue
                    }
                }
                event = queue.pollFirst();
            }
            try {
                if (down && System.nanoTime() - downUntil < 0) {
                    dropped.incrementAndGet();
                } else if (send(event)) {
                    down = false;
                    sent.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    down = true;
                    downUntil = System.nanoTime() + DOWN_BACKOFF_NANOS;
                }
            } catch (RuntimeException | Error e) {
                failed.incrementAndGet();
                lastError = e.getClass().getSimpleName();
            } finally {
                synchronized (lock) {
                    completed++;
                    lock.notifyAll();
                }
            }
        }
    }

    private boolean send(ProxyEvent event) {
        byte[] body = event.toJson(clientHost()).getBytes(StandardCharsets.UTF_8);
        HttpURLConnection http = null;
        try {
            http = (HttpURLConnection) target.toURL().openConnection();
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setUseCaches(false);
            http.setFixedLengthStreamingMode(body.length);
            http.setRequestProperty("Content-Type", "application/json");
            if (token != null) {
                http.setRequestProperty("Authorization", "Bearer " + token);
            }
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            drain(status < 400 ? http.getInputStream() : http.getErrorStream());
            if (status / 100 == 2) {
                return true;
            }
            lastError = "HTTP " + status + " from " + target; // the URL carries no secret; the token is a header
            return false;
        } catch (IOException e) {
            lastError = e.getClass().getSimpleName() + " from " + target + ": " + e.getMessage();
            if (http != null) {
                http.disconnect();
            }
            return false;
        }
    }

    /** Reading the answer to its end lets HttpURLConnection keep the connection alive. */
    private static void drain(InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        try (in) {
            byte[] buf = new byte[512];
            while (in.read(buf) >= 0) {
                // discard
            }
        }
    }

    private static String clientHost() {
        String h = clientHost;
        if (h == null) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "unknown";
            }
            clientHost = h;
        }
        return h;
    }
}
