package dev.driftd.store;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps an embedded H2 store's file near the size of the data it holds, by rewriting the live
 * pages of mostly dead file chunks into new chunks, so that the old chunks become wholly dead and
 * H2 reuses their space for later writes.
 * <p>
 * Why it is needed: the store runs H2 with {@code WRITE_DELAY 0} (a commit is in the file when it
 * returns). H2 then writes one file chunk per commit and stops its background writer, and that
 * thread is what otherwise rewrites partly dead chunks ("auto compaction"). A chunk keeps all its
 * space while any page in it is live, and a sweep rewrites every member's current history stretch
 * and state, so without this a file grows for as long as the daemon runs (see "Store growth" in
 * docs/benchmarks.md).
 * <p>
 * Why this and not the alternatives:
 * <ul>
 *   <li>a {@code WRITE_DELAY} above 0 brings the background writer back, but a commit then waits in
 *       memory for it, which is the durability the store must not give up; forcing each write
 *       transaction to disk ({@code CHECKPOINT}) would have to hook every write of every table
 *       family, reads included, and leave H2's compaction to wall-clock timing;</li>
 *   <li>{@code SHUTDOWN COMPACT} (or {@code MAX_COMPACT_TIME} at close) only helps a daemon that
 *       stops, and a daemon runs for months;</li>
 *   <li>{@code MVStore.compactFile} (what {@code SHUTDOWN COMPACT} runs) sets the store's
 *       retention time to 0 for good, so chunks could be overwritten before the disk has them:
 *       meant for a store about to close, not a running one.</li>
 * </ul>
 * {@link MVStore#compact(int, int)} is the step the background writer itself runs: it rewrites
 * at most {@code write} bytes of live pages out of the least filled chunks, under the store's own
 * lock (it does nothing when another thread holds it). The chunks it empties are freed only after
 * H2's retention time (default 45 s, {@code SET RETENTION_TIME}), as H2 frees any dead chunk, and
 * the rewritten pages are committed data that the old chunks keep until then: a process killed
 * during or after a compaction restarts from the last complete chunk like after any commit.
 * (H2 2.5.252 can lose the very last commit before a kill once it writes into reused space,
 * with or without this class, and a running daemon's file reuses freed space either way: see
 * "Store growth" in docs/benchmarks.md; {@code StoreCompactionTest} kills a writer with and
 * without compaction and requires every commit but the last to survive in both.)
 * <p>
 * It reaches the MVStore through H2's engine classes ({@code JdbcConnection.getSession()},
 * {@code SessionLocal.getDatabase().getStore().getMvStore()}): public methods, not a documented
 * API, so an H2 upgrade may move them (the store tests would fail to compile or fail
 * {@code StoreCompactionTest}). A connection that is not an embedded H2 one (a PostgreSQL store,
 * an H2 server URL) is left alone.
 */
final class H2Compaction {
    /**
     * Chunks are rewritten while their live pages fill less than this share of them (percent).
     * H2's background writer aims at 90 (its {@code autoCompactFillRate}); 80 leaves a file at
     * most about 1.25 times its live size plus the chunks in their retention time.
     */
    static final int TARGET_FILL_RATE = 80;
    /**
     * Live bytes rewritten per call at most: the rewrite holds H2's store lock, which commits wait
     * for; a sweep's recording writes far less than this, so one call per sweep keeps up.
     */
    static final int WRITE_LIMIT = 4 << 20;

    private H2Compaction() {
    }

    /**
     * One compaction step on the embedded H2 database behind {@code c}: returns true when it
     * rewrote chunks (and committed the rewrite), false when there was nothing to do, the lock was
     * busy, or {@code c} is not an embedded H2 connection.
     */
    static boolean step(Connection c) throws SQLException {
        MVStore mv = mvStore(c);
        if (mv == null || mv.isClosed() || mv.getFileStore() == null) {
            return false;
        }
        if (!mv.compact(TARGET_FILL_RATE, WRITE_LIMIT)) {
            return false;
        }
        // the rewritten pages go into a chunk now, not with the next transaction's commit
        mv.commit();
        return true;
    }

    /** The live pages' share of the file's chunks, in percent (100 when there is no H2 file). */
    static int chunksFillRate(Connection c) throws SQLException {
        MVStore mv = mvStore(c);
        return mv == null || mv.getFileStore() == null ? 100 : mv.getFileStore().getChunksFillRate();
    }

    private static MVStore mvStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = c.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return null;
        }
        return local.getDatabase().getStore().getMvStore();
    }
}
