package dev.driftd.proxy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
     * NOT_HANDLED for everything else. unwrap to any interface the proxy implements — the JDBC
     * one and every public interface of the driver's object (PGConnection, JdbcConnection, ...) —
     * returns the proxy, so its calls still pass the guard. When the real object is itself a
     * wrapper (a pool's), what it unwraps to is wrapped in turn (see ProxyConnection#guardedView);
     * only unwrap to a concrete class reaches the driver's own object, if the connection allows it.
     */
    static Object wrapperOrObjectMethod(Object proxy, Object target, Method method, Object[] args,
                                        ProxyConnection owner) throws SQLException {
        return wrapperOrObjectMethod(proxy, target, method, args, owner, null);
    }

    /** As above; prepared is the classified SQL of a prepared statement, for a view of the driver's statement. */
    static Object wrapperOrObjectMethod(Object proxy, Object target, Method method, Object[] args,
                                        ProxyConnection owner, Classification prepared) throws SQLException {
        switch (method.getName()) {
            case "unwrap":
                if (args != null && args.length == 1 && args[0] instanceof Class) {
                    Class<?> iface = (Class<?>) args[0];
                    if (iface.isInstance(proxy)) {
                        return proxy;
                    }
                    return owner.guardedView(iface, ((java.sql.Wrapper) target).unwrap(iface), prepared);
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

    /** True for an object this proxy made (so it is not wrapped twice); a pool's or driver's own Proxy is not ours. */
    static boolean isOurs(Object o) {
        if (o == null || !Proxy.isProxyClass(o.getClass())) {
            return false;
        }
        InvocationHandler h = Proxy.getInvocationHandler(o);
        return h instanceof ProxyConnection || h instanceof StatementHandler || h instanceof ResultSetHandler
                || h instanceof MetaDataHandler;
    }

    /**
     * A proxy that implements every public interface of the real object's class (PGConnection,
     * BaseConnection, Connector/J's JdbcConnection, ...), not only the JDBC one: so unwrap and
     * instanceof to a vendor interface find the proxy and its calls still pass the handler.
     * The proxy class's constructor is built once per real class and kept in a ClassValue, so
     * wrapping a result set costs a constructor call, not a proxy class lookup.
     */
    @SuppressWarnings("unchecked")
    static <T> T newProxy(Class<T> iface, Object raw, InvocationHandler handler) {
        Constructor<?> constructor = PROXY_CONSTRUCTORS.get(raw.getClass()).forInterface(iface);
        try {
            return (T) constructor.newInstance(handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("driftd: cannot build a proxy for " + raw.getClass().getName(), e);
        }
    }

    /** Proxy constructors for one real class, by the JDBC interface asked for (usually one). */
    private static final class Constructors {
        private final Class<?> rawClass;
        private final Map<Class<?>, Constructor<?>> byInterface = new ConcurrentHashMap<>();

        Constructors(Class<?> rawClass) {
            this.rawClass = rawClass;
        }

        Constructor<?> forInterface(Class<?> iface) {
            Constructor<?> c = byInterface.get(iface);
            if (c == null) {
                c = byInterface.computeIfAbsent(iface, i -> build(rawClass, i));
            }
            return c;
        }
    }

    private static final ClassValue<Constructors> PROXY_CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructors computeValue(Class<?> type) {
            return new Constructors(type);
        }
    };

    private static Constructor<?> build(Class<?> rawClass, Class<?> iface) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        interfaces.add(iface);
        if (iface == java.sql.Connection.class) {
            interfaces.add(DriftdConnection.class); // what migration tools and their plugins talk to
        }
        if (iface.isAssignableFrom(rawClass)) {
            collectPublicInterfaces(rawClass, interfaces);
        }
        Class<?>[] all = interfaces.toArray(new Class<?>[0]);
        Object sample = null;
        // the proxy's loader usually sees the driver too; in an application server the driver's may be the one that sees both
        for (ClassLoader loader : new ClassLoader[]{Invocations.class.getClassLoader(), rawClass.getClassLoader()}) {
            if (sample == null && loader != null) {
                try {
                    sample = Proxy.newProxyInstance(loader, all, (p, m, a) -> null);
                } catch (IllegalArgumentException e) {
                    // an interface this loader cannot see: try the next one
                }
            }
        }
        if (sample == null) {
            sample = Proxy.newProxyInstance(Invocations.class.getClassLoader(), new Class<?>[]{iface}, (p, m, a) -> null);
        }
        try {
            return sample.getClass().getConstructor(InvocationHandler.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Interfaces a proxy may implement: public, and reachable (not nested in a non-public class). */
    private static void collectPublicInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (accessible(i) && into.add(i)) {
                    collectPublicInterfaces(i, into);
                }
            }
        }
    }

    private static boolean accessible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return c.getModule().isExported(c.getPackageName());
    }
}
