package dev.driftd.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real-world checks known to fail, each with its reason: {@code file | check | reason} per line
 * ({@code ranger/postgres.sql | forward | the view ... }), {@code #} comments. A listed check that
 * fails does not fail the run; a listed check that passes does, so the list can only shrink.
 */
final class ExpectedFailures {
    private final Map<String, String> reasons;

    private ExpectedFailures(Map<String, String> reasons) {
        this.reasons = reasons;
    }

    static ExpectedFailures none() {
        return new ExpectedFailures(Map.of());
    }

    static ExpectedFailures read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s*\\|\\s*", 3);
            if (parts.length < 3 || parts[2].isBlank()) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": expected 'file | check | reason', with a reason; got: " + line);
            }
            try {
                RealWorldCheck.byId(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
            if (reasons.put(key(parts[0], parts[1]), parts[2]) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": listed twice: " + parts[0] + " | " + parts[1]);
            }
        }
        return new ExpectedFailures(reasons);
    }

    /** The reason a check is expected to fail, or null when it must pass. */
    String reason(String file, RealWorldCheck check) {
        return reasons.get(key(file, check.id()));
    }

    private static String key(String file, String check) {
        return file + " " + check;
    }
}
