package dev.driftd.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A ResultSet whose getStatement() leads back to the proxied statement (and so to the proxied
 * connection), not to the driver's objects past the guard. Every other call is forwarded as is:
 * this wrapper sits on the per-row path, so it does nothing else.
 */
final class ResultSetHandler implements InvocationHandler {
    private final ProxyConnection connection;
    private final ResultSet raw;
    /** The proxy statement that produced it; null for result sets of metadata or vendor calls. */
    private Statement statement;

    private ResultSetHandler(ProxyConnection connection, ResultSet raw, Statement statement) {
        this.connection = connection;
        this.raw = raw;
        this.statement = statement;
    }

    static ResultSet wrap(ProxyConnection connection, ResultSet raw, Statement statement) {
        if (raw == null) {
            return null;
        }
        return Invocations.newProxy(ResultSet.class, raw, new ResultSetHandler(connection, raw, statement));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getStatement":
                if (args == null || args.length == 0) {
                    return statement();
                }
                break;
            case "unwrap":
            case "isWrapperFor":
            case "equals":
            case "hashCode":
            case "toString": {
                Object r = Invocations.wrapperOrObjectMethod(proxy, raw, method, args, connection);
                if (r != Invocations.NOT_HANDLED) {
                    return r;
                }
                break;
            }
            default:
                break;
        }
        return Invocations.forward(raw, method, args);
    }

    /** The statement that made this result set, wrapped when the driver's own one is all we have. */
    private synchronized Statement statement() throws java.sql.SQLException {
        if (statement == null) {
            Statement rawStatement = raw.getStatement();
            if (rawStatement != null) {
                statement = StatementHandler.wrap(connection, rawStatement, Statement.class, null);
            }
        }
        return statement;
    }
}
