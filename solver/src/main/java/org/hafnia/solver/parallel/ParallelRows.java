package org.hafnia.solver.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a body over disjoint bands of rows on a persistent set of worker threads. Thread t of
 * T always takes rows [t·R/T, (t+1)·R/T); the caller's thread is thread 0. Each row is
 * processed by exactly one thread and the body must write only its own rows, so the result
 * does not depend on the number of threads.
 *
 * <p>The workers live as long as this object and wait between calls (a short spin, then
 * {@link LockSupport#park}), so a call allocates nothing and costs two hand-offs rather than
 * a fork–join task tree. This matters for the small grids of paper runs, where one step takes
 * microseconds.
 */
public final class ParallelRows implements AutoCloseable {

    /** A body over rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        void run(int from, int to);
    }

    /**
     * Spin-wait iterations before parking: a few microseconds (a pause instruction takes 10–150
     * cycles), shorter than a park/unpark round trip but short enough not to steal a shared core.
     */
    private static final int SPINS = 200;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();

    // The current task; written by the caller before the volatile write of generation.
    private Thread caller;
    private RowRange body;
    private int rows;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** @param threads number of threads, the caller's included; 1 runs everything on the caller's thread */
    public ParallelRows(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int band = t;
            Thread w = new Thread(() -> work(band), "hafnia-rows-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} over rows [0, rows) split into one band per thread and returns when all
     * bands are done. One call at a time: this object is driven by one thread at once.
     */
    public void forEach(int rows, RowRange body) {
        if (workers.length == 0 || rows < 2) {
            body.run(0, rows);
            return;
        }
        if (closed) {
            throw new IllegalStateException("ParallelRows is closed");
        }
        this.body = body;
        this.rows = rows;
        this.caller = Thread.currentThread();
        pending.set(workers.length);
        generation++;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        Throwable own = null;
        try {
            runBand(0);
        } catch (RuntimeException | Error e) {
            own = e;
        }
        for (int spin = 0; pending.get() != 0; spin++) {
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        this.body = null;
        Throwable f = own != null ? own : failure;
        failure = null;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    private void runBand(int t) {
        body.run((int) ((long) t * rows / threads), (int) ((long) (t + 1) * rows / threads));
    }

    private void work(int band) {
        int seen = 0;
        while (true) {
            for (int spin = 0; generation == seen && !closed; spin++) {
                if (spin < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                runBand(band);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }
}
