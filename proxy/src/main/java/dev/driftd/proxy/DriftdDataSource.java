package dev.driftd.proxy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collections;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource for pools and frameworks that want one. Either configured with a URL (bean
 * setters, as HikariCP's dataSourceClassName does), or wrapped around an existing DataSource with
 * {@link #wrap(DataSource)}, in which case the server is read from each connection's metadata
 * and the driftd settings from {@link #setEndpoint} etc., system properties and the environment.
 */
public final class DriftdDataSource implements DataSource {
    private final DataSource delegate;
    private final Properties properties = new Properties();
    private String url;
    private PrintWriter logWriter;
    private int loginTimeout;

    public DriftdDataSource() {
        this(null);
    }

    private DriftdDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** A proxy DataSource whose connections come from the given one (a pool, a vendor DataSource). */
    public static DriftdDataSource wrap(DataSource delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("DriftdDataSource.wrap needs a DataSource, got null");
        }
        return new DriftdDataSource(delegate);
    }

    /** jdbc:driftd:postgresql://..., or a plain real URL (jdbc:postgresql://...), which is proxied the same. */
    public void setUrl(String url) {
        this.url = url.startsWith(JdbcUrls.PREFIX) ? url : JdbcUrls.PREFIX + url.substring("jdbc:".length());
    }

    public String getUrl() {
        return url;
    }

    /** Same as {@link #setUrl}, under the name some frameworks use. */
    public void setJdbcUrl(String url) {
        setUrl(url);
    }

    public void setUser(String user) {
        properties.setProperty("user", user);
    }

    public void setUsername(String user) {
        setUser(user);
    }

    public void setPassword(String password) {
        properties.setProperty("password", password);
    }

    public void setEndpoint(String endpoint) {
        properties.setProperty(ProxySettings.ENDPOINT, endpoint);
    }

    public void setToken(String token) {
        properties.setProperty(ProxySettings.TOKEN, token);
    }

    public void setGuard(String guard) {
        Guard.parse(guard); // fail at configuration time, with the reason
        properties.setProperty(ProxySettings.GUARD, guard);
    }

    public void setApplication(String application) {
        properties.setProperty(ProxySettings.APPLICATION, application);
    }

    /** driftd.check: whether the first connection to the endpoint checks it and the token once. */
    public void setCheck(boolean check) {
        properties.setProperty(ProxySettings.CHECK, Boolean.toString(check));
    }

    /** Extra connection properties for the real driver (and driftd.* settings). */
    public void setProperties(Properties extra) {
        for (String name : extra.stringPropertyNames()) {
            properties.setProperty(name, extra.getProperty(name));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (delegate != null) {
            return wrapDelegated(username, password);
        }
        if (url == null) {
            throw new SQLException("driftd proxy: DriftdDataSource has no url; call setUrl(\"jdbc:driftd:...\")", "08001");
        }
        Properties props = new Properties();
        props.putAll(properties);
        if (username != null) {
            props.setProperty("user", username);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        return new DriftdDriver().connect(url, props);
    }

    private Connection wrapDelegated(String username, String password) throws SQLException {
        ProxySettings settings;
        try {
            settings = ProxySettings.fromEnvironment(Collections.emptyMap(), properties);
        } catch (IllegalArgumentException e) {
            throw new SQLException("driftd proxy: " + e.getMessage(), "08001", e);
        }
        Connection raw = username == null ? delegate.getConnection() : delegate.getConnection(username, password);
        String realUrl;
        try {
            realUrl = raw.getMetaData().getURL();
        } catch (SQLException | RuntimeException e) {
            realUrl = null;
        }
        return ProxyConnection.wrap(raw, realUrl == null ? "" : realUrl, settings);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate != null ? delegate.getLogWriter() : logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        if (delegate != null) {
            delegate.setLogWriter(out);
        } else {
            logWriter = out;
        }
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        if (delegate != null) {
            delegate.setLoginTimeout(seconds);
        } else {
            loginTimeout = seconds;
            properties.setProperty("loginTimeout", Integer.toString(seconds));
        }
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate != null ? delegate.getLoginTimeout() : loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("dev.driftd.proxy");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        if (delegate != null) {
            return delegate.unwrap(iface);
        }
        throw new SQLException("driftd proxy: DriftdDataSource does not wrap a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || (delegate != null && delegate.isWrapperFor(iface));
    }
}
