package dev.driftd.schema;

/** A named check expression, as a domain carries them. */
public record NamedCheck(String name, String expression) {
}
