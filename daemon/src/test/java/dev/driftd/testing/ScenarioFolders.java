package dev.driftd.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine scenarios kept as folders, one per scenario, under {@code scenarios/<dialect>/} of the
 * test resources (docs/conformance.md, "Engine scenarios"): {@code golden.sql}, {@code target.sql},
 * {@code expected-diff.txt}, {@code expected-plan.sql} and an optional {@code scenario.properties}.
 * The dialect's loader reads the SQL; this class finds the folders and keeps the expected plans,
 * which {@code -Dupdate} rewrites from the planner's output instead of failing, so that every plan
 * change shows up in the diff a reviewer reads.
 */
public final class ScenarioFolders {
    /** {@code mvn ... -Dupdate}: rewrite the expected plans instead of comparing them. */
    public static final boolean UPDATE = Boolean.getBoolean("update");

    private ScenarioFolders() {
    }

    /**
     * The root of one dialect's scenarios. The source folder when the tests run from a build tree
     * (so that {@code -Dupdate} writes the files a commit carries, not their copies under target/),
     * else the copy on the class path.
     */
    public static Path root(String dialect) {
        URL url = ScenarioFolders.class.getResource("/scenarios/" + dialect);
        if (url == null) {
            throw new IllegalStateException("no scenarios/" + dialect + " on the test class path");
        }
        Path onClassPath;
        try {
            onClassPath = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("scenarios/" + dialect + " is not a folder: " + url, e);
        }
        // <module>/target/test-classes/scenarios/<dialect> -> <module>/src/test/resources/scenarios/<dialect>
        Path module = onClassPath.getParent().getParent().getParent().getParent();
        Path source = module.resolve("src/test/resources/scenarios").resolve(dialect);
        return Files.isDirectory(source) ? source : onClassPath;
    }

    /** Every scenario folder of a dialect, by name; fails when there is none (a wrong glob must not pass). */
    public static List<Path> list(String dialect) {
        Path root = root(dialect);
        try (Stream<Path> children = Files.list(root)) {
            List<Path> folders = children.filter(Files::isDirectory).sorted(Comparator.comparing(Path::toString)).toList();
            assertThat(folders).as("scenario folders under %s", root).isNotEmpty();
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** A file's text, or "" when the scenario has none. */
    public static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The lines of a list file that say something: blank lines and {@code #} comments left out. */
    public static List<String> lines(Path file) {
        return read(file).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The folder's {@code scenario.properties}, empty when it has none. */
    public static Properties properties(Path folder) {
        Properties p = new Properties();
        Path file = folder.resolve("scenario.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    /** The values of {@code prefix.1}, {@code prefix.2}, ... in that order (a list in a properties file). */
    public static List<String> numbered(Properties p, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; p.containsKey(prefix + "." + i); i++) {
            out.add(p.getProperty(prefix + "." + i));
        }
        return out;
    }

    /**
     * Compares a plan with the folder's expected plan file, or with {@code -Dupdate} writes it. A
     * missing file fails too (a new scenario is recorded with {@code -Dupdate} and reviewed).
     */
    public static void assertPlan(Path folder, String fileName, String plan) {
        Path file = folder.resolve(fileName);
        String expected = read(file);
        if (UPDATE) {
            if (!expected.equals(plan)) {
                try {
                    Files.writeString(file, plan, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                System.out.println("updated " + file);
            }
            return;
        }
        assertThat(Files.exists(file)).as("%s is missing: record it with -Dupdate and review it", file).isTrue();
        assertThat(plan).as("the plan differs from %s (rewrite it with -Dupdate if the change is intended)", file)
                .isEqualTo(expected);
    }
}
