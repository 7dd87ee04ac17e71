package dev.driftd.proxy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;

/** Forwarding helpers shared by the proxy handlers. */
final class Invocations {
    private Invocations() {
    }

    /** Calls the real object and rethrows what it threw, unwrapped, so callers see the driver's exception. */
    static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * The java.sql.Wrapper and java.lang.Object methods every proxy answers the same way; returns
     * NOT_HANDLED for everything else. unwrap to an interface the proxy implements returns the
     * proxy (so unwrapping to Connection or Statement cannot slip past the guard); anything else
     * (PGConnection, a vendor statement) comes from the real object.
     */
    static Object wrapperOrObjectMethod(Object proxy, Object target, Method method, Object[] args) throws SQLException {
        switch (method.getName()) {
            case "unwrap":
                if (args != null && args.length == 1 && args[0] instanceof Class) {
                    Class<?> iface = (Class<?>) args[0];
                    if (iface.isInstance(proxy)) {
                        return proxy;
                    }
                    return ((java.sql.Wrapper) target).unwrap(iface);
                }
                return NOT_HANDLED;
            case "isWrapperFor":
                if (args != null && args.length == 1 && args[0] instanceof Class) {
                    Class<?> iface = (Class<?>) args[0];
                    return iface.isInstance(proxy) || ((java.sql.Wrapper) target).isWrapperFor(iface);
                }
                return NOT_HANDLED;
            case "equals":
                if (args != null && args.length == 1 && method.getParameterTypes()[0] == Object.class) {
                    return proxy == args[0];
                }
                return NOT_HANDLED;
            case "hashCode":
                if (args == null || args.length == 0) {
                    return System.identityHashCode(proxy);
                }
                return NOT_HANDLED;
            case "toString":
                if (args == null || args.length == 0) {
                    return "driftd-proxy[" + target + "]";
                }
                return NOT_HANDLED;
            default:
                return NOT_HANDLED;
        }
    }

    static final Object NOT_HANDLED = new Object();

    @SuppressWarnings("unchecked")
    static <T> T newProxy(Class<T> iface, java.lang.reflect.InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(Invocations.class.getClassLoader(), new Class<?>[]{iface}, handler);
    }
}
