package dev.driftd.dialect.postgres;

import java.util.ArrayList;
import java.util.List;

/**
 * The identity text of a column: its kind ({@code ALWAYS} / {@code BY DEFAULT}) followed, when its
 * sequence has options other than PostgreSQL's defaults for the column type, by those options in a
 * fixed order, e.g. {@code BY DEFAULT (START WITH -100 INCREMENT BY -5 MINVALUE -1000)}. Only
 * non-default options are written, so an identity created without options reads as the bare kind.
 */
final class PgIdentity {
    private PgIdentity() {
    }

    /** The identity text from the catalog's kind code and its sequence's settings. */
    static String encode(String kind, String type, long start, long increment, long min, long max, long cache,
                         boolean cycle) {
        long typeMax = typeMax(type);
        long defMin = increment > 0 ? 1 : -typeMax - 1;
        long defMax = increment > 0 ? typeMax : -1;
        long defStart = increment > 0 ? min : max;
        List<String> opts = new ArrayList<>();
        if (start != defStart) {
            opts.add("START WITH " + start);
        }
        if (increment != 1) {
            opts.add("INCREMENT BY " + increment);
        }
        if (min != defMin) {
            opts.add("MINVALUE " + min);
        }
        if (max != defMax) {
            opts.add("MAXVALUE " + max);
        }
        if (cache != 1) {
            opts.add("CACHE " + cache);
        }
        if (cycle) {
            opts.add("CYCLE");
        }
        return opts.isEmpty() ? kind : kind + " (" + String.join(" ", opts) + ")";
    }

    private static long typeMax(String type) {
        return switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    /** {@code ALWAYS} or {@code BY DEFAULT}. */
    static String kind(String identity) {
        int paren = identity.indexOf(" (");
        return paren < 0 ? identity : identity.substring(0, paren);
    }

    /** The sequence options inside the parentheses, or "" when all are defaults. */
    static String options(String identity) {
        int paren = identity.indexOf(" (");
        return paren < 0 ? "" : identity.substring(paren + 2, identity.length() - 1);
    }

    /** {@code GENERATED kind AS IDENTITY [(options)]} for CREATE TABLE and ADD GENERATED. */
    static String generated(String identity) {
        String opts = options(identity);
        return "GENERATED " + kind(identity) + " AS IDENTITY" + (opts.isEmpty() ? "" : " (" + opts + ")");
    }

    /**
     * ALTER COLUMN actions that give an existing identity golden's sequence options, every option
     * spelled out (a default in golden must overwrite a non-default in the target).
     */
    static String setOptions(String identity, String type) {
        String opts = options(identity);
        long typeMax = typeMax(type);
        long increment = value(opts, "INCREMENT BY ", 1);
        long min = value(opts, "MINVALUE ", increment > 0 ? 1 : -typeMax - 1);
        long max = value(opts, "MAXVALUE ", increment > 0 ? typeMax : -1);
        long start = value(opts, "START WITH ", increment > 0 ? min : max);
        long cache = value(opts, "CACHE ", 1);
        return "SET INCREMENT BY " + increment + " SET MINVALUE " + min + " SET MAXVALUE " + max
                + " SET START WITH " + start + " SET CACHE " + cache + (opts.contains("CYCLE") ? " SET CYCLE" : " SET NO CYCLE");
    }

    /**
     * Whether golden's range is narrower than the target's: the sequence's position may then lie
     * outside it, which PostgreSQL refuses unless the sequence restarts (at golden's START).
     */
    static boolean narrows(String targetIdentity, String goldenIdentity, String type) {
        long[] t = range(options(targetIdentity), type);
        long[] g = range(options(goldenIdentity), type);
        return g[0] > t[0] || g[1] < t[1];
    }

    private static long[] range(String opts, String type) {
        long typeMax = typeMax(type);
        long increment = value(opts, "INCREMENT BY ", 1);
        return new long[]{value(opts, "MINVALUE ", increment > 0 ? 1 : -typeMax - 1),
                value(opts, "MAXVALUE ", increment > 0 ? typeMax : -1)};
    }

    private static long value(String opts, String word, long fallback) {
        int at = opts.indexOf(word);
        if (at < 0) {
            return fallback;
        }
        int from = at + word.length();
        int to = opts.indexOf(' ', from);
        return Long.parseLong(to < 0 ? opts.substring(from) : opts.substring(from, to));
    }
}
