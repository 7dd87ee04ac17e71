package dev.driftd.plan;

import java.util.Locale;

/** What running a statement may do besides changing the schema; printed above it in scripts. */
public enum Hazard {
    /** Rows are lost: a dropped table or column, a type change that can truncate. */
    DELETES_DATA,
    /** The whole table is rewritten (type change, stored generated column, some defaults). */
    REWRITES_TABLE,
    /** Takes a lock that blocks reads and writes on the table while it runs. */
    ACCESS_EXCLUSIVE_LOCK,
    /** Builds an index, which takes time proportional to the table. */
    INDEX_BUILD,
    /** Removes an index queries may rely on. */
    INDEX_DROPPED,
    /** Validates existing rows (check, foreign key, NOT NULL) and fails if one does not comply. */
    VALIDATES_ROWS,
    /** Drops and re-creates an object others depend on (views, foreign keys) around a change. */
    RECREATES_DEPENDENTS,
    /** Cannot be rolled back: MySQL DDL commits implicitly, some PostgreSQL statements run outside a transaction. */
    NOT_TRANSACTIONAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
