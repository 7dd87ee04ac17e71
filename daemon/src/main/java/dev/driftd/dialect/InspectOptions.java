package dev.driftd.dialect;

import java.time.Duration;

/**
 * How a snapshot is taken: {@code timeout} bounds connecting, each catalog query and each lock
 * wait, so a snapshot never queues application DDL behind it for longer.
 */
public record InspectOptions(Duration timeout) {
    public static final InspectOptions DEFAULT = new InspectOptions(Duration.ofSeconds(30));

    public InspectOptions {
        timeout = timeout == null ? DEFAULT.timeout() : timeout;
    }
}
