package dev.driftd.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.SchemaObject;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One differing object. {@code before} is the target's object (null when missing there),
 * {@code after} golden's (null when extra). {@code drift} is false only for differences that are
 * reported but are not schema (PostgreSQL column order).
 */
public record Change(@JsonIgnore ObjectKey key, ChangeType type, Severity severity, boolean drift,
                     List<FieldChange> fields, SchemaObject before, SchemaObject after) {
    public Change {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    @JsonProperty("kind")
    public ObjectKind kind() {
        return key.kind();
    }

    @JsonProperty("object")
    public String object() {
        return key.display().substring(key.kind().label().length() + 1);
    }

    public boolean changes(String field) {
        return fields.stream().anyMatch(f -> f.field().equals(field));
    }

    /** One line for people: {@code changed column public.t.a (breaking): type: "int" -> "bigint"}. */
    public String describe() {
        String what = switch (type) {
            case MISSING -> "missing";
            case EXTRA -> "extra";
            case CHANGED -> "changed";
        };
        String line = what + " " + key.display() + " (" + severity.label() + (drift ? "" : ", not drift") + ")";
        if (!fields.isEmpty()) {
            line += ": " + fields.stream().map(FieldChange::toString).collect(Collectors.joining("; "));
        }
        return line;
    }
}
