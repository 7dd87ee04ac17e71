package dev.driftd.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The proxy's settings for one connection. Each is looked up in URL parameters, then connection
 * properties, then system properties, then environment variables (DRIFTD_ENDPOINT, ...): the
 * first place that has it wins.
 */
final class ProxySettings {
    static final String ENDPOINT = "driftd.endpoint";
    static final String TOKEN = "driftd.token";
    static final String GUARD = "driftd.guard";
    static final String APPLICATION = "driftd.application";
    static final String CHECK = "driftd.check";
    /** A connection-level approval for migration tools (see ProxyConnection); its value names the tool. */
    static final String APPROVE = "driftd.approve";

    /** Daemon base URL; null when events are not reported (the guard still applies). */
    final URI endpoint;
    final String token;
    final Guard guard;
    final String application;
    /** Whether the first connection to an endpoint checks it and the token once (off the application's thread). */
    final boolean check;
    /** Null unless the connection is approved for DDL as a whole (driftd.approve=flyway); set by resolve only. */
    String approve;

    ProxySettings(URI endpoint, String token, Guard guard, String application) {
        this(endpoint, token, guard, application, true);
    }

    ProxySettings(URI endpoint, String token, Guard guard, String application, boolean check) {
        this.endpoint = endpoint;
        this.token = token;
        this.guard = guard;
        this.application = application;
        this.check = check;
    }

    /** Resolves the four settings; throws IllegalArgumentException with a one-line reason for bad values. */
    static ProxySettings resolve(Map<String, String> urlParams, Properties props,
                                 UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String endpoint = lookup(ENDPOINT, urlParams, props, systemProperties, environment);
        String token = lookup(TOKEN, urlParams, props, systemProperties, environment);
        String guard = lookup(GUARD, urlParams, props, systemProperties, environment);
        String application = lookup(APPLICATION, urlParams, props, systemProperties, environment);
        String check = lookup(CHECK, urlParams, props, systemProperties, environment);
        ProxySettings settings = new ProxySettings(
                endpoint == null ? null : parseEndpoint(endpoint),
                token,
                guard == null ? Guard.WARN : Guard.parse(guard),
                application != null ? application : defaultApplication(systemProperties),
                check == null || parseCheck(check));
        settings.approve = lookup(APPROVE, urlParams, props, s -> null, s -> null); // per connection, never host-wide
        return settings;
    }

    private static boolean parseCheck(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("driftd.check must be true or false, got '" + value + "'");
    }

    static ProxySettings fromEnvironment(Map<String, String> urlParams, Properties props) {
        return resolve(urlParams, props, System::getProperty, System::getenv);
    }

    private static String lookup(String key, Map<String, String> urlParams, Properties props,
                                 UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        String v = blankToNull(urlParams.get(key));
        if (v == null && props != null) {
            v = blankToNull(props.getProperty(key));
        }
        if (v == null) {
            v = blankToNull(systemProperties.apply(key));
        }
        if (v == null) {
            v = blankToNull(environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_')));
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static URI parseEndpoint(String value) {
        String v = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            URI uri = new URI(v);
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "driftd.endpoint must be an http(s) URL like http://driftd:9741, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("driftd.endpoint is not a URL: " + e.getMessage());
        }
    }

    /** The main class or jar from sun.java.command, so events say which program ran the DDL. */
    private static String defaultApplication(UnaryOperator<String> systemProperties) {
        String command = systemProperties.apply("sun.java.command");
        if (command == null || command.isBlank()) {
            return null;
        }
        String first = command.trim().split("\\s+", 2)[0];
        int slash = first.lastIndexOf('/');
        return slash >= 0 ? first.substring(slash + 1) : first;
    }

    /** The connection properties for the real driver: the caller's, minus driftd.* keys. */
    static Properties forRealDriver(Properties props) {
        Properties copy = new Properties();
        if (props != null) {
            for (String name : props.stringPropertyNames()) {
                if (!name.startsWith(JdbcUrls.SETTING_PREFIX)) {
                    copy.setProperty(name, props.getProperty(name));
                }
            }
        }
        return copy;
    }
}
