package dev.driftd.metrics;

import java.util.Locale;

/**
 * The two formats {@code /metrics} speaks, chosen by the scraper's {@code Accept} header:
 * OpenMetrics 1.0 when it asks for {@code application/openmetrics-text} at least as strongly as for
 * the Prometheus text format (Prometheus itself does, by default), else text 0.0.4 (curl, promtool,
 * older scrapers). Protobuf is never offered: the per-member families are written as text.
 */
public enum ExpositionFormat {
    TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The format for an {@code Accept} header (null or empty: text 0.0.4). */
    public static ExpositionFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return TEXT;
        }
        double openMetrics = 0;
        double text = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (type.equals("application/openmetrics-text")) {
                openMetrics = Math.max(openMetrics, q);
            } else if (type.equals("text/plain") || type.equals("text/*") || type.equals("*/*")) {
                text = Math.max(text, q);
            }
        }
        return openMetrics > 0 && openMetrics >= text ? OPENMETRICS : TEXT;
    }

    /** The q parameter of a media range, 1 when absent; a malformed q counts as 0 (not acceptable). */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
