package dev.driftd.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;

/**
 * DatabaseMetaData whose getConnection() leads back to the proxy, not around it; the result sets
 * it returns are wrapped too, since their getStatement() would otherwise hand out a driver statement.
 */
final class MetaDataHandler implements InvocationHandler {
    private final ProxyConnection connection;
    private final DatabaseMetaData raw;

    private MetaDataHandler(ProxyConnection connection, DatabaseMetaData raw) {
        this.connection = connection;
        this.raw = raw;
    }

    static DatabaseMetaData wrap(ProxyConnection connection, DatabaseMetaData raw) {
        return raw == null ? null
                : Invocations.newProxy(DatabaseMetaData.class, raw, new MetaDataHandler(connection, raw));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                if (args == null || args.length == 0) {
                    return connection.proxy();
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
        Object r = Invocations.forward(raw, method, args);
        // by declared type: a failing instanceof against an interface is the costly part of a call
        return method.getReturnType() == ResultSet.class ? ResultSetHandler.wrap(connection, (ResultSet) r, null) : r;
    }
}
