package dev.driftd.waiver;

import dev.driftd.diff.Change;
import dev.driftd.schema.Canonical;
import dev.driftd.schema.SchemaObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of one difference: SHA-256 over its object key, its type and the canonical JSON of
 * golden's side and the member's side, as 16 hex digits. A waiver binds to it, so the same object
 * drifting further (another column type, another index definition) is a new change the waiver
 * does not cover.
 */
public final class ChangeFingerprint {
    /** 64 bits: only the changes of one object of one member are ever told apart by it. */
    static final int HEX_DIGITS = 16;

    private ChangeFingerprint() {
    }

    public static String of(Change c) {
        String text = c.key().display() + '\n' + c.type() + '\n' + side(c.after()) + '\n' + side(c.before());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String side(SchemaObject o) {
        return o == null ? "-" : Canonical.tree(o).toString();
    }
}
