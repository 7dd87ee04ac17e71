package dev.driftd.dialect.postgres;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL 13's procedure argument lists read as 14 and later print them (seen on the 13 leg of pg-matrix.sh). */
class PgProcedureArgsTest {
    private static final int PG13 = 130022;
    private static final int PG15 = 150018;

    @Test
    void plainInputArgumentsOfA13ProcedureGetTheirModeWord() {
        assertThat(PgProcedureArgs.identity("m mood", PG13)).isEqualTo("IN m mood");
        assertThat(PgProcedureArgs.identity("days integer, app.mood, note text", PG13))
                .isEqualTo("IN days integer, IN app.mood, IN note text");
    }

    @Test
    void modesAlreadyPrintedAreKept() {
        assertThat(PgProcedureArgs.identity("INOUT n integer, VARIADIC xs integer[], a text", PG13))
                .isEqualTo("INOUT n integer, VARIADIC xs integer[], IN a text");
    }

    @Test
    void aCommaOrAModeWordInsideAQuotedNameIsNotASeparatorOrAMode() {
        assertThat(PgProcedureArgs.identity("\"a,b\" integer, \"IN \" \"My Type\"", PG13))
                .isEqualTo("IN \"a,b\" integer, IN \"IN \" \"My Type\"");
    }

    @Test
    void newerServersAndEmptyListsAreLeftAlone() {
        assertThat(PgProcedureArgs.identity("IN m mood, OUT r integer", PG15)).isEqualTo("IN m mood, OUT r integer");
        assertThat(PgProcedureArgs.identity("", PG13)).isEmpty();
    }

    @Test
    void aSignatureIsSplitAtItsLastOpeningParenthesisOutsideQuotes() {
        assertThat(PgProcedureArgs.signature("touch(m mood)", PG13)).isEqualTo("touch(IN m mood)");
        assertThat(PgProcedureArgs.signature("odd(name(\"x(\" integer)", PG13)).isEqualTo("odd(name(IN \"x(\" integer)");
        assertThat(PgProcedureArgs.signature("noargs()", PG13)).isEqualTo("noargs()");
        assertThat(PgProcedureArgs.signature("touch(IN m mood)", PG15)).isEqualTo("touch(IN m mood)");
    }
}
