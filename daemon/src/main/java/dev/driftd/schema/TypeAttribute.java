package dev.driftd.schema;

/** One attribute of a composite type. */
public record TypeAttribute(String name, String type, String collation) implements JsonWritable {

    @Override
    public void writeFields(JsonFields f) {
        f.string("collation", collation).string("name", name).string("type", type);
    }
}
