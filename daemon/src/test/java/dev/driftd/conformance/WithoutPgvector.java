package dev.driftd.conformance;

import dev.driftd.sql.ScriptStatement;
import dev.driftd.sql.StatementSplitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real schema without what needs the pgvector extension, for a server that cannot have it (the
 * embedded PostgreSQL 18): the statements that name {@code vector} (the extension, its comment, a
 * table with a vector column), then every statement naming a table so left out (its owner, key,
 * indexes, triggers, foreign keys). {@code tsvector} is another word and stays.
 */
final class WithoutPgvector {
    private static final Pattern VECTOR = Pattern.compile("\\bvector\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "^\\s*CREATE\\s+TABLE\\s+(?:[A-Za-z0-9_]+\\.)?([A-Za-z0-9_]+)", Pattern.CASE_INSENSITIVE);

    private WithoutPgvector() {
    }

    static boolean needs(Path file) {
        try {
            return Files.isRegularFile(file) && Pattern.compile("CREATE\\s+EXTENSION\\s+(IF\\s+NOT\\s+EXISTS\\s+)?vector\\b",
                    Pattern.CASE_INSENSITIVE).matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary copy of the file without pgvector's statements; delete it after use. */
    static Path copy(Path file) {
        try {
            List<ScriptStatement> statements = StatementSplitter.split(Files.readString(file),
                    StatementSplitter.Syntax.POSTGRES, file.toString());
            List<String> droppedTables = new ArrayList<>();
            for (ScriptStatement st : statements) {
                Matcher table = CREATE_TABLE.matcher(st.sql());
                if (VECTOR.matcher(st.sql()).find() && table.find()) {
                    droppedTables.add(table.group(1).toLowerCase(Locale.ROOT));
                }
            }
            StringBuilder kept = new StringBuilder();
            for (ScriptStatement st : statements) {
                if (VECTOR.matcher(st.sql()).find() || mentionsAny(st.sql(), droppedTables)) {
                    continue;
                }
                kept.append(st.sql().strip()).append(";\n");
            }
            Path out = Files.createTempFile("driftd-without-pgvector", ".sql");
            Files.writeString(out, kept);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean mentionsAny(String sql, List<String> tables) {
        for (String t : tables) {
            if (Pattern.compile("\\b" + Pattern.quote(t) + "\\b", Pattern.CASE_INSENSITIVE).matcher(sql).find()) {
                return true;
            }
        }
        return false;
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind does no harm
        }
    }
}
