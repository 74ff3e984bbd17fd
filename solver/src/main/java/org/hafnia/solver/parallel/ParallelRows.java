package org.hafnia.solver.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a body over disjoint bands of rows on a private fork–join pool. Each row is processed
 * by exactly one task and the body must write only its own rows, so the result does not
 * depend on the number of threads.
 */
public final class ParallelRows implements AutoCloseable {

    /** A body over rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RowRange {
        void run(int from, int to);
    }

    /** Bands per thread: enough for load balance, few enough to keep per-band overhead small. */
    private static final int BANDS_PER_THREAD = 4;

    private final int threads;
    private final ForkJoinPool pool;

    /** @param threads number of worker threads; 1 runs everything on the caller's thread */
    public ParallelRows(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public int threads() {
        return threads;
    }

    public void forEach(int rows, RowRange body) {
        if (pool == null || rows < 2) {
            body.run(0, rows);
            return;
        }
        int bands = Math.min(rows, threads * BANDS_PER_THREAD);
        pool.invoke(new Band(body, rows, 0, bands, bands));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    private static final class Band extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient RowRange body;
        private final int rows;
        private final int first;
        private final int last;
        private final int bands;

        Band(RowRange body, int rows, int first, int last, int bands) {
            this.body = body;
            this.rows = rows;
            this.first = first;
            this.last = last;
            this.bands = bands;
        }

        @Override
        protected void compute() {
            if (last - first == 1) {
                body.run((int) ((long) first * rows / bands), (int) ((long) last * rows / bands));
                return;
            }
            int mid = (first + last) >>> 1;
            invokeAll(new Band(body, rows, first, mid, bands), new Band(body, rows, mid, last, bands));
        }
    }
}
