package dev.driftd.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console's static files, read from the jar's {@code ui/} folder (no build step at run
 * time, no CDN). Every answer carries a Content-Security-Policy that allows scripts, styles and
 * requests from this origin only and no inline script or style, so a name that reached the page as
 * markup still could not run.
 */
final class ConsoleFiles {
    /** One flat folder of plain names: nothing else can be asked for, so no path can climb out of it. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg|png)");
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final String folder;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** @param folder where the files are on the class path, without slashes ({@code ui}) */
    ConsoleFiles(String folder) {
        this.folder = folder;
    }

    /** The file as an answer with the console's security headers, or empty when there is no such file. */
    Optional<ApiResponse> get(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        byte[] body = cache.computeIfAbsent(name, this::read);
        if (body.length == 0) {
            return Optional.empty();
        }
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.of(secured(new ApiResponse(200, TYPES.get(ext), body, Map.of())));
    }

    /** The headers every console answer carries, errors included. */
    static ApiResponse secured(ApiResponse r) {
        return r.withHeader("Content-Security-Policy", CSP)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer")
                .withHeader("X-Frame-Options", "DENY");
    }

    /** The file's bytes; empty for a missing one (cached too: the jar does not change while running). */
    private byte[] read(String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream("/" + folder + "/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + name + ": " + e.getMessage(), e);
        }
    }
}
