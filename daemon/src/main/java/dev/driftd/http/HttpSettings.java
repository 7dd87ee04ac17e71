package dev.driftd.http;

import java.net.InetSocketAddress;

/** How the admin server listens: the address (127.0.0.1:9741 by default) and the largest request accepted. */
public record HttpSettings(InetSocketAddress bind, int maxRequestBytes) {
    /** DDL event posts are the largest bodies the API will take; a megabyte is far more than enough. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;

    public HttpSettings {
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive");
        }
    }

    public static HttpSettings of(String host, int port) {
        return new HttpSettings(new InetSocketAddress(host, port), DEFAULT_MAX_REQUEST_BYTES);
    }
}
