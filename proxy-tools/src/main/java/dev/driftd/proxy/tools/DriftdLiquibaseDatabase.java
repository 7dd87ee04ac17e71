package dev.driftd.proxy.tools;

import liquibase.database.DatabaseConnection;
import liquibase.database.core.UnsupportedDatabase;

/**
 * Lets Liquibase take a jdbc:driftd: URL without being told the driver class (its CLI and Maven
 * plugin look the driver up by URL among their database implementations). It only names the
 * proxy's driver: it never claims a connection, so Liquibase picks the real database's
 * implementation from the connection's metadata, which the proxy forwards from the real driver.
 */
public final class DriftdLiquibaseDatabase extends UnsupportedDatabase {
    @Override
    public String getDefaultDriver(String url) {
        return ProxyUrls.isProxyUrl(url) ? ProxyUrls.DRIVER : null;
    }

    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection conn) {
        return false;
    }

    @Override
    public String getShortName() {
        return "driftd";
    }

    @Override
    protected String getDefaultDatabaseProductName() {
        return "driftd proxy";
    }
}
