package dev.driftd.util;

import java.util.regex.Pattern;

/**
 * Masks the password a database URL may carry, in its user info ({@code //user:pw@host}) or as a
 * parameter ({@code password=}, {@code pwd=}, {@code sslpassword=}), so that a URL can be shown
 * in a message, a log line or an answer. Lives here, beside {@link SqlErrors}, because the
 * configuration, the store and the dialects all show URLs and none of them should need another
 * for it.
 */
public final class UrlRedaction {
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;](password|pwd|sslpassword)=)[^&;]*");
    private static final Pattern USERINFO = Pattern.compile("//([^/@:]+):([^/@]*)@");

    private UrlRedaction() {
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redact(String url) {
        String out = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USERINFO.matcher(out).replaceAll("//$1:***@");
    }
}
