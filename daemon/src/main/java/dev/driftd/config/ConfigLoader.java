package dev.driftd.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Finds and loads the daemon's YAML configuration. Every problem stops the load with a
 * {@link ConfigException} naming the file, the line and what is wrong; nothing is half-applied.
 */
public final class ConfigLoader {
    /** Where {@code driftd run} looks when no {@code --config} is given, in order. */
    public static final List<Path> DEFAULT_LOCATIONS = List.of(Path.of("driftd.yaml"), Path.of("/etc/driftd/driftd.yaml"));

    private ConfigLoader() {
    }

    /** The file to load: {@code explicit} when given (it must exist), else the first of {@link #DEFAULT_LOCATIONS}. */
    public static Path locate(Path explicit) {
        return locate(explicit, DEFAULT_LOCATIONS);
    }

    static Path locate(Path explicit, List<Path> candidates) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new ConfigException(explicit.toString(), 0, "no such configuration file");
            }
            return explicit;
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        StringBuilder tried = new StringBuilder();
        for (Path p : candidates) {
            tried.append(tried.length() == 0 ? "" : " nor ").append(p.isAbsolute() ? p : "./" + p);
        }
        throw new ConfigException("driftd", 0, "no --config given and neither " + tried
                + " exists (see config/driftd.yaml for an example)");
    }

    /** Loads a file, resolving {@code ${env:…}} from the process environment. */
    public static Config load(Path file) {
        return load(file, System::getenv);
    }

    public static Config load(Path file, Function<String, String> env) {
        String text = read(file);
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir, env);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /**
     * Reads a policy file ({@code driftd diff --policy FILE}): an {@code ignore:} list in the shape
     * of driftd.yaml's; errors name the file and line.
     */
    public static dev.driftd.policy.IgnorePolicy loadPolicy(Path file) {
        String text = read(file);
        YamlNode root = new YamlTreeReader(file.toString()).read(text);
        return new ConfigReader(file.toString(), file.toAbsolutePath().getParent(), System::getenv).policyFile(root);
    }

    /**
     * Parses configuration text. {@code baseDir} is what relative paths ({@code ${file:…}}, golden
     * {@code sql:} files) are resolved against: the config file's directory.
     */
    public static Config parse(String yaml, String source, Path baseDir, Function<String, String> env) {
        YamlNode root = new YamlTreeReader(source).read(yaml);
        return new ConfigReader(source, baseDir, env).read(root);
    }
}
