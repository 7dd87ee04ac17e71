package dev.driftd.schema;

/** A model value that writes its own JSON fields (see {@link JsonFields}). */
public interface JsonWritable {
    /** Every non-null field; a record's in alphabetical order of the field names, the canonical order. */
    void writeFields(JsonFields fields);
}
