package dev.driftd.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the cases of ../shared/corpus as its README describes them; never copies them. */
final class Corpus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;

    Corpus(Path root) {
        this.root = root;
    }

    List<CorpusCase> sqldef(String flavorDir) throws IOException {
        List<CorpusCase> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root.resolve("sqldef").resolve(flavorDir))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                JsonNode meta = JSON.readTree(dir.resolve("meta.json").toFile());
                out.add(new CorpusCase("sqldef-" + flavorDir, dir.getFileName().toString(), dir.resolve("current.sql"),
                        dir.resolve("desired.sql"), meta.get("flags")));
            }
        }
        return out;
    }

    List<CorpusCase> migra() throws IOException {
        List<CorpusCase> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root.resolve("migra"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                JsonNode meta = JSON.readTree(dir.resolve("meta.json").toFile());
                out.add(new CorpusCase("migra", dir.getFileName().toString(), dir.resolve("a.sql"), dir.resolve("b.sql"),
                        meta.get("migra_options")));
            }
        }
        return out;
    }

    /** {@code realworld/<project>/<fileName>} of every project that has one, by project name. */
    List<Path> realWorld(String fileName) throws IOException {
        try (Stream<Path> dirs = Files.list(root.resolve("realworld"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.resolve(fileName)).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Real application schemas of one flavor directory ({@code mysql} or {@code postgres}). */
    List<Path> schemas(String flavorDir) throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("schemas").resolve(flavorDir))) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
