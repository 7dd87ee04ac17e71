package dev.driftd.proxy;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the proxy adds to a statement that is not DDL: the classifier's prefix check, and the
 * whole proxied Statement.execute path around a "driver" that does nothing (so the number is the
 * proxy's cost alone, not a database round trip). In the same package as the proxy to reach its
 * package-private classifier.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProxyOverheadBenchmark {
    static final String SELECT = "SELECT id, name, email FROM customers WHERE id = ?";
    static final String INSERT = "INSERT INTO orders (id, customer_id, total, created_at, note) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET total = excluded.total, note = excluded.note";
    static final String HIBERNATE = "/* load com.example.Customer */ select c1_0.id,c1_0.email,c1_0.name"
            + " from customers c1_0 where c1_0.id=?";
    static final String DDL = "ALTER TABLE orders ADD COLUMN discount numeric(10,2) DEFAULT 0 NOT NULL";
    static final String MULTI = "SET LOCAL statement_timeout = 5000; SELECT count(*) FROM orders";

    private Statement direct;
    private Statement proxied;
    private Statement proxiedGuardOff;
    private ResultSet directRows;
    private ResultSet proxiedRows;

    /** A driver statement that does nothing, so the benchmark measures the proxy alone. */
    private static Connection noOpConnection() {
        // a result set with endless rows of one column "x": the per-row path, without a database
        ResultSet noOpResultSet = (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(),
                new Class<?>[]{ResultSet.class}, (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.TRUE
                        : m.getReturnType() == String.class ? "x" : m.getReturnType() == int.class ? 0 : null);
        Statement noOpStatement = (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(),
                new Class<?>[]{Statement.class}, (p, m, a) -> m.getReturnType() == boolean.class ? Boolean.FALSE
                        : m.getReturnType() == int.class ? 0
                        : m.getReturnType() == ResultSet.class ? noOpResultSet : null);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (p, m, a) -> "createStatement".equals(m.getName()) ? noOpStatement
                        : m.getReturnType() == boolean.class ? Boolean.TRUE : null);
    }

    @Setup
    public void setUp() throws SQLException {
        Connection raw = noOpConnection();
        direct = raw.createStatement();
        // guard warn, no endpoint: every statement is classified (the most a non-DDL statement pays)
        proxied = ProxyConnection.wrap(raw, "jdbc:postgresql://db:5432/app",
                ProxySettings.resolve(Collections.emptyMap(), new Properties(), k -> null, k -> null)).createStatement();
        Properties off = new Properties();
        off.setProperty("driftd.guard", "off");
        proxiedGuardOff = ProxyConnection.wrap(raw, "jdbc:postgresql://db:5432/app",
                ProxySettings.resolve(Collections.emptyMap(), off, k -> null, k -> null)).createStatement();
        directRows = direct.executeQuery(SELECT);
        proxiedRows = proxied.executeQuery(SELECT); // wrapped, so getStatement() leads back to the proxy
    }

    @Benchmark
    public Object classifySelect() {
        return SqlClassifier.classify(SELECT, SqlFlavor.POSTGRES);
    }

    @Benchmark
    public Object classifyInsertUpsert() {
        return SqlClassifier.classify(INSERT, SqlFlavor.POSTGRES);
    }

    @Benchmark
    public Object classifyCommentedHibernateQuery() {
        return SqlClassifier.classify(HIBERNATE, SqlFlavor.POSTGRES);
    }

    @Benchmark
    public Object classifyMultiStatementNoDdl() {
        return SqlClassifier.classify(MULTI, SqlFlavor.POSTGRES);
    }

    @Benchmark
    public Object classifyDdl() {
        return SqlClassifier.classify(DDL, SqlFlavor.POSTGRES);
    }

    @Benchmark
    public boolean executeDirect() throws SQLException {
        return direct.execute(SELECT);
    }

    @Benchmark
    public boolean executeThroughProxy() throws SQLException {
        return proxied.execute(SELECT);
    }

    @Benchmark
    public boolean executeThroughProxyGuardOffNoEndpoint() throws SQLException {
        return proxiedGuardOff.execute(SELECT);
    }

    /** One row read: next() and one getString(), on the driver's result set. */
    @Benchmark
    public String readRowDirect() throws SQLException {
        directRows.next();
        return directRows.getString(1);
    }

    /** The same through the proxy's result set wrapper (two more reflective dispatches per row). */
    @Benchmark
    public String readRowThroughProxy() throws SQLException {
        proxiedRows.next();
        return proxiedRows.getString(1);
    }
}
