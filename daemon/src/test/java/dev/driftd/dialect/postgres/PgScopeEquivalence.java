package dev.driftd.dialect.postgres;

import dev.driftd.dialect.DbTarget;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.schema.Snapshot;
import dev.driftd.testing.SnapshotText;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single schema read through its members ({@link PgScopeFilter#byMember}, what driftd runs)
 * against the same schema read with the namespace filters of a database scope, which scan every
 * catalog row and so cannot miss one: the two snapshots (objects, dependencies, kinds not
 * inspected) must be the same, or the member list left something out.
 */
public final class PgScopeEquivalence {
    private PgScopeEquivalence() {
    }

    /** Fails, naming the target, unless both readings of {@code target}'s schema are equal. */
    public static void assertMembersReadAll(DbTarget target) {
        assertThat(target.schema()).as("a single-schema target").isNotNull();
        assertThat(SnapshotText.json(read(target, true)))
                .as("%s read through its members must equal the namespace-filtered read", target)
                .isEqualTo(SnapshotText.json(read(target, false)));
    }

    public static Snapshot read(DbTarget target, boolean byMember) {
        try (Connection c = PostgresConnections.open(target, InspectOptions.DEFAULT, true)) {
            return new PostgresInspector(c, InspectOptions.DEFAULT, byMember ? PgScopeFilter.TenantRead.BY_MEMBER
                    : PgScopeFilter.TenantRead.BY_NAMESPACE).inspect(target.schema());
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + target + ": " + e.getMessage(), e);
        }
    }
}
