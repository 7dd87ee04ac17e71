package dev.driftd.proxy.tools;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.database.GeneralDatabaseType;
import org.flywaydb.core.internal.database.base.BaseDatabaseType;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;

import java.sql.Connection;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A Flyway database plugin for jdbc:driftd: URLs, so Flyway's CLI, Maven and Gradle plugins (which
 * pick a plugin by URL and then load that plugin's driver) accept the proxy. It names the proxy's
 * driver and hands every URL question to the plugin of the wrapped URL (jdbc:driftd:postgresql:
 * → PostgreSQL). Once connected Flyway picks its database plugin from the connection's metadata,
 * which the proxy forwards from the real driver, so the migration itself runs under the real
 * database's plugin, unchanged; this one never claims a connection.
 */
public final class DriftdFlywayDatabaseType extends BaseDatabaseType {
    @Override
    public String getName() {
        return "driftd proxy";
    }

    @Override
    public int getNullType() {
        return Types.NULL;
    }

    @Override
    public boolean handlesJDBCUrl(String url) {
        return ProxyUrls.isProxyUrl(url);
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return ProxyUrls.DRIVER;
    }

    @Override
    public String getBackupDriverClass(String url, ClassLoader classLoader) {
        return null;
    }

    /** Never: the connection's own metadata names the real database, whose plugin runs the migration. */
    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
                                                        Connection connection) {
        return false;
    }

    @Override
    public Database createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
                                   StatementInterceptor statementInterceptor) {
        return real(jdbcConnectionFactory.getJdbcUrl()).createDatabase(configuration, jdbcConnectionFactory,
                statementInterceptor);
    }

    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
                               ParsingContext parsingContext) {
        return real(configuration.getUrl()).createParser(configuration, resourceProvider, parsingContext);
    }

    @Override
    public void setDefaultConnectionProps(String url, Properties props, ClassLoader classLoader) {
        real(url).setDefaultConnectionProps(realUrl(url), props, classLoader);
    }

    @Override
    public void setConfigConnectionProps(Configuration config, Properties props, ClassLoader classLoader) {
        real(config.getUrl()).setConfigConnectionProps(config, props, classLoader);
    }

    @Override
    public void setOverridingConnectionProps(Map<String, String> props) {
    }

    @Override
    public void shutdownDatabase(String url, java.sql.Driver driver) {
    }

    @Override
    public boolean detectUserRequiredByUrl(String url) {
        return real(url).detectUserRequiredByUrl(realUrl(url));
    }

    @Override
    public boolean detectPasswordRequiredByUrl(String url) {
        return real(url).detectPasswordRequiredByUrl(realUrl(url));
    }

    @Override
    public boolean externalAuthPropertiesRequired(String url, String username, String password) {
        return real(url).externalAuthPropertiesRequired(realUrl(url), username, password);
    }

    @Override
    public List<Pattern> getJDBCCredentialsPatterns() {
        return BaseDatabaseType.getDefaultJDBCCredentialsPatterns();
    }

    @Override
    public boolean supportsReadOnlyTransactions() {
        return true;
    }

    private static String realUrl(String url) {
        return ProxyUrls.realUrl(url);
    }

    /** The Flyway plugin of the wrapped URL; a one-line reason when Flyway has none on the classpath. */
    private static DatabaseType real(String url) {
        String realUrl = realUrl(url);
        for (GeneralDatabaseType type : DatabaseTypeRegister.getDatabaseTypes()) {
            if (type instanceof DatabaseType && !(type instanceof DriftdFlywayDatabaseType)
                    && ((DatabaseType) type).handlesJDBCUrl(realUrl)) {
                return (DatabaseType) type;
            }
        }
        String scheme = realUrl == null ? "?" : realUrl.replaceFirst("^jdbc:([^:]+):.*$", "$1");
        throw new org.flywaydb.core.api.FlywayException("driftd: no Flyway database plugin for the URL the proxy wraps ("
                + "jdbc:" + scheme + ":...): add Flyway's module for it (e.g. flyway-database-postgresql, flyway-mysql)");
    }
}
