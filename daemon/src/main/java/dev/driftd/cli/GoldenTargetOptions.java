package dev.driftd.cli;

import dev.driftd.dialect.DbTarget;
import picocli.CommandLine.Option;

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

    @Option(names = "--golden-password", paramLabel = "PASSWORD")
    String goldenPassword;

    @Option(names = "--target-user", paramLabel = "USER")
    String targetUser;

    @Option(names = "--target-password", paramLabel = "PASSWORD")
    String targetPassword;

    /** A single schema compares only with a single schema. */
    void check() {
        if ((goldenSchema == null) != (targetSchema == null)) {
            throw new IllegalArgumentException("--golden-schema and --target-schema go together: "
                    + "a single schema compares only with a single schema");
        }
    }

    DbTarget goldenDb() {
        return new DbTarget(golden, goldenUser, goldenPassword, goldenSchema);
    }

    DbTarget targetDb() {
        return new DbTarget(target, targetUser, targetPassword, targetSchema);
    }
}
