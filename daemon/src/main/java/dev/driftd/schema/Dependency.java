package dev.driftd.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * One edge of the server's own dependency graph between two top-level objects of a snapshot:
 * {@code object} needs {@code dependsOn} to exist (a function returning a table's rows, a view
 * over a function, a domain whose check calls a function). Read from the catalogs at inspect
 * time, so planners order creates and drops by what the server knows rather than by names found
 * in SQL text. A derived fact: it is not part of any fingerprint, since two members whose objects
 * are equal have the same edges anyway, and an edge alone must never show as drift.
 */
public record Dependency(ObjectKey object, ObjectKey dependsOn) implements JsonWritable, Comparable<Dependency> {
    @JsonCreator
    public Dependency(@JsonProperty("object") ObjectKey object, @JsonProperty("dependsOn") ObjectKey dependsOn) {
        this.object = Objects.requireNonNull(object, "object");
        this.dependsOn = Objects.requireNonNull(dependsOn, "dependsOn");
    }

    @Override
    public int compareTo(Dependency o) {
        int c = object.compareTo(o.object);
        return c != 0 ? c : dependsOn.compareTo(o.dependsOn);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.object("dependsOn", new KeyFields(dependsOn)).object("object", new KeyFields(object));
    }

    /** An object key's fields, in the alphabetical order of the record's components. */
    private record KeyFields(ObjectKey key) implements JsonWritable {
        @Override
        public void writeFields(JsonFields f) {
            f.enumName("kind", key.kind()).string("name", key.name()).string("schema", key.schema())
                    .string("table", key.table());
        }
    }
}
