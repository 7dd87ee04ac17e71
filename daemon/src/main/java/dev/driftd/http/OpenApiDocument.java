package dev.driftd.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI 3.1 description, docs/openapi.yaml, which the build copies into the jar
 * (daemon/pom.xml): one file is both the documentation and what {@code GET /api/v1/openapi.yaml} serves.
 */
final class OpenApiDocument {
    static final String RESOURCE = "/dev/driftd/http/openapi.yaml";
    private static final String TEXT = load();

    private OpenApiDocument() {
    }

    static String text() {
        return TEXT;
    }

    private static String load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not in this build (daemon/pom.xml copies docs/openapi.yaml)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
