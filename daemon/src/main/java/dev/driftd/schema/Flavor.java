package dev.driftd.schema;

/** The server family a snapshot was read from. Decides only what is schema, never how it is read. */
public enum Flavor {
    POSTGRES(false),
    MYSQL(true),
    MARIADB(true);

    private final boolean columnOrderIsSchema;

    Flavor(boolean columnOrderIsSchema) {
        this.columnOrderIsSchema = columnOrderIsSchema;
    }

    /**
     * MySQL and MariaDB can reorder columns in place ({@code AFTER}), so order is drift there;
     * PostgreSQL cannot, so order is reported but is not drift.
     */
    public boolean columnOrderIsSchema() {
        return columnOrderIsSchema;
    }

    public boolean isMysqlFamily() {
        return this == MYSQL || this == MARIADB;
    }
}
