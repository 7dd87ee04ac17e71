package dev.driftd.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one task per item with at most {@code concurrency} at once overall and at most
 * {@code perServer} at once per server. Workers take the first waiting item whose server has room,
 * so a busy or slow server does not hold back items on other servers. Returns when every task has
 * run; a task's exception is the task's business (it is logged by the caller's task, never here).
 */
public final class BoundedExecution<T> {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final int concurrency;
    private final int perServer;
    private final Function<T, String> serverOf;
    private final String threadName;

    public BoundedExecution(int concurrency, int perServer, Function<T, String> serverOf, String threadName) {
        if (concurrency < 1 || perServer < 1) {
            throw new IllegalArgumentException("concurrency limits must be at least 1");
        }
        this.concurrency = concurrency;
        this.perServer = perServer;
        this.serverOf = serverOf;
        this.threadName = threadName;
    }

    public void run(List<T> items, Consumer<T> task) throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        Queue queue = new Queue(new LinkedList<>(items));
        int workers = Math.min(concurrency, items.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> work(queue, task), threadName + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            queue.cancel();
            throw e;
        }
    }

    private void work(Queue queue, Consumer<T> task) {
        while (true) {
            T item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (item == null) {
                return;
            }
            try {
                task.accept(item);
            } catch (RuntimeException e) {
                // the task reports its own failures; one item never stops the others
            } finally {
                queue.done(item);
            }
        }
    }

    private final class Queue {
        private final LinkedList<T> waiting;
        private final Map<String, Integer> running = new HashMap<>();
        private boolean cancelled;

        Queue(LinkedList<T> waiting) {
            this.waiting = waiting;
        }

        /** The next item whose server has room, waiting for one to free up; null when all are taken. */
        synchronized T take() throws InterruptedException {
            while (!cancelled && !waiting.isEmpty()) {
                for (var it = waiting.iterator(); it.hasNext(); ) {
                    T item = it.next();
                    String server = serverOf.apply(item);
                    if (running.getOrDefault(server, 0) < perServer) {
                        it.remove();
                        running.merge(server, 1, Integer::sum);
                        return item;
                    }
                }
                wait();
            }
            return null;
        }

        synchronized void done(T item) {
            running.merge(serverOf.apply(item), -1, Integer::sum);
            notifyAll();
        }

        synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }
    }
}
