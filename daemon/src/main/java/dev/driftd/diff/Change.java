package dev.driftd.diff;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.SchemaObject;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One differing object. {@code before} is the target's object (null when missing there),
 * {@code after} golden's (null when extra). {@code drift} is false only for differences that are
 * reported but are not schema (PostgreSQL column order) and for {@code versionDependent} ones: golden
 * and the target run different server versions, the objects differ only in text each server printed
 * for itself, and neither server could settle whether they are the same object (see docs/postgres.md,
 * cross-version fleets). Such a change is shown, never counted as drift and never planned.
 */
public record Change(@JsonIgnore ObjectKey key, ChangeType type, Severity severity, boolean drift,
                     List<FieldChange> fields, SchemaObject before, SchemaObject after,
                     @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean versionDependent) {
    public Change {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public Change(ObjectKey key, ChangeType type, Severity severity, boolean drift, List<FieldChange> fields,
                  SchemaObject before, SchemaObject after) {
        this(key, type, severity, drift, fields, before, after, false);
    }

    /** This change as one that cannot be decided across server versions: shown, not drift. */
    public Change asVersionDependent() {
        return new Change(key, type, severity, false, fields, before, after, true);
    }

    @JsonProperty("kind")
    public ObjectKind kind() {
        return key.kind();
    }

    @JsonProperty("object")
    public String object() {
        return key.display().substring(key.kind().label().length() + 1);
    }

    /**
     * Whether this change reports {@code field}. Asking about a field the changed object's record does not
     * have is a planner bug (the answer would always be no), so it fails under assertions (every test run).
     */
    public boolean changes(ModelField field) {
        assert field == ModelField.COMMENT || field.belongsTo(after != null ? after : before)
                : field + " is not a field of " + key.display();
        return fields.stream().anyMatch(field::in);
    }

    /** Whether every field this change reports is one of {@code allowed}. */
    public boolean changesOnly(ModelField... allowed) {
        return fields.stream().allMatch(f -> java.util.Arrays.stream(allowed).anyMatch(a -> a.in(f)));
    }

    /** One line for people: {@code changed column public.t.a (breaking): type: "int" -> "bigint"}. */
    public String describe() {
        String what = switch (type) {
            case MISSING -> "missing";
            case EXTRA -> "extra";
            case CHANGED -> "changed";
        };
        String line = what + " " + key.display() + " (" + severity.label()
                + (versionDependent ? ", version_dependent: not drift" : drift ? "" : ", not drift") + ")";
        if (!fields.isEmpty()) {
            line += ": " + fields.stream().map(FieldChange::toString).collect(Collectors.joining("; "));
        }
        return line;
    }
}
