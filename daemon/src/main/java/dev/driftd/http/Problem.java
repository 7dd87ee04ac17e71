package dev.driftd.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem answer ({@code application/problem+json}). {@code type} names the kind of
 * problem ({@code urn:driftd:problem:no-snapshot}), {@code title} says it in words and is the same
 * for every problem of that type, {@code detail} is about this occurrence, {@code instance} is the
 * request path (absent when the request had none worth echoing, e.g. one that was not HTTP).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String instance) {
    static final String TYPE_PREFIX = "urn:driftd:problem:";

    static Problem of(ApiError e, String instance) {
        return new Problem(TYPE_PREFIX + e.title().replace(' ', '-'), e.title(), e.status(),
                e.detail() == null ? "" : dev.driftd.logging.Redactor.redact(e.detail()), instance);
    }
}
