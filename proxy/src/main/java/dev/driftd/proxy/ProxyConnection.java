package dev.driftd.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy around one real connection: hands out wrapped statements, applies the guard before
 * DDL reaches the database, and turns DDL that succeeded into events. In a PostgreSQL
 * transaction (auto-commit off) DDL is transactional, so its events wait for commit and are
 * discarded on rollback; MySQL and MariaDB commit DDL implicitly, so theirs go at once.
 */
final class ProxyConnection implements InvocationHandler {
    private static final System.Logger LOG = System.getLogger("dev.driftd.proxy");

    private final Connection raw;
    private final ProxySettings settings;
    private final SqlFlavor flavor;
    private final JdbcUrls.ServerAddress server;
    /** Null when no endpoint is configured: the guard still works, nothing is reported. */
    private final EventReporter reporter;
    /** False when there is nothing to do with DDL (no guard, no endpoint): statements skip even the prefix check. */
    private final boolean inspecting;
    private final Connection proxy;

    private String user;
    private boolean userRead;
    /** Read at the first DDL statement; null until then. */
    private List<String> serverIdentities;
    private final List<ProxyEvent> pending = new ArrayList<>();

    private ProxyConnection(Connection raw, String realUrl, ProxySettings settings) {
        this.raw = raw;
        this.settings = settings;
        this.flavor = SqlFlavor.ofUrl(realUrl);
        this.server = JdbcUrls.server(realUrl, flavor);
        this.reporter = settings.endpoint == null ? null : Reporters.forSettings(settings);
        this.inspecting = reporter != null || settings.guard != Guard.OFF;
        this.proxy = Invocations.newProxy(Connection.class, this);
    }

    static Connection wrap(Connection raw, String realUrl, ProxySettings settings) {
        return new ProxyConnection(raw, realUrl, settings).proxy;
    }

    Connection proxy() {
        return proxy;
    }

