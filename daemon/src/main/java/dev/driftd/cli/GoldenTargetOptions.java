package dev.driftd.cli;

import dev.driftd.dialect.DbTarget;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The two databases a comparison reads: golden and target, each with optional schema and credentials. */
final class GoldenTargetOptions {
    @Option(names = "--golden", required = true, paramLabel = "JDBC_URL", description = "The golden database.")
    String golden;

    @Option(names = "--target", required = true, paramLabel = "JDBC_URL", description = "The database to check.")
    String target;

    @Option(names = "--golden-schema", paramLabel = "SCHEMA", description = "PostgreSQL: compare only this schema of golden.")
    String goldenSchema;

    @Option(names = "--target-schema", paramLabel = "SCHEMA", description = "PostgreSQL: compare only this schema of the target.")
    String targetSchema;

    @Option(names = "--golden-user", paramLabel = "USER")
    String goldenUser;

    @Option(names = "--golden-password", paramLabel = "PASSWORD",
            description = "Visible in ps; prefer --golden-password-file or DRIFTD_GOLDEN_PASSWORD.")
    String goldenPassword;

    @Option(names = "--golden-password-file", paramLabel = "FILE",
            description = "Read golden's password from this file (one line).")
    Path goldenPasswordFile;

    @Option(names = "--target-user", paramLabel = "USER")
    String targetUser;

    @Option(names = "--target-password", paramLabel = "PASSWORD",
            description = "Visible in ps; prefer --target-password-file or DRIFTD_TARGET_PASSWORD.")
    String targetPassword;

    @Option(names = "--target-password-file", paramLabel = "FILE",
            description = "Read the target's password from this file (one line).")
    Path targetPasswordFile;

    /** Environment variables the passwords may come from when neither flag nor file is given. */
    static final String GOLDEN_PASSWORD_ENV = "DRIFTD_GOLDEN_PASSWORD";
    static final String TARGET_PASSWORD_ENV = "DRIFTD_TARGET_PASSWORD";

    /** A single schema compares only with a single schema. */
    void check() {
        if ((goldenSchema == null) != (targetSchema == null)) {
            throw new IllegalArgumentException("--golden-schema and --target-schema go together: "
                    + "a single schema compares only with a single schema");
        }
    }

    DbTarget goldenDb() {
        String password = new PasswordSource("--golden-password", goldenPassword, "--golden-password-file",
                goldenPasswordFile, GOLDEN_PASSWORD_ENV).resolve(System::getenv);
        return new DbTarget(golden, goldenUser, password, goldenSchema);
    }

    DbTarget targetDb() {
        String password = new PasswordSource("--target-password", targetPassword, "--target-password-file",
                targetPasswordFile, TARGET_PASSWORD_ENV).resolve(System::getenv);
        return new DbTarget(target, targetUser, password, targetSchema);
    }
}
