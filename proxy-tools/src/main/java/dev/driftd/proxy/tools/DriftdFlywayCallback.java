package dev.driftd.proxy.tools;

import dev.driftd.proxy.DriftdConnection;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A Flyway callback that approves Flyway's migrations on a driftd proxy connection and names the
 * migration each DDL statement belongs to: events then say "application [flyway 2]". Register it
 * with Flyway's {@code callbacks} setting ({@code flyway.callbacks=dev.driftd.proxy.tools.DriftdFlywayCallback},
 * {@code <callbacks>} in the Maven plugin, {@code .callbacks(new DriftdFlywayCallback())} in code).
 * On a connection that is not the proxy's it does nothing.
 */
public final class DriftdFlywayCallback implements Callback {
    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR || event == Event.AFTER_MIGRATE
                || event == Event.AFTER_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true; // it only tells the proxy something; nothing reaches the database
    }

    @Override
    public void handle(Event event, Context context) {
        DriftdConnection proxy = proxy(context.getConnection());
        if (proxy == null) {
            return;
        }
        if (event == Event.BEFORE_EACH_MIGRATE) {
            proxy.approveSession("flyway");
            proxy.setMigration(label(context.getMigrationInfo()));
        } else if (event == Event.AFTER_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE_ERROR) {
            proxy.setMigration(null);
        } else {
            proxy.endSession(); // the run is over: the connection (maybe a pooled one) needs markers again
        }
    }

    @Override
    public String getCallbackName() {
        return "driftd";
    }

    /** "2" for a versioned migration, "R:description" for a repeatable one. */
    static String label(MigrationInfo info) {
        if (info == null) {
            return null;
        }
        if (info.getVersion() != null) {
            return info.getVersion().getVersion();
        }
        return "R:" + info.getDescription();
    }

    private static DriftdConnection proxy(Connection connection) {
        try {
            return connection != null && connection.isWrapperFor(DriftdConnection.class)
                    ? connection.unwrap(DriftdConnection.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }
}
