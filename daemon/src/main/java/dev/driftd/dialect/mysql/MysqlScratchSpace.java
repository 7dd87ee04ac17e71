package dev.driftd.dialect.mysql;

import dev.driftd.dialect.ScratchSpace;
import dev.driftd.sql.StatementSplitter;

import java.sql.Connection;
import java.sql.SQLException;

/** The MySQL family's scratch databases; a schema is a database here, so there are no scratch schemas. */
final class MysqlScratchSpace implements ScratchSpace {
    static final MysqlScratchSpace INSTANCE = new MysqlScratchSpace();

    private MysqlScratchSpace() {
    }

    @Override
    public StatementSplitter.Syntax scriptSyntax() {
        return StatementSplitter.Syntax.MYSQL;
    }

    @Override
    public void createDatabase(Connection admin, String name) throws SQLException {
        ScratchSpace.execute(admin, "CREATE DATABASE " + SqlText.ident(name));
    }

    @Override
    public void dropDatabase(Connection admin, String name) throws SQLException {
        ScratchSpace.execute(admin, "DROP DATABASE IF EXISTS " + SqlText.ident(name));
    }
}
