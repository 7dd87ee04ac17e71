package dev.driftd.http;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How the admin server listens and what it puts up with from clients.
 *
 * @param bind            where to listen (127.0.0.1:9741 by default)
 * @param maxRequestBytes the largest request body accepted (413 above it)
 * @param maxConnections  open connections at most; one more is closed at once
 * @param idleTimeout     a connection with no request under way and no answer pending is closed after this
 * @param requestTimeout  a request must have arrived whole (headers and body) this long after its first byte
 * @param eventQueue      DDL events waiting to be taken in at most (429 above it)
 */
public record HttpSettings(InetSocketAddress bind, int maxRequestBytes, int maxConnections, Duration idleTimeout,
                           Duration requestTimeout, int eventQueue) {
    /** DDL event posts are the largest bodies the API will take; a megabyte is far more than enough. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public HttpSettings {
        if (maxRequestBytes <= 0 || maxConnections <= 0 || eventQueue <= 0) {
            throw new IllegalArgumentException("maxRequestBytes, maxConnections and eventQueue must be positive");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** The defaults for everything but the address and body limit. */
    public HttpSettings(InetSocketAddress bind, int maxRequestBytes) {
        this(bind, maxRequestBytes, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                DdlEventQueue.DEFAULT_CAPACITY);
    }

    public static HttpSettings of(String host, int port) {
        return new HttpSettings(new InetSocketAddress(host, port), DEFAULT_MAX_REQUEST_BYTES);
    }

    public HttpSettings withLimits(int connections, Duration idle, Duration request) {
        return new HttpSettings(bind, maxRequestBytes, connections, idle, request, eventQueue);
    }
}
