package dev.driftd.dialect.postgres;

/**
 * Tells, character by character through deparsed PostgreSQL text, which characters are syntax:
 * those outside string literals ({@code '…'}) and quoted identifiers ({@code "…"}), the quotes
 * themselves excluded. A doubled quote inside ({@code 'it''s'}, {@code "a""b"}) reads as leaving
 * and entering again, which gives the same answer. One instance per pass over a text.
 */
final class PgQuotes {
    private boolean inLiteral;
    private boolean inIdentifier;

    /** Whether {@code ch}, the next character of the text, is syntax. */
    boolean isSyntax(char ch) {
        if (inLiteral) {
            inLiteral = ch != '\'';
            return false;
        }
        if (inIdentifier) {
            inIdentifier = ch != '"';
            return false;
        }
        if (ch == '\'') {
            inLiteral = true;
            return false;
        }
        if (ch == '"') {
            inIdentifier = true;
            return false;
        }
        return true;
    }
}
