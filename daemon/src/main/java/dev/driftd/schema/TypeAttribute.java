package dev.driftd.schema;

/** One attribute of a composite type. */
public record TypeAttribute(String name, String type, String collation) {
}
