package dev.driftd.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftd.schema.Snapshot;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** A snapshot as text, for checks that look for what it holds. */
public final class SnapshotText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotText() {
    }

    /** The snapshot's JSON, as {@code driftd snapshot} writes it. */
    public static String json(Snapshot s) {
        StringWriter out = new StringWriter();
        try {
            s.writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** {@code text} as a JSON string value, quotes included: to find a whole value, not a part of another. */
    public static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
