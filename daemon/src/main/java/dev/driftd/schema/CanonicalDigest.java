package dev.driftd.schema;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of canonical JSON written straight into the digest: one generator for all objects of a
 * snapshot, its buffer handed to the digest in large chunks, and no Jackson data binding, so that a
 * cold process spends its time hashing rather than warming serializers.
 */
final class CanonicalDigest {
    private final MessageDigest digest = sha256();
    private final JsonGenerator generator;

    CanonicalDigest() {
        this(null);
    }

    /** @param copy when not null, also receives every byte hashed (tests pin the canonical bytes) */
    CanonicalDigest(OutputStream copy) {
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                digest.update((byte) b);
                if (copy != null) {
                    copy.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                digest.update(b, off, len);
                if (copy != null) {
                    copy.write(b, off, len);
                }
            }
        };
        try {
            generator = ModelJson.FACTORY.createGenerator(sink, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setRootValueSeparator(null); // objects are separated by end()
    }

    /** The object's canonical JSON. */
    void add(SchemaObject object) {
        try {
            ModelJson.write(generator, object, true);
        } catch (IOException e) {
            throw new IllegalStateException("canonical JSON of a model object cannot fail", e);
        }
    }

    /** A MySQL-family table's column order, as {@code {"columnOrder":[...]}}. */
    void addColumnOrder(List<String> columnOrder) {
        try {
            generator.writeStartObject();
            generator.writeArrayFieldStart("columnOrder");
            for (String column : columnOrder) {
                generator.writeString(column);
            }
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The separator after each object. */
    void end() {
        try {
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String hex() {
        try {
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
