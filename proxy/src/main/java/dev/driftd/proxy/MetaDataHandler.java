package dev.driftd.proxy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

/** DatabaseMetaData whose getConnection() leads back to the proxy, not around it. */
final class MetaDataHandler implements InvocationHandler {
    private final Connection connection;
    private final DatabaseMetaData raw;

    private MetaDataHandler(Connection connection, DatabaseMetaData raw) {
        this.connection = connection;
        this.raw = raw;
    }

    static DatabaseMetaData wrap(Connection connection, DatabaseMetaData raw) {
        return raw == null ? null : Invocations.newProxy(DatabaseMetaData.class, new MetaDataHandler(connection, raw));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                if (args == null || args.length == 0) {
                    return connection;
                }
                break;
            case "unwrap":
            case "isWrapperFor":
            case "equals":
            case "hashCode":
            case "toString": {
                Object r = Invocations.wrapperOrObjectMethod(proxy, raw, method, args);
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
}
