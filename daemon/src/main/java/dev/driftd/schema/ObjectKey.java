package dev.driftd.schema;

import java.util.Objects;

/**
 * Identity of an object inside a snapshot. Names are scope-relative: {@code schema} is empty when
 * the scope is a single schema (schema-per-tenant) or a MySQL database, so two tenants compare
 * equal whatever they are called. {@code table} is set for table parts (columns, constraints,
 * indexes, triggers, policies); {@code name} of a routine carries its argument types.
 */
public record ObjectKey(ObjectKind kind, String schema, String table, String name)
        implements Comparable<ObjectKey> {

    public ObjectKey {
        Objects.requireNonNull(kind, "kind");
        schema = schema == null ? "" : schema;
        table = table == null ? "" : table;
        Objects.requireNonNull(name, "name");
    }

    public static ObjectKey of(ObjectKind kind, String schema, String name) {
        return new ObjectKey(kind, schema, "", name);
    }

    public static ObjectKey part(ObjectKind kind, String schema, String table, String name) {
        return new ObjectKey(kind, schema, table, name);
    }

    /** The key of the table (or view) this part belongs to. */
    public ObjectKey owner() {
        if (table.isEmpty()) {
            throw new IllegalStateException(this + " is not a table part");
        }
        return new ObjectKey(ObjectKind.TABLE, schema, "", table);
    }

    /** Kind, schema, table, name: written out, since every snapshot sorts tens of thousands of keys. */
    @Override
    public int compareTo(ObjectKey o) {
        int c = kind.compareTo(o.kind);
        if (c == 0) {
            c = schema.compareTo(o.schema);
        }
        if (c == 0) {
            c = table.compareTo(o.table);
        }
        return c != 0 ? c : name.compareTo(o.name);
    }

    /** How people name it: {@code index app.orders.orders_created_idx}. */
    public String display() {
        StringBuilder sb = new StringBuilder(kind.label()).append(' ');
        if (!schema.isEmpty()) {
            sb.append(schema).append('.');
        }
        if (!table.isEmpty()) {
            sb.append(table).append('.');
        }
        return sb.append(name).toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
