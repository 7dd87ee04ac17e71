package dev.driftd.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets that can slip into log text even when no code logs them on purpose: a JDBC URL
 * with {@code password=} in a driver's exception message, {@code user:password@host} URLs,
 * {@code Authorization: Bearer} headers echoed by an HTTP error. The last line of defence, applied
 * to every formatted log line; code must still never pass a secret to a logger.
 * Masked values never contain a quote or backslash, so a masked JSON line stays valid JSON.
 */
public final class Redactor {
    static final String MASK = "***";

    // Every pattern has three groups: text kept before the secret, the secret, text kept after it.
    // key=value and key: value for secret-looking keys (URL parameters, properties, config dumps).
    // The value ends at a separator a URL, a property list or a JSON string would use.
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\\b[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|apikey|api_key)\\s*[=:]\\s*)"
                    + "([^\\s&;,\"'\\\\}\\]<>)]+)()");
    // scheme://user:password@host; also scheme:\/\/user:... as logback's JsonEncoder escapes '/'.
    // The password runs to the LAST '@' before the host (an unencoded '@' in a password is common).
    private static final Pattern URL_USERINFO = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.-]*:(?:\\\\?/){2}[^\\s:/@\"'\\\\]+:)([^\\s/\"'\\\\]+)(@)");
    // "Bearer <token>" anywhere, "Authorization: Basic <credentials>" (plain "basic" is a common word).
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)((?:\\bbearer|\\bauthorization\\s*:\\s*basic)\\s+)([A-Za-z0-9._~+/=-]{8,})()");

    private Redactor() {
    }

    /** {@code text} with secret values replaced by {@value #MASK}; the same instance when nothing matched. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = replace(KEY_VALUE, text);
        out = replace(URL_USERINFO, out);
        return replace(AUTH_HEADER, out);
    }

    /** MySQL's "Access denied … (using password: YES)" says whether one was sent, not what it is. */
    private static boolean isFlag(Matcher m, String text) {
        String v = m.group(2);
        return (v.equals("YES") || v.equals("NO")) && m.end(2) < text.length() && text.charAt(m.end(2)) == ')'
                && m.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("password");
    }

    private static String replace(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            if (m.group(2).equals(MASK) || isFlag(m, text)) {
                continue; // already masked (a line redacted twice stays the same), or no secret
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
