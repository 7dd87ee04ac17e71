package dev.driftd.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a command-line password comes from, as {@code psql} ({@code PGPASSWORD}) and Flyway
 * ({@code FLYWAY_PASSWORD}) do it: a flag's value is visible to every local user in {@code ps}
 * and the shell history, so a password may also come from a file ({@code --…-password-file},
 * e.g. a systemd credential or a mounted secret) or from an environment variable. The first given
 * of flag, file, variable wins; a flag and a file together are an error (one of them is a mistake).
 */
record PasswordSource(String flag, String flagValue, String fileFlag, Path file, String variable) {

    String resolve(Function<String, String> env) {
        if (flagValue != null && file != null) {
            throw new IllegalArgumentException(flag + " and " + fileFlag + " both given; use one");
        }
        if (flagValue != null) {
            return flagValue;
        }
        if (file != null) {
            return read(file, fileFlag);
        }
        String fromEnv = env.apply(variable);
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    /** The file's text without its final line break (a password may contain or end with blanks). */
    private static String read(Path file, String fileFlag) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(fileFlag + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException(fileFlag + ": " + file + " is empty");
        }
        if (text.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(fileFlag + ": " + file + " has more than one line; it must hold only the password");
        }
        return text;
    }
}
