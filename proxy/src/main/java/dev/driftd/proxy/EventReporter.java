package dev.driftd.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** Sends of one event while the daemon answers 429, before it counts as failed. */
    static final int BUSY_ATTEMPTS = 5;
    static final long MAX_RETRY_AFTER_S = 10;
    private static final Pattern MEMBERS = Pattern.compile("\"members\"\\s*:\\s*(\\d+)");
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final URI target;
    /** The daemon base URL as driftd.endpoint gave it (parsed), for {@link DriftdProxy#stats(String)}. */
    final URI endpoint;
    /** The events URL and the configured endpoint as logged: without any user:password part. */
    private final String shown;
    private final String shownEndpoint;
    private final String token;
    private final RateLimitedLog diagnostics = new RateLimitedLog();
    private final AtomicBoolean selfTestStarted = new AtomicBoolean();
    /** Requests under way, so the exit hook can close them (see {@link #abandonInFlight}). */
    private final java.util.Set<HttpURLConnection> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile String selfTest;

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
    private final AtomicLong unmatched = new AtomicLong();
    private volatile String lastError;
    private boolean down;
    private long downUntil;

    private static volatile String clientHost;

    EventReporter(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.target = URI.create(endpoint.toString() + "/api/v1/events/ddl");
        this.shownEndpoint = withoutUserInfo(endpoint);
        this.shown = withoutUserInfo(target);
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
        return new DriftdProxy.Stats(sent.get(), failed.get(), dropped.get(), queued, 0, unmatched.get(), lastError);
    }

    private static String withoutUserInfo(URI u) {
        if (u.getRawUserInfo() == null) {
            return u.toString();
        }
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getRawPath() == null ? "" : u.getRawPath());
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
                    long n = dropped.incrementAndGet();
                    diagnostics.log(Level.WARNING, DeliveryProblem.DROPPED.name(), () -> "driftd proxy: DDL events"
                            + " to " + shown + " are being dropped for " + DOWN_BACKOFF_NANOS / 1_000_000_000L
                            + " s after a failed send (" + n + " dropped so far): " + lastError);
                } else {
                    Delivery d = deliver(event);
                    if (d.problem == null) {
                        down = false;
                        sent.incrementAndGet();
                    } else if (d.problem == DeliveryProblem.UNMATCHED) {
                        down = false;
                        sent.incrementAndGet(); // the daemon has it: not lost, but not attributed
                        unmatched.incrementAndGet();
                        diagnostics.log(Level.WARNING, d.problem.name(), () -> d.message);
                    } else {
                        failed.incrementAndGet();
                        down = true;
                        downUntil = System.nanoTime() + DOWN_BACKOFF_NANOS;
                        lastError = d.lastError();
                        diagnostics.log(Level.WARNING, d.problem.name(),
                                () -> "driftd proxy: DDL event not delivered: " + d.message);
                    }
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

    /** What became of one send: problem null when the daemon took it and matched it. */
    static final class Delivery {
        final DeliveryProblem problem;
        final String message;
        /** "HTTP 401", "SocketTimeoutException": what lastError starts with. */
        final String what;

        Delivery(DeliveryProblem problem, String message) {
            this(problem, message, null);
        }

        Delivery(DeliveryProblem problem, String message, String what) {
            this.problem = problem;
            this.message = message;
            this.what = what;
        }

        String lastError() {
            return (what == null ? "" : what + " ") + "(" + problem.label() + "): " + message;
        }
    }

    /** One daemon answer. */
    private static final class Answer {
        final int status;
        final String body;
        final String retryAfter;

        Answer(int status, String body, String retryAfter) {
            this.status = status;
            this.body = body;
            this.retryAfter = retryAfter;
        }
    }

    /**
     * Posts the event; a 429 (the daemon's event queue is full) is not a failure: the event is sent
     * again after Retry-After, a few times, before it counts as failed.
     */
    private Delivery deliver(ProxyEvent event) {
        byte[] body = event.toJson(clientHost()).getBytes(StandardCharsets.UTF_8);
        boolean resent = false;
        for (int attempt = 1; ; attempt++) {
            Answer a;
            try {
                a = exchange("POST", body);
            } catch (IOException e) {
                if (!resent && closedKeptAliveConnection(e)) {
                    // HttpURLConnection reuses a kept-alive connection the daemon may have closed while idle
                    // (its idle timeout), and does not resend a streamed POST: the reset is the old
                    // connection's, not the daemon's answer. Send once more on a fresh connection rather than
                    // lose the event and mark a healthy daemon down.
                    resent = true;
                    attempt--;
                    continue;
                }
                return ioProblem(e);
            }
            if (a.status / 100 == 2) {
                return matchedMembers(a.body) == 0 ? new Delivery(DeliveryProblem.UNMATCHED, unmatchedMessage(event))
                        : new Delivery(null, null);
            }
            if (a.status == 429 && attempt < BUSY_ATTEMPTS) {
                pause(retryAfterMillis(a.retryAfter));
                continue;
            }
            return statusProblem(a, a.status == 429 ? " after " + attempt + " tries" : "");
        }
    }

    /** GET on the events URL: the daemon checks the token as for an event, and sends nothing on. */
    void selfTestOnce() {
        if (!selfTestStarted.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            String result;
            Level level;
            try {
                Answer a = exchange("GET", null);
                if (a.status == 200) {
                    level = Level.INFO;
                    result = "driftd proxy: self-test passed: " + shown + " takes DDL events with this token";
                } else if (a.status == 405) {
                    level = Level.INFO;
                    result = "driftd proxy: self-test: " + shown + " answers but is a daemon that cannot check"
                            + " tokens in advance (405); delivery problems will be logged as they happen";
                } else {
                    level = Level.WARNING;
                    result = "driftd proxy: self-test failed: " + statusProblem(a, "").message;
                }
            } catch (IOException e) {
                level = Level.WARNING;
                result = "driftd proxy: self-test failed: " + ioProblem(e).message;
            } catch (RuntimeException e) {
                level = Level.WARNING;
                result = "driftd proxy: self-test failed: " + e;
            }
            selfTest = result;
            RateLimitedLog.LOGGER.log(level, result);
        }, "driftd-proxy-check");
        t.setDaemon(true);
        t.start();
    }

    /** The self-test's result line once it has run, else null. */
    String selfTestResult() {
        return selfTest;
    }

    /** A connection reset or closed under a request, as opposed to a daemon that refuses, hangs or is gone. */
    static boolean closedKeptAliveConnection(IOException e) {
        if (e instanceof java.net.ConnectException || e instanceof java.net.NoRouteToHostException) {
            return false;
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        return e instanceof java.net.SocketException || m.startsWith("Unexpected end of file");
    }

    private Answer exchange(String method, byte[] body) throws IOException {
        HttpURLConnection http = (HttpURLConnection) target.toURL().openConnection();
        inFlight.add(http);
        try {
            http.setConnectTimeout(CONNECT_TIMEOUT_MS);
            http.setReadTimeout(READ_TIMEOUT_MS);
            http.setRequestMethod(method);
            http.setUseCaches(false);
            if (token != null) {
                http.setRequestProperty("Authorization", "Bearer " + token);
            }
            if (body != null) {
                http.setDoOutput(true);
                http.setFixedLengthStreamingMode(body.length);
                http.setRequestProperty("Content-Type", "application/json");
                try (OutputStream out = http.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = http.getResponseCode();
            String answer = read(status < 400 ? http.getInputStream() : http.getErrorStream());
            return new Answer(status, answer, http.getHeaderField("Retry-After"));
        } catch (IOException e) {
            http.disconnect();
            throw e;
        } finally {
            inFlight.remove(http);
        }
    }

    /**
     * Closes the requests under way (at JVM exit, once the flush gave up): a thread blocked reading a
     * hanging daemon's socket would otherwise hold the JVM's exit for about 300 ms more, as the JVM
     * waits for threads in native code before it halts.
     */
    void abandonInFlight() {
        for (HttpURLConnection h : inFlight) {
            h.disconnect();
        }
    }

    private Delivery ioProblem(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return new Delivery(DeliveryProblem.TIMEOUT, "the driftd daemon at " + shown + " did not answer in time ("
                    + e.getMessage() + "; connect " + CONNECT_TIMEOUT_MS + " ms, read " + READ_TIMEOUT_MS
                    + " ms): DDL events are lost while it hangs", e.getClass().getSimpleName());
        }
        return new Delivery(DeliveryProblem.UNREACHABLE, "cannot reach the driftd daemon at " + shown + " ("
                + e.getClass().getSimpleName() + ": " + e.getMessage() + "): is it running, and is driftd.endpoint"
                + " its address? DDL events are lost until it answers", e.getClass().getSimpleName());
    }

    private Delivery statusProblem(Answer a, String tries) {
        DeliveryProblem p = a.status == 429 ? DeliveryProblem.BUSY : DeliveryProblem.ofStatus(a.status);
        String detail = detail(a.body);
        String said = detail == null ? "" : " (" + detail + ")";
        String head = shown + " answered " + a.status + tries + said;
        String advice;
        switch (p) {
            case UNAUTHORIZED:
                advice = "the daemon does not know driftd.token" + (token == null ? ", and none is set" : "")
                        + "; set it to a token of role report from the daemon's configuration";
                break;
            case FORBIDDEN:
                advice = "driftd.token has the wrong role; DDL events need a token of role report (or admin)";
                break;
            case NOT_FOUND:
                advice = "is driftd.endpoint (" + shownEndpoint + ") the daemon's base URL, like http://driftd:9741,"
                        + " with no path?";
                break;
            case BUSY:
                advice = "the daemon's event queue stayed full; the event was not delivered";
                break;
            case SERVER_ERROR:
                advice = "the daemon failed to take the event; see its log";
                break;
            default:
                advice = "the daemon refused the event";
        }
        return new Delivery(p, head + ": " + advice, "HTTP " + a.status);
    }

    private static String unmatchedMessage(ProxyEvent e) {
        return "driftd proxy: the daemon took a DDL event but matched it to no fleet member: server " + e.serverHost
                + ":" + e.serverPort + (e.serverIdentities.isEmpty() ? "" : " " + e.serverIdentities)
                + ", database " + e.database + (e.schema == null ? "" : ", schema " + e.schema)
                + " (application " + e.application + "); the daemon watches no such member, or has not snapshotted"
                + " it yet; drift there is seen at the next sweep only";
    }

    /** "members": N of the daemon's 202 answer; -1 when the answer does not say (an older daemon). */
    static int matchedMembers(String body) {
        Matcher m = MEMBERS.matcher(body == null ? "" : body);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The "detail" of the daemon's JSON error, one line and short; null when there is none. */
    static String detail(String body) {
        if (body == null) {
            return null;
        }
        Matcher m = DETAIL.matcher(body);
        String d = m.find() ? m.group(1).replace("\\\"", "\"") : null;
        if (d == null) {
            return null;
        }
        d = d.replaceAll("\\s+", " ");
        return d.length() <= 300 ? d : d.substring(0, 300) + "...";
    }

    /** Retry-After in seconds (the daemon sends 1); an absent or HTTP-date value waits a second. */
    static long retryAfterMillis(String header) {
        try {
            long s = Long.parseLong(header == null ? "" : header.trim());
            return Math.max(0, Math.min(s, MAX_RETRY_AFTER_S)) * 1_000L;
        } catch (NumberFormatException e) {
            return 1_000L;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // a daemon thread: nobody should interrupt it
        }
    }

    /**
     * Reads the answer to its end (which lets HttpURLConnection keep the connection alive), keeping
     * its first few kilobytes: the daemon's answers are small JSON objects.
     */
    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[512];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (kept.size() < 8_192) {
                    kept.write(buf, 0, Math.min(n, 8_192 - kept.size()));
                }
            }
            return kept.toString(StandardCharsets.UTF_8);
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