    @Override
    public Object invoke(Object p, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "createStatement":
                return StatementHandler.wrap(this, (Statement) Invocations.forward(raw, method, args),
                        Statement.class, null);
            case "prepareStatement": {
                Classification c = inspect((String) args[0]);
                return StatementHandler.wrap(this, (Statement) Invocations.forward(raw, method, args),
                        PreparedStatement.class, c);
            }
            case "prepareCall": {
                Classification c = inspect((String) args[0]);
                return StatementHandler.wrap(this, (Statement) Invocations.forward(raw, method, args),
                        CallableStatement.class, c);
            }
            case "getMetaData":
                return MetaDataHandler.wrap(proxy, (DatabaseMetaData) Invocations.forward(raw, method, args));
            case "commit": {
                Object r = Invocations.forward(raw, method, args);
                releasePending();
                return r;
            }
            case "rollback": {
                Object r = Invocations.forward(raw, method, args);
                if (args == null || args.length == 0) {
                    discardPending(); // a savepoint rollback keeps them: we cannot tell which it undid
                }
                return r;
            }
            case "setAutoCommit": {
                boolean wasAuto = raw.getAutoCommit();
                Object r = Invocations.forward(raw, method, args);
                if (!wasAuto && (Boolean) args[0]) {
                    releasePending(); // switching auto-commit on commits the open transaction
                }
                return r;
            }
            case "close":
                try {
                    return Invocations.forward(raw, method, args);
                } finally {
                    discardPending(); // closing with a transaction open rolls it back; queued events leave on their own
                }
            case "abort":
                discardPending();
                return Invocations.forward(raw, method, args);
            case "unwrap":
            case "isWrapperFor":
            case "equals":
            case "hashCode":
            case "toString": {
                Object r = Invocations.wrapperOrObjectMethod(p, raw, method, args);
                return r != Invocations.NOT_HANDLED ? r : Invocations.forward(raw, method, args);
            }
            default:
                return Invocations.forward(raw, method, args);
        }
    }

    /**
     * Classifies SQL about to run and applies the guard. Runs on every statement, so the common
     * case is the classifier's prefix check; with neither guard nor endpoint it does nothing.
     */
    Classification inspect(String sql) throws SQLException {
        if (!inspecting) {
            return Classification.NOT_DDL;
        }
        Classification c = SqlClassifier.classify(sql, flavor);
        if (c.isDdl() && settings.guard == Guard.BLOCK && !c.allowMarker()) {
            DriftdProxy.REFUSED.incrementAndGet();
            throw new SQLException("driftd guard refused DDL (driftd.guard=block): "
                    + abbreviate(c.ddl().get(0).text())
                    + " -- to run it, add the comment /* driftd:allow */ to the statement,"
                    + " or use a connection with driftd.guard=warn or off", "42501");
        }
        return c;
    }

    /** Called after SQL classified by {@link #inspect} ran without an exception. Never throws. */
    void succeeded(Classification c) {
        if (!c.isDdl()) {
            return;
        }
        try {
            record(c.ddl(), c.allowMarker());
        } catch (RuntimeException e) {
            // reporting must never fail the application's statement
            LOG.log(System.Logger.Level.DEBUG, "driftd: could not record a DDL event", e);
        }
    }

    /** The DDL statements of a batch (or part of one) that ran. */
    void succeeded(List<Classification> entries) {
        for (Classification c : entries) {
            succeeded(c);
        }
    }

    private synchronized void record(List<Classification.DdlStatement> ddl, boolean marker) {
        boolean approved = settings.guard == Guard.OFF || marker;
        if (!approved) {
            WarnModeLog.unapprovedDdl(settings.application, ddl.get(0).text());
        }
        if (reporter == null) {
            return;
        }
        String database = currentDatabase();
        String schema = currentSchema();
        String who = user();
        String time = Instant.now().toString();
        boolean hold = holdUntilCommit();
        if (serverIdentities == null) {
            serverIdentities = ServerIdentity.read(raw, flavor);
        }
        for (Classification.DdlStatement s : ddl) {
            ProxyEvent e = new ProxyEvent(s.text(), s.command(), flavor.label(), server.host, server.port,
                    database, schema, who, settings.application, time, approved, settings.guard, serverIdentities);
            if (hold) {
                pending.add(e);
            } else {
                enqueue(e);
            }
        }
    }

    private void enqueue(ProxyEvent e) {
        reporter.offer(e);
    }

    private synchronized void discardPending() {
        pending.clear();
    }

    private synchronized void releasePending() {
        if (pending.isEmpty()) {
            return;
        }
        for (ProxyEvent e : pending) {
            enqueue(e);
        }
        pending.clear();
    }

    private boolean holdUntilCommit() {
        if (flavor != SqlFlavor.POSTGRES) {
            return false;
        }
        try {
            return !raw.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The connection's current database (PostgreSQL: the database; MySQL: the USEd database). */
    private String currentDatabase() {
        if (flavor == SqlFlavor.MYSQL) {
            // Connector/J's getCatalog() misses a USE run as a statement; ask the server (DDL is rare)
            try (Statement s = raw.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
                if (rs.next() && rs.getString(1) != null) {
                    return rs.getString(1);
                }
            } catch (SQLException | RuntimeException e) {
                // e.g. a streaming result set is open on this connection: fall back to the driver's idea
            }
        }
        try {
            String c = raw.getCatalog();
            return c != null && !c.isEmpty() ? c : (server.database.isEmpty() ? null : server.database);
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            return server.database.isEmpty() ? null : server.database;
        }
    }

    private String currentSchema() {
        try {
            return raw.getSchema();
        } catch (SQLException | RuntimeException | AbstractMethodError e) {
            return null;
        }
    }

    /** The database user, read once: MySQL's driver asks the server for it. */
    private String user() {
        if (!userRead) {
            userRead = true;
            try {
                user = raw.getMetaData().getUserName();
            } catch (SQLException | RuntimeException e) {
                user = null;
            }
        }
        return user;
    }

    static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
