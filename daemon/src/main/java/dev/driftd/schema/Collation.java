package dev.driftd.schema;

/**
 * A PostgreSQL collation made with {@code CREATE COLLATION}. {@code provider} is {@code libc},
 * {@code icu} or {@code builtin}; {@code locale} is the ICU or builtin locale; {@code lcCollate}
 * and {@code lcCtype} the libc ones; {@code rules} the ICU tailoring rules (16+).
 */
public record Collation(String schema, String name, String provider, String locale, String lcCollate,
                        String lcCtype, boolean deterministic, String rules, String comment) implements SchemaObject {
    public Collation {
        locale = Lists.emptyToNull(locale);
        lcCollate = Lists.emptyToNull(lcCollate);
        lcCtype = Lists.emptyToNull(lcCtype);
        rules = Lists.emptyToNull(rules);
        comment = Lists.emptyToNull(comment);
    }

    @Override
    public ObjectKey key() {
        return ObjectKey.of(ObjectKind.COLLATION, schema, name);
    }

    @Override
    public void writeFields(JsonFields f) {
        f.string("comment", comment).bool("deterministic", deterministic).string("lcCollate", lcCollate)
                .string("lcCtype", lcCtype).string("locale", locale).string("name", name).string("provider", provider)
                .string("rules", rules).string("schema", schema);
    }
}
