package dev.driftd.dialect;

import dev.driftd.schema.Scope;
import dev.driftd.schema.Snapshot;

/**
 * Puts a snapshot found by fingerprint into one member's own scope. A scope-relative fingerprint
 * (a PostgreSQL tenant schema, a MySQL database) leaves the scope's name out, so tenants with the
 * same drift share one stored snapshot: whichever tenant was read first. DDL is qualified with the
 * snapshot's scope, so a script, plan or rollout step for a member must be written from the shared
 * snapshot re-scoped to that member, never from it as stored.
 */
public final class TargetScope {
    private TargetScope() {
    }

    /** {@code shared} as the member behind {@code target} has it: same objects, the member's schema and database. */
    public static Snapshot of(Snapshot shared, DbTarget target) {
        Scope s = shared.getScope();
        if (s == null || !s.relative()) {
            return shared; // whole-database snapshots carry their real schema names in the fingerprint
        }
        String database = databaseOf(target, s.database());
        Scope mine = target.schema() != null ? Scope.singleSchema(database, target.schema())
                : Scope.mysqlDatabase(database);
        if (mine.equals(s)) {
            return shared;
        }
        return new Snapshot(shared.getFlavor(), shared.getServerVersion(), mine, shared.objects(),
                shared.getNotInspected(), shared.getDependencies());
    }

    private static String databaseOf(DbTarget target, String fallback) {
        try {
            String db = JdbcUrl.parse(target.url()).database();
            return db.isEmpty() ? fallback : db;
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
