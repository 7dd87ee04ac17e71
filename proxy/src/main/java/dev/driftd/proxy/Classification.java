package dev.driftd.proxy;

import java.util.Collections;
import java.util.List;

/**
 * What the lexer found in one SQL string handed to the driver: the DDL statements in it (a
 * multi-statement string can hold several) and whether it carries the allow marker.
 */
final class Classification {
    static final Classification NOT_DDL = new Classification(Collections.emptyList(), false);
    /** A string that is nothing but a session marker comment: it is taken by the proxy, not sent. */
    static final Classification SESSION_ONLY = new Classification(Collections.emptyList(), false);

    private final List<DdlStatement> ddl;
    private final boolean allowMarker;

    Classification(List<DdlStatement> ddl, boolean allowMarker) {
        this.ddl = ddl;
        this.allowMarker = allowMarker;
    }

    boolean isDdl() {
        return !ddl.isEmpty();
    }

    /** The DDL statements in source order; empty for queries and DML. */
    List<DdlStatement> ddl() {
        return ddl;
    }

    /** True for a string holding only /* driftd:allow-session *\/ (or end-session) and other comments. */
    boolean sessionOnly() {
        return this == SESSION_ONLY;
    }

    /** True when a comment starting with "driftd:allow" appears anywhere in the string. */
    boolean allowMarker() {
        return allowMarker;
    }

    /** One DDL statement: its text (comments before it included, terminator excluded) and verb. */
    static final class DdlStatement {
        private final String text;
        private final String command;

        DdlStatement(String text, String command) {
            this.text = text;
            this.command = command;
        }

        String text() {
            return text;
        }

        /** The leading keyword, upper case: CREATE, ALTER, DROP, RENAME, TRUNCATE, ... */
        String command() {
            return command;
        }

        @Override
        public String toString() {
            return command + ": " + text;
        }
    }
}
