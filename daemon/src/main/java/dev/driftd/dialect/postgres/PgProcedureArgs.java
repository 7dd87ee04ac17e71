package dev.driftd.dialect.postgres;

/**
 * A procedure's identity argument list in one form on every server version. From PostgreSQL 14 on,
 * {@code pg_get_function_identity_arguments} marks every argument of a procedure with its mode
 * ({@code IN m mood}), because OUT arguments became part of a procedure's signature; PostgreSQL 13
 * prints a plain input argument without it ({@code m mood}). The same procedure would otherwise
 * have another key on 13 than on 14 and later (false drift across a fleet of mixed versions, and a
 * golden read on 15 against a member on 13). Older servers' lists are brought to the newer form:
 * an argument without a mode word gets {@code IN }; INOUT and VARIADIC arguments (the only other
 * modes a PostgreSQL 13 procedure can have) already carry theirs. Functions are printed the same
 * on every version and are left alone. The newer form is also valid input to
 * {@code DROP PROCEDURE}, {@code GRANT … ON PROCEDURE} and {@code COMMENT ON PROCEDURE} on 13.
 */
final class PgProcedureArgs {
    /** {@code server_version_num} from which procedure modes are printed explicitly. */
    static final int EXPLICIT_MODES_FROM = 140000;

    private PgProcedureArgs() {
    }

    /** The identity argument list of a procedure read from a server of {@code serverVersion}. */
    static String identity(String args, int serverVersion) {
        if (serverVersion >= EXPLICIT_MODES_FROM || args == null || args.isBlank()) {
            return args;
        }
        StringBuilder out = new StringBuilder();
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= args.length(); i++) {
            char c = i < args.length() ? args.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted; // a doubled "" inside a quoted name toggles twice: no net change
            } else if (c == ',' && !quoted) {
                String arg = args.substring(start, i).strip();
                out.append(out.length() == 0 ? "" : ", ").append(hasMode(arg) ? arg : "IN " + arg);
                start = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * {@code name(args)} of a procedure (as the privileges query prints it) with its argument list
     * in the newer form. The opening parenthesis is found from the end, outside double quotes: the
     * name before it is printed unquoted and may itself hold any character.
     */
    static String signature(String nameWithArgs, int serverVersion) {
        if (serverVersion >= EXPLICIT_MODES_FROM || !nameWithArgs.endsWith(")")) {
            return nameWithArgs;
        }
        boolean quoted = false;
        for (int i = nameWithArgs.length() - 2; i >= 0; i--) {
            char c = nameWithArgs.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                return nameWithArgs.substring(0, i + 1)
                        + identity(nameWithArgs.substring(i + 1, nameWithArgs.length() - 1), serverVersion) + ")";
            }
        }
        return nameWithArgs;
    }

    /**
     * Mode words are printed in upper case; a name is printed in lower case unless quoted, and a
     * quoted one starts with a quote, so an upper-case first word can only be a mode.
     */
    private static boolean hasMode(String arg) {
        return arg.startsWith("IN ") || arg.startsWith("OUT ") || arg.startsWith("INOUT ") || arg.startsWith("VARIADIC ");
    }
}
