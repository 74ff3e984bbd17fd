package org.hafnia.solver.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ParallelRowsTest {

    @Test
    void everyRowRunsExactlyOnceForAnyThreadAndRowCount() {
        for (int threads = 1; threads <= 5; threads++) {
            try (ParallelRows pool = new ParallelRows(threads)) {
                for (int rows : new int[] {0, 1, 2, 3, 7, 64, 1001}) {
                    for (int call = 0; call < 3; call++) {
                        AtomicIntegerArray count = new AtomicIntegerArray(rows);
                        pool.forEach(rows, (from, to) -> {
                            for (int r = from; r < to; r++) {
                                count.incrementAndGet(r);
                            }
                        });
                        for (int r = 0; r < rows; r++) {
                            assertThat(count.get(r)).as("row %d of %d, %d threads", r, rows, threads).isEqualTo(1);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aFailureInAWorkerBandReachesTheCallerAndThePoolStaysUsable() {
        try (ParallelRows pool = new ParallelRows(3)) {
            assertThatThrownBy(() -> pool.forEach(30, (from, to) -> {
                if (from > 0) {
                    throw new IllegalStateException("band " + from);
                }
            })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("band ");
            int[] sum = new int[1];
            pool.forEach(30, (from, to) -> {
                synchronized (sum) {
                    sum[0] += to - from;
                }
            });
            assertThat(sum[0]).isEqualTo(30);
        }
    }

    @Test
    void refusesZeroThreads() {
        assertThatThrownBy(() -> new ParallelRows(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
