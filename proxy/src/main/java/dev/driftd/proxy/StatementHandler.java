package dev.driftd.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.BatchUpdateException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy around a Statement, PreparedStatement or CallableStatement. SQL given to execute*
 * and addBatch is inspected before it runs; a prepared statement's SQL was inspected when it was
 * prepared. Whatever ran without an exception is reported; everything is forwarded unchanged.
 */
final class StatementHandler implements InvocationHandler {
    private final ProxyConnection connection;
    private final Statement raw;
    /** The classified SQL of a prepared or callable statement; null for a plain Statement. */
    private final Classification prepared;

    /** Entries added since the last executeBatch/clearBatch, and which of them are DDL. */
    private int batchSize;
    private List<Integer> ddlBatchIndexes;
    private List<Classification> ddlBatchEntries;

    private StatementHandler(ProxyConnection connection, Statement raw, Classification prepared) {
        this.connection = connection;
        this.raw = raw;
        this.prepared = prepared;
    }

    static <T extends Statement> T wrap(ProxyConnection connection, Statement raw, Class<T> iface,
                                        Classification prepared) {
        if (raw == null) {
            return null;
        }
        return Invocations.newProxy(iface, raw, new StatementHandler(connection, raw, prepared));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "execute":
            case "executeQuery":
            case "executeUpdate":
            case "executeLargeUpdate":
                return execute(proxy, method, args);
            case "addBatch": {
                Classification c = args != null && args.length == 1 && args[0] instanceof String
                        ? connection.inspect((String) args[0])
                        : prepared;
                if (c != null && c.sessionOnly()) {
                    return null; // the approval is taken; a comment alone is not sent
                }
                Object r = Invocations.forward(raw, method, args);
                addToBatch(c);
                return r;
            }
            case "clearBatch": {
                Object r = Invocations.forward(raw, method, args);
                resetBatch();
                return r;
            }
            case "executeBatch":
            case "executeLargeBatch":
                return executeBatch(method, args);
            case "getConnection":
                if (args == null || args.length == 0) {
                    return connection.proxy();
                }
                break;
            case "getResultSet":
            case "getGeneratedKeys":
                return ResultSetHandler.wrap(connection, (ResultSet) Invocations.forward(raw, method, args),
                        (Statement) proxy);
            case "unwrap":
            case "isWrapperFor":
            case "equals":
            case "hashCode":
            case "toString": {
                Object r = Invocations.wrapperOrObjectMethod(proxy, raw, method, args, connection, prepared);
                if (r != Invocations.NOT_HANDLED) {
                    return r;
                }
                break;
            }
            default:
                if (name.startsWith("execute")) {
                    // vendor entry points reached through their interfaces, e.g. pgjdbc's executeWithFlags(sql, flags)
                    return execute(proxy, method, args);
                }
                break;
        }
        Object r = Invocations.forward(raw, method, args);
        // decided by the declared type, not instanceof: a failing instanceof against an interface costs
        // more than the rest of the call (it scans the object's supertypes); getObject may return a refcursor
        Class<?> type = method.getReturnType();
        if (type == ResultSet.class || type == Object.class && r instanceof ResultSet) {
            return Invocations.isOurs(r) ? r : ResultSetHandler.wrap(connection, (ResultSet) r, (Statement) proxy);
        }
        return r;
    }

    private Object execute(Object proxy, Method method, Object[] args) throws Throwable {
        Classification c = args != null && args.length > 0 && args[0] instanceof String
                ? connection.inspect((String) args[0])
                : prepared;
        if (c != null && c.sessionOnly()) {
            return noResult(method.getReturnType()); // the approval is taken; a comment alone is not sent
        }
        Object r = Invocations.forward(raw, method, args);
        if (c != null) {
            connection.succeeded(c);
        }
        return method.getReturnType() == ResultSet.class // executeQuery; see invoke on why not instanceof
                ? ResultSetHandler.wrap(connection, (ResultSet) r, (Statement) proxy) : r;
    }

    /** What execute* answers for a statement that is nothing but the session marker: no result, no rows. */
    private static Object noResult(Class<?> type) throws java.sql.SQLException {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        }
        throw new java.sql.SQLException("driftd: a statement holding only the /* driftd:allow-session */ comment"
                + " returns no result set; run it with execute() or executeUpdate()", "42000");
    }

    /** Only DDL entries are remembered, so a large DML batch costs a counter, not a list. */
    private void addToBatch(Classification c) {
        int index = batchSize++;
        if (c != null && c.isDdl()) {
            if (ddlBatchIndexes == null) {
                ddlBatchIndexes = new ArrayList<>();
                ddlBatchEntries = new ArrayList<>();
            }
            ddlBatchIndexes.add(index);
            ddlBatchEntries.add(c);
        }
    }

    private void resetBatch() {
        batchSize = 0;
        ddlBatchIndexes = null;
        ddlBatchEntries = null;
    }

    private Object executeBatch(Method method, Object[] args) throws Throwable {
        List<Integer> indexes = ddlBatchIndexes;
        List<Classification> entries = ddlBatchEntries;
        resetBatch(); // JDBC empties the batch whether it succeeds or not
        try {
            Object r = Invocations.forward(raw, method, args);
            if (entries != null) {
                connection.succeeded(entries);
            }
            return r;
        } catch (BatchUpdateException e) {
            if (entries != null) {
                connection.succeeded(ranBeforeFailure(e, indexes, entries));
            }
            throw e;
        }
    }

    /** The DDL entries the driver says ran: those within the update counts and not EXECUTE_FAILED. */
    private static List<Classification> ranBeforeFailure(BatchUpdateException e, List<Integer> indexes,
                                                         List<Classification> entries) {
        long[] counts = e.getLargeUpdateCounts();
        if (counts == null) {
            int[] small = e.getUpdateCounts();
            counts = new long[small == null ? 0 : small.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = small[i];
            }
        }
        List<Classification> ran = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            int index = indexes.get(k);
            if (index < counts.length && counts[index] != Statement.EXECUTE_FAILED) {
                ran.add(entries.get(k));
            }
        }
        return ran;
    }
}
