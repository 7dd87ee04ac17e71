package dev.driftd.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an answer against docs/openapi.yaml (read from the classpath, where the build copies it):
 * the operation is found by method and path template; its status must be declared there, its
 * content type must be one the status declares, and a JSON body must validate against the
 * declared schema (JSON Schema 2020-12, as OpenAPI 3.1 uses it, by networknt's validator). A path no
 * template matches must have been answered 404, a template without that method 405, both as problems.
 * Every HTTP helper of the daemon's tests sends its answers through {@link #check}.
 */
public final class OpenApiContract {
    private static final String RESOURCE = "dev/driftd/http/openapi.yaml";
    private static final JsonNode DOC = load();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> COMPILED = new ConcurrentHashMap<>();

    private OpenApiContract() {
    }

    /** The answer of a request made by one of the test helpers; returns it for chaining. */
    public static <T> HttpResponse<T> check(String method, HttpResponse<T> r) {
        String body = r.body() == null ? "" : r.body().toString();
        check(method, r.uri(), r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), body);
        return r;
    }

    /** Throws an AssertionError naming the route, the status and what does not match the contract. */
    public static void check(String method, URI uri, int status, String contentType, String body) {
        String path = uri.getRawPath();
        String template = template(path);
        String m = method.toLowerCase(Locale.ROOT);
        if (template == null) {
            expectProblem(method + " " + path + " (no route in openapi.yaml)", 404, status, contentType, body);
            return;
        }
        JsonNode op = DOC.path("paths").path(template).get(m);
        if (op == null) {
            expectProblem(method + " " + template + " (no such operation in openapi.yaml)", 405, status, contentType, body);
            return;
        }
        String route = method + " " + template + " -> " + status;
        JsonNode response = resolve(op.path("responses").get(String.valueOf(status)));
        if (response == null) {
            throw new AssertionError(route + ": status not declared in openapi.yaml (declared: "
                    + names(op.path("responses")) + "); body: " + abbreviate(body));
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return;
        }
        String media = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode declared = content.get(media);
        if (declared == null) {
            declared = content.get("*/*");
        }
        if (declared == null) {
            throw new AssertionError(route + ": content type '" + contentType + "' not declared (declared: "
                    + names(content) + ")");
        }
        JsonNode schemaRef = declared.path("schema").path("$ref");
        if (media.endsWith("json") && schemaRef.isTextual()) {
            validate(route, schemaRef.asText(), body);
        }
    }

    /** Every operation of the contract as "METHOD /path/{param}". */
    public static List<String> operations() {
        List<String> out = new ArrayList<>();
        DOC.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(m)) {
                out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        return out;
    }

    private static void expectProblem(String route, int expected, int status, String contentType, String body) {
        if (status != expected) {
            throw new AssertionError(route + ": answered " + status + ", the contract allows only " + expected
                    + "; body: " + abbreviate(body));
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            throw new AssertionError(route + " -> " + status + ": content type '" + contentType
                    + "', not application/problem+json");
        }
        validate(route + " -> " + status, "#/components/schemas/Problem", body);
    }

    private static void validate(String route, String ref, String body) {
        Schema schema = COMPILED.computeIfAbsent(ref,
                r -> SCHEMAS.getSchema(SchemaLocation.of("classpath:" + RESOURCE + r)));
        List<Error> errors;
        try {
            errors = schema.validate(body, InputFormat.JSON);
        } catch (RuntimeException e) {
            throw new AssertionError(route + ": the body is not JSON (" + e.getMessage() + "): " + abbreviate(body), e);
        }
        if (!errors.isEmpty()) {
            StringBuilder b = new StringBuilder(route + ": the body does not match " + ref + ":");
            errors.forEach(e -> b.append("\n  ").append(e));
            b.append("\nbody: ").append(abbreviate(body));
            throw new AssertionError(b.toString());
        }
    }

    /** The template a raw path matches; the one with the most literal segments when several do. */
    static String template(String rawPath) {
        String[] segs = rawPath.replaceAll("^/+|/+$", "").split("/+");
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = DOC.path("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            String[] ts = t.substring(1).split("/");
            if (ts.length != segs.length) {
                continue;
            }
            int literals = 0;
            boolean match = true;
            for (int i = 0; i < ts.length && match; i++) {
                if (ts[i].startsWith("{")) {
                    match = !segs[i].isEmpty();
                } else {
                    match = ts[i].equals(segs[i]);
                    literals++;
                }
            }
            if (match && literals > bestLiterals) {
                best = t;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static JsonNode resolve(JsonNode node) {
        if (node == null || !node.has("$ref")) {
            return node;
        }
        String ref = node.get("$ref").asText();
        return DOC.at(ref.substring(1));
    }

    private static String names(JsonNode object) {
        TreeSet<String> n = new TreeSet<>();
        object.fieldNames().forEachRemaining(n::add);
        return String.join(", ", n);
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "…";
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (daemon/pom.xml copies docs/openapi.yaml)");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
