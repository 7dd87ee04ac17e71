package dev.driftd.cli;

import dev.driftd.dialect.DbTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * User and password of the one server a command reads ({@code snapshot}, {@code selfcheck}): flag,
 * file or {@code DRIFTD_PASSWORD}, resolved by {@link PasswordSource} in that order.
 */
final class LoginOptions {
    /** The environment variable the password may come from when neither flag nor file is given. */
    static final String PASSWORD_ENV = "DRIFTD_PASSWORD";

    @Option(names = "--user", paramLabel = "USER", description = "User, if not in the URL.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Password, if not in the URL. Visible in ps; prefer --password-file or DRIFTD_PASSWORD.")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file (one line).")
    Path passwordFile;

    /** The server at {@code url} with these credentials; {@code schema} as ConnectionOptions#target takes it. */
    DbTarget target(String url, String schema) {
        return ConnectionOptions.target(url, user,
                new PasswordSource("--password", password, "--password-file", passwordFile, PASSWORD_ENV)
                        .resolve(System::getenv), schema);
    }
}
