package dev.driftd.dialect.postgres;

import dev.driftd.dialect.ScratchSpace;
import dev.driftd.sql.StatementSplitter;

import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL's scratch databases and schemas. */
final class PgScratchSpace implements ScratchSpace {
    static final PgScratchSpace INSTANCE = new PgScratchSpace();
    /** The SQLSTATE of a syntax error: what a server before 13 answers to {@code WITH (FORCE)}. */
    private static final String SYNTAX_ERROR = "42601";

    private PgScratchSpace() {
    }

    @Override
    public StatementSplitter.Syntax scriptSyntax() {
        return StatementSplitter.Syntax.POSTGRES;
    }

    @Override
    public void createDatabase(Connection admin, String name) throws SQLException {
        ScratchSpace.execute(admin, "CREATE DATABASE " + quoted(name));
    }

    @Override
    public void dropDatabase(Connection admin, String name) throws SQLException {
        try {
            ScratchSpace.execute(admin, "DROP DATABASE IF EXISTS " + quoted(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            if (!SYNTAX_ERROR.equals(e.getSQLState())) {
                throw e;
            }
            // before PostgreSQL 13 there is no FORCE; the caller's own sessions are closed by now
            ScratchSpace.execute(admin, "DROP DATABASE IF EXISTS " + quoted(name));
        }
    }

    @Override
    public void createSchema(Connection admin, String name) throws SQLException {
        ScratchSpace.execute(admin, "CREATE SCHEMA " + quoted(name));
    }

    @Override
    public void enterSchema(Connection admin, String name) throws SQLException {
        ScratchSpace.execute(admin, "SET search_path TO " + quoted(name));
    }

    @Override
    public void dropSchema(Connection admin, String name) throws SQLException {
        ScratchSpace.execute(admin, "RESET search_path");
        ScratchSpace.execute(admin, "DROP SCHEMA IF EXISTS " + quoted(name) + " CASCADE");
    }

    /** Always quoted: a scratch name is used exactly as generated, whatever its case. */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
