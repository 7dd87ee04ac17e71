package dev.driftd.proxy;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The JDBC driver for jdbc:driftd:&lt;real URL without "jdbc:"&gt;. It strips the driftd.*
 * parameters, opens the connection with the real driver (found through DriverManager) and wraps
 * it. Registered through META-INF/services/java.sql.Driver and when the class loads.
 */
public final class DriftdDriver implements Driver {
    static {
        try {
            DriverManager.registerDriver(new DriftdDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: not ours, let DriverManager try the next driver
        }
        JdbcUrls.Split split = JdbcUrls.split(url);
        if (JdbcUrls.accepts(split.realUrl)) {
            throw new SQLException("driftd proxy: the URL names the proxy twice (jdbc:driftd:driftd:...)", "08001");
        }
        ProxySettings settings = settings(split, info);
        Driver real = realDriver(split.realUrl);
        Connection raw = real.connect(split.realUrl, ProxySettings.forRealDriver(info));
        if (raw == null) {
            throw new SQLException("driftd proxy: the " + subprotocol(split.realUrl)
                    + " driver did not accept the URL", "08001");
        }
        return ProxyConnection.wrap(raw, split.realUrl, settings);
    }

    static ProxySettings settings(JdbcUrls.Split split, Properties info) throws SQLException {
        try {
            return ProxySettings.fromEnvironment(split.settings, info);
        } catch (IllegalArgumentException e) {
            throw new SQLException("driftd proxy: " + e.getMessage(), "08001", e);
        }
    }

    /**
     * DriverManager first; it only offers drivers visible to this class's loader, so when the
     * proxy sits in a parent loader (an application server's lib) the context loader is asked too.
     */
    static Driver realDriver(String realUrl) throws SQLException {
        try {
            return DriverManager.getDriver(realUrl);
        } catch (SQLException notVisible) {
            List<ClassLoader> loaders = new ArrayList<>();
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null) {
                loaders.add(context);
            }
            loaders.add(DriftdDriver.class.getClassLoader());
            for (ClassLoader loader : loaders) {
                for (Driver d : ServiceLoader.load(Driver.class, loader)) {
                    if (!(d instanceof DriftdDriver) && d.acceptsURL(realUrl)) {
                        return d;
                    }
                }
            }
            throw new SQLException("driftd proxy: no JDBC driver for " + subprotocol(realUrl)
                    + " URLs on the classpath; add the database's driver next to driftd-proxy", "08001");
        }
    }

    /** jdbc:postgresql: -- never the whole URL, which may carry a password. */
    private static String subprotocol(String realUrl) {
        int second = realUrl.indexOf(':', 5);
        return second < 0 ? "jdbc:" : realUrl.substring(0, second + 1);
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrls.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        JdbcUrls.Split split = JdbcUrls.split(url);
        List<DriverPropertyInfo> all = new ArrayList<>(Arrays.asList(
                realDriver(split.realUrl).getPropertyInfo(split.realUrl, ProxySettings.forRealDriver(info))));
        all.add(info(ProxySettings.ENDPOINT, "driftd daemon base URL, e.g. http://driftd:9741", null));
        all.add(info(ProxySettings.TOKEN, "bearer token with the report role", null));
        all.add(info(ProxySettings.GUARD, "what to do with DDL lacking /* driftd:allow */",
                new String[]{"off", "warn", "block"}));
        all.add(info(ProxySettings.APPLICATION, "application name carried by DDL events", null));
        all.add(info(ProxySettings.CHECK, "check the endpoint and token once at the first connection (logged)",
                new String[]{"true", "false"}));
        return all.toArray(new DriverPropertyInfo[0]);
    }

    private static DriverPropertyInfo info(String name, String description, String[] choices) {
        DriverPropertyInfo p = new DriverPropertyInfo(name, null);
        p.description = description;
        p.choices = choices;
        return p;
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false; // compliance is the real driver's; the proxy adds none of its own
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.driftd.proxy");
    }
}
