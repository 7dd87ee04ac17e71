package dev.driftd.proxy;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waits for a condition the test can observe, polling it, with a bound that only guards against a
 * hang (the proxy module has no Awaitility; this is all its tests need of it).
 */
final class Await {
    private Await() {
    }

    static void until(String what, Duration mustNotHang, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + mustNotHang.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + mustNotHang + ": " + what);
            }
            Thread.sleep(20); // between polls of the condition, not a wait for an outcome
        }
    }
}
