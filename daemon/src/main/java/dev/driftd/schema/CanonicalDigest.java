package dev.driftd.schema;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * SHA-256 of canonical JSON written straight into the digest: one generator for all objects of a
 * snapshot instead of a byte array per object.
 */
final class CanonicalDigest {
    private final MessageDigest digest = Canonical.sha256();
    private final JsonGenerator generator;

    CanonicalDigest() {
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                digest.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                digest.update(b, off, len);
            }
        };
        try {
            generator = Canonical.CANONICAL.getFactory().createGenerator(sink, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setRootValueSeparator(null); // objects are separated by the caller's bytes
    }

    /** The object's canonical JSON. */
    void add(SchemaObject object) {
        try {
            Canonical.CANONICAL.writeValue(generator, object);
            generator.flush(); // before any raw byte goes into the digest
        } catch (IOException e) {
            throw new IllegalStateException("canonical JSON of a model object cannot fail", e);
        }
    }

    void add(byte[] bytes) {
        digest.update(bytes);
    }

    void add(byte b) {
        digest.update(b);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
