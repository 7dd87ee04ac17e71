package dev.driftd.metrics;

/**
 * Writing the Prometheus text format (0.0.4) by hand for the per-member families: with thousands
 * of members they are most of the series, and building a meter snapshot per series on every
 * scrape costs about a hundred times more than appending the line.
 */
final class TextExposition {
    private TextExposition() {
    }

    static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /**
     * A counter family: in text 0.0.4 the family is named like its samples ({@code x_total}); in
     * OpenMetrics the family is {@code x} and its samples {@code x_total}.
     */
    static void counterFamily(StringBuilder out, String sampleName, String help, boolean openMetrics) {
        String name = openMetrics && sampleName.endsWith("_total")
                ? sampleName.substring(0, sampleName.length() - "_total".length()) : sampleName;
        family(out, name, "counter", help);
    }

    static void sample(StringBuilder out, String name, String labels, String extraLabel, String extraValue, double v) {
        out.append(name).append('{').append(labels);
        if (extraLabel != null) {
            out.append(',').append(extraLabel).append("=\"").append(escapeLabel(extraValue)).append('"');
        }
        out.append("} ");
        value(out, v);
        out.append('\n');
    }

    static void value(StringBuilder out, double v) {
        if (Double.isNaN(v)) {
            out.append("NaN");
        } else if (v == 0) {
            out.append("0.0");
        } else if (v == 1) {
            out.append("1.0");
        } else if (Double.isInfinite(v)) {
            out.append(v > 0 ? "+Inf" : "-Inf");
        } else {
            out.append(v);
        }
    }

    static String escapeLabel(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Backslash and newline, as text 0.0.4 wants; the help texts here carry no double quote (OpenMetrics escapes those too). */
    static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
