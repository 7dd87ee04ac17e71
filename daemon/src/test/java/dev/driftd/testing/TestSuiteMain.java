package dev.driftd.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs already compiled test classes in this JVM through the JUnit Platform launcher, for a script
 * that runs one suite many times against different servers without Maven recompiling anything
 * (.ci/checks/pg-matrix.sh: one JVM per PostgreSQL version).
 * <pre>
 * TestSuiteMain --label 17 --report FILE [--known FILE] [--exclude-tag TAG]... SELECTOR...
 * </pre>
 * {@code --exclude-tag} leaves out the test classes (or methods) with that JUnit tag, e.g.
 * {@link EmbeddedVersions#OWN_SERVERS}: tests that start servers of their own run the same on
 * every server the script points at, so once (in mvn verify) is enough.
 * A selector is a class name, {@code Class#method}, or {@code package:NAME} for every {@code *Test}
 * class of a package.
 * {@code --known FILE} lists failures expected on some labels, one per line:
 * {@code LABEL Class.method reason} ({@code #} starts a comment). The report file gets one line per
 * failed, known-failed, skipped or aborted test, a line when a listed test passes (the list only
 * shrinks) and a last line {@code tests N passed, N failed, N skipped, N known failures}. The exit
 * status is 1 when a test failed that the list does not name, or a listed one passed.
 */
public final class TestSuiteMain {

    private TestSuiteMain() {
    }

    public static void main(String[] args) throws IOException {
        String label = null;
        Path report = null;
        Path known = null;
        List<String> selectors = new ArrayList<>();
        List<String> excludedTags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--label" -> label = args[++i];
                case "--report" -> report = Path.of(args[++i]);
                case "--known" -> known = Path.of(args[++i]);
                case "--exclude-tag" -> excludedTags.add(args[++i]);
                default -> selectors.add(args[i]);
            }
        }
        if (label == null || report == null || selectors.isEmpty()) {
            System.err.println("usage: TestSuiteMain --label L --report FILE [--known FILE] [--exclude-tag TAG]... "
                    + "CLASS|CLASS#METHOD|package:NAME...");
            System.exit(2);
        }
        Map<String, String> expected = known == null ? Map.of() : readKnown(known, label);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(ClassNameFilter.includeClassNamePatterns(".*Test"));
        if (!excludedTags.isEmpty()) {
            request.filters(TagFilter.excludeTags(excludedTags));
        }
        for (String s : selectors) {
            request.selectors(s.startsWith("package:") ? DiscoverySelectors.selectPackage(s.substring(8))
                    : s.contains("#") ? DiscoverySelectors.selectMethod(s) : DiscoverySelectors.selectClass(s));
        }
        // the tests log to standard output; the verdict goes to the report and to the stream the caller saw first
        PrintStream console = System.out;
        Outcomes outcomes = new Outcomes();
        LauncherDiscoveryRequest built = request.build();
        LauncherFactory.create().execute(built, outcomes);

        List<String> lines = new ArrayList<>();
        int unexpected = 0;
        int knownFailures = 0;
        for (Map.Entry<String, String> f : outcomes.failures.entrySet()) {
            String reason = expected.get(f.getKey());
            if (reason != null) {
                knownFailures++;
                lines.add("KNOWN " + f.getKey() + ": " + reason + " (fails with: " + f.getValue() + ")");
            } else {
                unexpected++;
                lines.add("FAIL " + f.getKey() + ": " + f.getValue());
            }
        }
        for (String key : expected.keySet()) {
            if (!outcomes.failures.containsKey(key)) {
                unexpected++;
                lines.add(outcomes.ran.contains(key) ? "STALE " + key + ": listed as a known failure but passes; "
                        + "take it off the list" : "STALE " + key + ": listed as a known failure but did not run");
            }
        }
        outcomes.skipped.forEach((key, reason) -> lines.add("SKIP " + key + ": " + reason));
        String dumps = PgDumpAvailability.skipped();
        if (dumps != null) {
            lines.add("NOTE " + dumps);
        }
        outcomes.classSeconds.forEach((cls, sec) -> lines.add(String.format("TIME %s: %.1f s", cls, sec)));
        lines.add(String.format("tests %d passed, %d failed, %d skipped, %d known failures", outcomes.passed,
                outcomes.failures.size() - knownFailures, outcomes.skipped.size(), knownFailures));
        Files.write(report, lines, StandardCharsets.UTF_8);
        lines.stream().filter(l -> !l.startsWith("TIME ")).forEach(console::println);
        console.flush();
        System.exit(unexpected == 0 ? 0 : 1);
    }

    /** {@code LABEL Class.method reason} lines of the file whose label is this run's (corpus cases left out). */
    static Map<String, String> readKnown(Path file, String label) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) {
                throw new IllegalArgumentException(file + ":" + n + ": want 'LABEL Class.method reason', got '" + line + "'");
            }
            // conformance:SOURCE/CASE lines are corpus cases, which the script checks, not tests
            if (parts[0].equals(label) && !parts[1].startsWith("conformance:")) {
                out.put(parts[1], parts[2]);
            }
        }
        return out;
    }

    /** Test keys are {@code SimpleClass.method} (all invocations of a parameterized method share one). */
    private static final class Outcomes implements TestExecutionListener {
        final Map<String, String> failures = new TreeMap<>();
        final Map<String, String> skipped = new TreeMap<>();
        final Set<String> ran = new LinkedHashSet<>();
        /** Seconds per test class, to see where a version's time goes. */
        final Map<String, Double> classSeconds = new TreeMap<>();
        private final Map<String, Long> classStarted = new LinkedHashMap<>();
        int passed;

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.getSource().orElse(null) instanceof ClassSource) {
                classStarted.put(id.getUniqueId(), System.nanoTime());
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            skipped.put(key(id), reason);
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            String key = key(id);
            Long began = classStarted.remove(id.getUniqueId());
            if (began != null) {
                classSeconds.merge(key, (System.nanoTime() - began) / 1e9, Double::sum);
            }
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    if (id.isTest()) {
                        passed++;
                        ran.add(key);
                    }
                }
                case ABORTED -> skipped.put(key, message(result));
                case FAILED -> {
                    ran.add(key);
                    failures.merge(key, message(result), (a, b) -> a);
                }
            }
        }

        private static String message(TestExecutionResult result) {
            return result.getThrowable().map(t -> {
                String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
                // AssertJ puts "Expecting actual:" on a line of its own: two lines say what was wrong
                String first = m.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(2)
                        .reduce((a, b) -> a + " " + b).orElse(m);
                return first.length() > 300 ? first.substring(0, 300) + "…" : first;
            }).orElse("(no message)");
        }

        private static String key(TestIdentifier id) {
            TestSource source = id.getSource().orElse(null);
            if (source instanceof MethodSource m) {
                return simple(m.getClassName()) + "." + m.getMethodName();
            }
            if (source instanceof ClassSource c) {
                return simple(c.getClassName());
            }
            return id.getDisplayName();
        }

        private static String simple(String className) {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }
}
