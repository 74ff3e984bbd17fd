package org.hafnia.experiments.array;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The batching of an array study (no device is run). */
class ArrayStudyTest {

    @Test
    void aBatchLargerThanTheArrayIsOneBatchEvenNearTheIntegerLimit() {
        // --batch 2147483647 overflowed ⌈devices / batch⌉ to a negative count: no batch ran and
        // collecting the devices hit a null (found by StudyCommandFuzzTest).
        assertThat(new ArrayStudy(null, 1, 2, new double[] {1e-5}, 1, Integer.MAX_VALUE).batches()).isEqualTo(1);
        assertThat(new ArrayStudy(null, 4, 4, new double[] {1e-5}, 1, 5).batches()).isEqualTo(4);
        assertThat(new ArrayStudy(null, 4, 4, new double[] {1e-5}, 1, 16).batches()).isEqualTo(1);
    }
}
