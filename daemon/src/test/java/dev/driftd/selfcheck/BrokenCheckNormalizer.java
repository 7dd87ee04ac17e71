package dev.driftd.selfcheck;

import dev.driftd.dialect.Dialect;
import dev.driftd.testing.ForwardingDialect;
import dev.driftd.dialect.InspectOptions;
import dev.driftd.dialect.MarkedSnapshot;
import dev.driftd.schema.CheckConstraint;
import dev.driftd.schema.SchemaObject;
import dev.driftd.schema.Snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A real dialect with a deliberately broken CHECK normalizer patched in at the one place every
 * normalizer's output passes, the inspected snapshot: each read appends {@code AND TRUE} to a check's
 * expression. That is the bug class a self-check exists for (a normalization that is not a fixpoint:
 * what the planner writes from a snapshot does not read back as that snapshot), and it touches no
 * other kind, so a correct self-check must fail exactly the "check constraint" row.
 * Why here and not a switch in production code: the engine takes its dialects as a constructor
 * argument, so the test needs no hook that a user could flip by accident.
 */
final class BrokenCheckNormalizer extends ForwardingDialect {
    BrokenCheckNormalizer(Dialect real) {
        super(real);
    }

    private static Snapshot corrupt(Snapshot s) {
        List<SchemaObject> objects = s.objects().stream().map(o -> o instanceof CheckConstraint c
                ? (SchemaObject) new CheckConstraint(c.schema(), c.table(), c.name(), c.expression() + " AND TRUE",
                c.noInherit(), c.enforced(), c.notValid(), c.comment(), c.column())
                : o).toList();
        return new Snapshot(s.getFlavor(), s.getServerVersion(), s.getScope(), objects, s.getNotInspected(),
                s.getDependencies());
    }

    @Override
    public Snapshot inspect(Connection connection, String schema, InspectOptions options) throws SQLException {
        return corrupt(real.inspect(connection, schema, options));
    }

    @Override
    public MarkedSnapshot inspectMarked(Connection connection, String schema, InspectOptions options)
            throws SQLException {
        MarkedSnapshot m = real.inspectMarked(connection, schema, options);
        return new MarkedSnapshot(corrupt(m.snapshot()), m.marker());
    }
}
