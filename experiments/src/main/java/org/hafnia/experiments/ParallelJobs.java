package org.hafnia.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Independent jobs on a fixed pool: each writes its own result slot, so the outcome does not
 * depend on the thread count. A job's runtime exception reaches the caller unchanged.
 */
public final class ParallelJobs {

    private ParallelJobs() {
    }

    /**
     * Runs every job and waits for all of them.
     *
     * @param threads worker threads (at least one is used)
     * @param jobs    the jobs
     * @param what    what the jobs are, for the message when the wait is interrupted
     */
    public static void run(int threads, List<Runnable> jobs, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>(jobs.size());
            for (Runnable job : jobs) {
                futures.add(pool.submit(job));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
