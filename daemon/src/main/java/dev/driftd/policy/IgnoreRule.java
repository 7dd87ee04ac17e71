package dev.driftd.policy;

import dev.driftd.schema.ObjectKey;
import dev.driftd.schema.ObjectKind;
import dev.driftd.schema.Privilege;
import dev.driftd.schema.SchemaObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One ignore rule: objects of {@code kind} whose qualified name matches {@code pattern} are left
 * out of snapshots, or, with a {@code field}, only that field of them is. {@code grantee} narrows a
 * privilege rule to the roles it matches. {@code origin} says where the rule was written
 * ({@code driftd.yaml:42}, {@code --ignore}, {@code preset:flyway at driftd.yaml:40}) for warnings.
 */
public record IgnoreRule(IgnoreKind kind, Glob pattern, String field, Glob grantee, String origin) {

    public IgnoreRule {
        if (kind == IgnoreKind.ANY && field == null) {
            throw new IllegalArgumentException("kind 'any' is only for field rules (add field: comment, options, ...)");
        }
        if (grantee != null && kind != IgnoreKind.PRIVILEGE) {
            throw new IllegalArgumentException("grantee is only for privilege rules, not " + kind.word());
        }
        if (field != null) {
            ModelFields.check(field);
        }
    }

    /** How the rule reads in a message: {@code column:orders.* field comment (driftd.yaml:12)}. */
    public String describe() {
        return kind.word() + ":" + pattern + (field == null ? "" : " field " + field)
                + (grantee == null ? "" : " grantee " + grantee) + " (" + origin + ")";
    }

    public boolean isFieldRule() {
        return field != null;
    }

    /** True when this object rule removes {@code o}: the object itself, or a part, privilege or member of it. */
    boolean removes(SchemaObject o) {
        ObjectKey key = o.key();
        if (o instanceof Privilege p) {
            return removesPrivilege(p);
        }
        switch (kind) {
            case SCHEMA -> {
                return key.kind() == ObjectKind.SCHEMA ? pattern.matches(List.of(key.name()))
                        : !key.schema().isEmpty() && pattern.matches(List.of(key.schema()));
            }
            case TABLE, VIEW -> {
                if (key.kind().isTablePart()) {
                    return pattern.matches(List.of(key.schema(), key.table()));
                }
                return kind.covers(key.kind()) && pattern.matches(List.of(key.schema(), key.name()));
            }
            default -> {
                return kind.covers(key.kind()) && matchesName(key);
            }
        }
    }

    /** True when this field rule applies to {@code o}. */
    boolean touches(SchemaObject o) {
        return kind.covers(o.kind()) && (o instanceof Privilege p ? pattern.matches(privilegeObject(p)) : matchesName(o.key()));
    }

    private boolean matchesName(ObjectKey key) {
        List<String> parts = new ArrayList<>(List.of(key.schema(), key.table(), key.name()));
        if (pattern.matches(parts)) {
            return true;
        }
        int paren = key.name().indexOf('(');
        if (paren > 0) { // a routine by its name without the argument types
            parts.set(2, key.name().substring(0, paren));
            return pattern.matches(parts);
        }
        return false;
    }

    private boolean removesPrivilege(Privilege p) {
        List<String> object = privilegeObject(p);
        String type = p.objectType().toUpperCase(Locale.ROOT);
        return switch (kind) {
            case PRIVILEGE -> pattern.matches(object) && (grantee == null || grantee.matches(List.of(p.grantee())));
            case SCHEMA -> type.equals("SCHEMA") ? pattern.matches(List.of(p.object()))
                    : p.schema() != null && !p.schema().isEmpty() && pattern.matches(List.of(p.schema()));
            case TABLE, VIEW -> type.equals("TABLE")
                    && pattern.matches(List.of(p.schema() == null ? "" : p.schema(), p.object().split("\\.", 2)[0]));
            case SEQUENCE -> type.equals("SEQUENCE") && pattern.matches(object);
            case ROUTINE -> (type.equals("FUNCTION") || type.equals("PROCEDURE")) && pattern.matches(object);
            case TYPE -> type.equals("TYPE") && pattern.matches(object);
            default -> false;
        };
    }

    /** The privilege's object as name parts: schema, then table (and column) or routine name without arguments. */
    private static List<String> privilegeObject(Privilege p) {
        List<String> parts = new ArrayList<>();
        parts.add(p.schema() == null ? "" : p.schema());
        String object = p.object();
        int paren = object.indexOf('(');
        if (paren > 0) {
            parts.add(object.substring(0, paren));
        } else {
            parts.addAll(List.of(object.split("\\.", 2)));
        }
        parts.removeIf(String::isEmpty);
        return parts;
    }
}
