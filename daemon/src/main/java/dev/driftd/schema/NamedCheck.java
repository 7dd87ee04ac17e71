package dev.driftd.schema;

/** A named check expression, as a domain carries them. */
public record NamedCheck(String name, String expression) implements JsonWritable {

    @Override
    public void writeFields(JsonFields f) {
        f.string("expression", expression).string("name", name);
    }
}
