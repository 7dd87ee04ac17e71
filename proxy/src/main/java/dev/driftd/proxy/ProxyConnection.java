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

    /** The real URL, for connections a vendor method hands out (Connector/J's getActiveMySQLConnection). */
    private final String realUrl;
    /**
     * The connection-level approval a migration tool set (the session marker, client info
     * driftd.approve or the URL setting): null when none; otherwise its label, "" when unnamed.
     */
    private volatile String sessionApproval;
    /** The migration the tool says it is running (client info driftd.migration), for attribution. */
    private volatile String migration;
    /** DDL that ran and is committed on this connection, newest last (at most COMMITTED_KEPT), and their count. */
    private final java.util.ArrayDeque<String> committedDdl = new java.util.ArrayDeque<>();
    private int committedDdlCount;
    private static final int COMMITTED_KEPT = 3;
    /** Classes the application unwrapped to past the proxy (warn/off), logged once each. */
    private static final java.util.Set<String> ESCAPES_LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private String user;
    private boolean userRead;
    /** Read at the first DDL statement; null until then. */
    private List<String> serverIdentities;
    private final List<ProxyEvent> pending = new ArrayList<>();
    /** DDL text run in the open PostgreSQL transaction: committed, for the refusal message, at commit. */
    private final List<String> pendingDdl = new ArrayList<>();

    /**
     * The connection whose guard, approval and pending events this one uses: itself, or for a
     * vendor view (the driver's connection reached by unwrap through a pool's wrapper) the proxy
     * connection it was unwrapped from, so commit and rollback through either release or drop
     * the same events.
     */
    private final ProxyConnection owner;

    private ProxyConnection(Connection raw, String realUrl, ProxySettings settings) {
        this.owner = this;
        this.raw = raw;
        this.realUrl = realUrl;
        this.settings = settings;
        this.sessionApproval = settings.approve;
        this.flavor = SqlFlavor.ofUrl(realUrl);
        this.server = JdbcUrls.server(realUrl, flavor);
        this.reporter = settings.endpoint == null ? null : Reporters.forSettings(settings);
        this.inspecting = reporter != null || settings.guard != Guard.OFF;
        this.proxy = Invocations.newProxy(Connection.class, raw, this);
    }

    /** A view over another physical-connection object of the same session, sharing the owner's state. */
    private ProxyConnection(Connection raw, ProxyConnection owner) {
        this.owner = owner;
        this.raw = raw;
        this.realUrl = owner.realUrl;
        this.settings = owner.settings;
        this.flavor = owner.flavor;
        this.server = owner.server;
        this.reporter = owner.reporter;
        this.inspecting = owner.inspecting;
        this.proxy = Invocations.newProxy(Connection.class, raw, this);
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
                return MetaDataHandler.wrap(this, (DatabaseMetaData) Invocations.forward(raw, method, args));
            case "approveSession":
                if (method.getDeclaringClass() == DriftdConnection.class) {
                    owner.sessionApproval = args[0] == null ? "" : ((String) args[0]).trim();
                    return null;
                }
                break;
            case "endSession":
                if (method.getDeclaringClass() == DriftdConnection.class) {
                    owner.sessionApproval = null;
                    owner.migration = null;
                    return null;
                }
                break;
            case "setMigration":
                if (method.getDeclaringClass() == DriftdConnection.class) {
                    owner.migration = args[0] == null || ((String) args[0]).isBlank() ? null : ((String) args[0]).trim();
                    return null;
                }
                break;
            case "setClientInfo":
                if (takeClientInfo(args)) {
                    return null;
                }
                break;
            case "getClientInfo":
                if (args != null && args.length == 1 && args[0] instanceof String) {
                    String name = (String) args[0];
                    if (APPROVE.equals(name)) {
                        return owner.sessionApproval;
                    } else if (MIGRATION.equals(name)) {
                        return owner.migration;
                    }
                }
                break;
            case "commit": {
                Object r = Invocations.forward(raw, method, args);
                owner.releasePending();
                return r;
            }
            case "rollback": {
                Object r = Invocations.forward(raw, method, args);
                if (args == null || args.length == 0) {
                    owner.discardPending(); // a savepoint rollback keeps them: we cannot tell which it undid
                }
                return r;
            }
            case "setAutoCommit": {
                boolean wasAuto = raw.getAutoCommit();
                Object r = Invocations.forward(raw, method, args);
                if (!wasAuto && (Boolean) args[0]) {
                    owner.releasePending(); // switching auto-commit on commits the open transaction
                }
                return r;
            }
            case "close":
                try {
                    return Invocations.forward(raw, method, args);
                } finally {
                    owner.discardPending(); // closing with a transaction open rolls it back; queued events leave on their own
                }
            case "abort":
                owner.discardPending();
                return Invocations.forward(raw, method, args);
            case "unwrap":
            case "isWrapperFor":
            case "equals":
            case "hashCode":
            case "toString": {
                Object r = Invocations.wrapperOrObjectMethod(p, raw, method, args, this);
                if (r != Invocations.NOT_HANDLED) {
                    return r;
                }
                break;
            }
            default:
                return vendorCall(method, args);
        }
        return Invocations.forward(raw, method, args);
    }

    /**
     * Everything else, including methods of vendor interfaces the proxy implements: what hands out
     * a statement, a connection, metadata or runs SQL (Connector/J's clientPrepareStatement and
     * getActiveMySQLConnection, pgjdbc's execSQLUpdate) stays behind the guard.
     */
    private Object vendorCall(Method method, Object[] args) throws Throwable {
        Class<?> type = method.getReturnType();
        String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
        if (sql == null && (type.isPrimitive() || type == String.class)) {
            return Invocations.forward(raw, method, args); // getAutoCommit, isClosed, getSchema, ...: the common case
        }
        if (Statement.class.isAssignableFrom(type)) {
            Classification c = sql == null ? null : inspect(sql);
            Statement st = (Statement) Invocations.forward(raw, method, args);
            Class<? extends Statement> iface = st instanceof CallableStatement ? CallableStatement.class
                    : st instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return StatementHandler.wrap(this, st, iface, c);
        }
        if (sql != null && method.getName().startsWith("exec")) {
            Classification c = inspect(sql);
            if (c.sessionOnly()) {
                return null;
            }
            Object r = Invocations.forward(raw, method, args);
            succeeded(c);
            return r instanceof java.sql.ResultSet ? ResultSetHandler.wrap(this, (java.sql.ResultSet) r, null) : r;
        }
        Object r = Invocations.forward(raw, method, args);
        if (r instanceof Connection && !Invocations.isOurs(r)) {
            return r == raw ? proxy : new ProxyConnection((Connection) r, owner).proxy; // same session: same state
        } else if (r instanceof DatabaseMetaData && !Invocations.isOurs(r)) {
            return MetaDataHandler.wrap(this, (DatabaseMetaData) r);
        } else if (r instanceof java.sql.ResultSet && !Invocations.isOurs(r)) {
            return ResultSetHandler.wrap(this, (java.sql.ResultSet) r, null);
        }
        return r;
    }

    static final String APPROVE = "driftd.approve";
    static final String MIGRATION = "driftd.migration";

    /**
     * Client info driftd.approve / driftd.migration is the proxy's, not the driver's: a tool sets
     * it once per connection. Returns true when the call was only about those keys.
     */
    private boolean takeClientInfo(Object[] args) {
        if (args != null && args.length == 2 && args[0] instanceof String) {
            String name = (String) args[0];
            String value = args[1] == null || ((String) args[1]).isBlank() ? null : ((String) args[1]).trim();
            if (APPROVE.equals(name)) {
                owner.sessionApproval = value;
                return true;
            } else if (MIGRATION.equals(name)) {
                owner.migration = value;
                return true;
            }
            return false;
        }
        if (args != null && args.length == 1 && args[0] instanceof java.util.Properties) {
            java.util.Properties props = (java.util.Properties) args[0];
            if (props.containsKey(APPROVE) || props.containsKey(MIGRATION)) {
                takeClientInfo(new Object[]{APPROVE, props.getProperty(APPROVE)});
                takeClientInfo(new Object[]{MIGRATION, props.getProperty(MIGRATION)});
                java.util.Properties rest = new java.util.Properties();
                for (String k : props.stringPropertyNames()) {
                    if (!k.equals(APPROVE) && !k.equals(MIGRATION)) {
                        rest.setProperty(k, props.getProperty(k));
                    }
                }
                args[0] = rest; // the driver gets the others
            }
        }
        return false;
    }

    /**
     * What unwrap returns when the object it reached is not this proxy's (the driver's object behind
     * a pool's wrapper, say): for an interface, a proxy over that object too — a vendor view that
     * implements all its interfaces and stays behind this connection's guard and reporter; for a
     * class, which no proxy can implement, the object itself if {@link #allowEscape} agrees.
     */
    Object guardedView(Class<?> asked, Object unwrapped, Classification prepared) throws SQLException {
        if (unwrapped == null || Invocations.isOurs(unwrapped)) {
            return unwrapped;
        }
        if (asked.isInterface()) {
            Object view = null;
            if (unwrapped instanceof Connection) {
                view = new ProxyConnection((Connection) unwrapped, owner).proxy;
            } else if (unwrapped instanceof CallableStatement) {
                view = StatementHandler.wrap(owner, (Statement) unwrapped, CallableStatement.class, prepared);
            } else if (unwrapped instanceof PreparedStatement) {
                view = StatementHandler.wrap(owner, (Statement) unwrapped, PreparedStatement.class, prepared);
            } else if (unwrapped instanceof Statement) {
                view = StatementHandler.wrap(owner, (Statement) unwrapped, Statement.class, prepared);
            } else if (unwrapped instanceof java.sql.ResultSet) {
                view = ResultSetHandler.wrap(owner, (java.sql.ResultSet) unwrapped, null);
            } else if (unwrapped instanceof DatabaseMetaData) {
                view = MetaDataHandler.wrap(owner, (DatabaseMetaData) unwrapped);
            }
            if (view != null && asked.isInstance(view)) {
                return view;
            }
        }
        allowEscape(asked, unwrapped);
        return unwrapped;
    }

    /**
     * unwrap to a concrete driver class hands out the driver's own object, which no proxy can
     * stand in for. Under block that would be a way past the guard, so it is refused; otherwise
     * it is allowed and logged once per class (DDL through it is neither guarded nor reported).
     */
    private void allowEscape(Class<?> asked, Object unwrapped) throws SQLException {
        if (!inspecting || unwrapped == null || Invocations.isOurs(unwrapped)) {
            return;
        }
        if (settings.guard == Guard.BLOCK) {
            DriftdProxy.REFUSED.incrementAndGet();
            throw new SQLException("driftd guard refused unwrap(" + asked.getName() + ") (driftd.guard=block): it would"
                    + " hand out the driver's own object, past the guard; unwrap to an interface it implements"
                    + " instead (e.g. " + vendorInterfaceHint(unwrapped) + ")", "42501");
        }
        if (ESCAPES_LOGGED.add(asked.getName())) {
            LOG.log(System.Logger.Level.WARNING, "driftd: unwrap({0}) returns the driver''s own object: DDL run through it"
                    + " is not reported; unwrap to an interface (e.g. {1}) to stay behind the proxy",
                    asked.getName(), vendorInterfaceHint(unwrapped));
        }
    }

    private static String vendorInterfaceHint(Object o) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (!i.getName().startsWith("java.")) {
                    return i.getName();
                }
            }
        }
        return "java.sql.Connection";
    }

    /**
     * Classifies SQL about to run and applies the guard. Runs on every statement, so the common
     * case is the classifier's prefix check; with neither guard nor endpoint it does nothing.
     */
    Classification inspect(String sql) throws SQLException {
        if (owner != this) {
            return owner.inspect(sql);
        }
        MigrationTools.SessionMarker session = MigrationTools.sessionMarker(sql);
        if (session != null) {
            sessionApproval = session.end ? null : session.label;
            if (session.onlyComments) {
                return Classification.SESSION_ONLY;
            }
        }
        if (!inspecting) {
            return Classification.NOT_DDL;
        }
        Classification c = SqlClassifier.classify(sql, flavor);
        if (c.isDdl() && settings.guard == Guard.BLOCK && !approved(c)) {
            DriftdProxy.REFUSED.incrementAndGet();
            throw new SQLException("driftd guard refused DDL (driftd.guard=block): "
                    + abbreviate(c.ddl().get(0).text())
                    + " -- to run it, add the comment /* driftd:allow */ to the statement, approve the"
                    + " connection with /* driftd:allow-session */, or use a connection with driftd.guard=warn or off"
                    + alreadyCommitted(), "42501");
        }
        return c;
    }

    /** Approved: the statement's marker, the connection's session approval, or a migration tool's own table. */
    private boolean approved(Classification c) {
        return c.allowMarker() || sessionApproval != null || MigrationTools.onlyHistoryTables(c);
    }

    /**
     * MySQL and MariaDB commit each DDL statement at once (PostgreSQL with auto-commit on too), so
     * a refusal in the middle of a migration leaves the statements before it in place: say which.
     */
    private synchronized String alreadyCommitted() {
        if (committedDdlCount == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("; NOTE: this connection already ran and committed ")
                .append(committedDdlCount).append(committedDdlCount == 1 ? " DDL statement" : " DDL statements")
                .append(" (a migration may be half-applied)")
                .append(committedDdlCount > committedDdl.size() ? ", the last " + committedDdl.size() + ": " : ": ");
        boolean first = true;
        for (String s : committedDdl) {
            b.append(first ? "" : " | ").append(s);
            first = false;
        }
        return b.toString();
    }

    private synchronized void committed(String ddlText) {
        committedDdlCount++;
        committedDdl.addLast(abbreviate(ddlText, 120));
        if (committedDdl.size() > COMMITTED_KEPT) {
            committedDdl.removeFirst();
        }
    }

    /** Called after SQL classified by {@link #inspect} ran without an exception. Never throws. */
    void succeeded(Classification c) {
        if (owner != this) {
            owner.succeeded(c);
            return;
        }
        if (!c.isDdl()) {
            return;
        }
        try {
            record(c);
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

    private synchronized void record(Classification c) {
        List<Classification.DdlStatement> ddl = c.ddl();
        boolean hold = holdUntilCommit();
        for (Classification.DdlStatement s : ddl) {
            if (MigrationTools.isHistoryTableDdl(s.text())) {
                continue; // the tool's bookkeeping, not part of the migration a refusal would cut in two
            }
            if (hold) {
                pendingDdl.add(s.text());
            } else {
                committed(s.text());
            }
        }
        boolean approved = settings.guard == Guard.OFF || approved(c);
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
        if (serverIdentities == null) {
            serverIdentities = ServerIdentity.read(raw, flavor);
        }
        String application = attribution();
        for (Classification.DdlStatement s : ddl) {
            ProxyEvent e = new ProxyEvent(s.text(), s.command(), flavor.label(), server.host, server.port,
                    database, schema, who, application, time, approved, settings.guard, serverIdentities);
            if (hold) {
                pending.add(e);
            } else {
                enqueue(e);
            }
        }
    }

    /**
     * The application, and the migration tool and version when the connection's approval names
     * them: "billing [flyway 2.1]". Events carry it in their application field.
     */
    private String attribution() {
        String tool = sessionApproval;
        String version = migration;
        if ((tool == null || tool.isEmpty()) && version == null) {
            return settings.application;
        }
        String tag = tool == null || tool.isEmpty() ? "migration " + version
                : version == null ? tool : tool + " " + version;
        return settings.application == null ? "[" + tag + "]" : settings.application + " [" + tag + "]";
    }

    private void enqueue(ProxyEvent e) {
        reporter.offer(e);
    }

    private synchronized void discardPending() {
        pending.clear();
        pendingDdl.clear();
    }

    private synchronized void releasePending() {
        for (String s : pendingDdl) {
            committed(s);
        }
        pendingDdl.clear();
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
        return abbreviate(sql, 200);
    }

    static String abbreviate(String sql, int max) {
        String oneLine = sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
