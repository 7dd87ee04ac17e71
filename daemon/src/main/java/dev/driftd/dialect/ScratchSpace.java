package dev.driftd.dialect;

import dev.driftd.sql.StatementSplitter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;

/**
 * A dialect's scratch ability: the DDL that creates and drops a throw-away database (or schema) to
 * run a golden SQL file in, and how that dialect's command-line client cuts such a file into
 * statements. Every statement runs on an autocommit administrative connection.
 */
public interface ScratchSpace {
    /** How psql, or the mysql client, cuts a script into statements. */
    StatementSplitter.Syntax scriptSyntax();

    void createDatabase(Connection admin, String name) throws SQLException;

    /** Drops the database if it is there, even while sessions other than ours are still connected where the server allows it. */
    void dropDatabase(Connection admin, String name) throws SQLException;

    /** Creates a schema in the connection's database; dialects whose schemas are databases have none to create. */
    default void createSchema(Connection admin, String name) throws SQLException {
        throw new SQLFeatureNotSupportedException("a scratch schema needs a database with schemas (PostgreSQL)");
    }

    /** Makes {@code name} the schema unqualified names of the connection's next statements resolve in. */
    default void enterSchema(Connection admin, String name) throws SQLException {
        throw new SQLFeatureNotSupportedException("a scratch schema needs a database with schemas (PostgreSQL)");
    }

    /** Leaves the schema {@link #enterSchema} entered and drops it with everything in it, if it is there. */
    default void dropSchema(Connection admin, String name) throws SQLException {
        throw new SQLFeatureNotSupportedException("a scratch schema needs a database with schemas (PostgreSQL)");
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
