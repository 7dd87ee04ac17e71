package dev.driftd.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as picocli wants it (a UTF-8 writer) that also hands out the bytes under it, so
 * that a command printing tens of megabytes of JSON writes bytes once instead of encoding
 * characters twice.
 */
final class ByteSink extends PrintWriter {
    private final OutputStream bytes;

    ByteSink(OutputStream bytes) {
        super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
        this.bytes = bytes;
    }

    /** The stream under this writer, after what was written as characters. */
    OutputStream bytes() {
        flush();
        return bytes;
    }
}
