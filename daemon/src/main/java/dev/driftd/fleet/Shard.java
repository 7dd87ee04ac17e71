package dev.driftd.fleet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One part of a fleet split with {@code shards: N}: shard {@code index} of {@code count} holds the
 * members whose name hashes (SHA-256 of the UTF-8 name, first 8 bytes, mod {@code count}) to
 * {@code index}. The hash depends on the name alone, so every node, every restart and every
 * discovery pass puts a member in the same shard, and the shards of a fleet cover each member
 * exactly once. An unsharded fleet is {@link #WHOLE}: one shard holding every member.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("no shard " + index + " of " + count);
        }
    }

    /** The index of the shard that holds {@code member} when the fleet has {@code count} shards. */
    public static int of(String member, int count) {
        if (count == 1) {
            return 0;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(member.getBytes(StandardCharsets.UTF_8));
            return (int) Math.floorMod(ByteBuffer.wrap(h, 0, Long.BYTES).getLong(), (long) count);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    public boolean contains(String member) {
        return of(member, count) == index;
    }

    public boolean whole() {
        return count == 1;
    }

    /** "2/3": the third of three shards (index 2). */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
