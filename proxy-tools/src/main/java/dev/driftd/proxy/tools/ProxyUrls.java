package dev.driftd.proxy.tools;

/** What both tool plugins know about the proxy, kept apart so neither loads the other tool's classes. */
final class ProxyUrls {
    static final String PREFIX = "jdbc:driftd:";
    static final String DRIVER = "dev.driftd.proxy.DriftdDriver";

    private ProxyUrls() {
    }

    static boolean isProxyUrl(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** jdbc:driftd:postgresql://... → jdbc:postgresql://... (driftd.* parameters are the proxy's business). */
    static String realUrl(String url) {
        return isProxyUrl(url) ? "jdbc:" + url.substring(PREFIX.length()) : url;
    }
}
