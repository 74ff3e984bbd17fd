package org.hafnia.physics.kinetics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The copyable generator gives the JDK's {@link SplittableRandom} numbers bit for bit (the expected
 * values are the JDK's), and a copy continues the stream without touching the original.
 */
class SplitMix64Test {

    private static final long[] SEEDS = {0, 1, -1, 42, Long.MAX_VALUE, Long.MIN_VALUE, 0x5DEECE66DL};

    @Test
    void givesSplittableRandomsLongsDoublesAndGaussiansBitForBit() {
        for (long seed : SEEDS) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SplitMix64 own = new SplitMix64(seed);
            // Interleaved, as a device draws them: the Gaussian's ziggurat takes a varying number of longs.
            for (int k = 0; k < 20_000; k++) {
                switch (k % 3) {
                    case 0 -> assertThat(own.nextGaussian()).isEqualTo(jdk.nextGaussian());
                    case 1 -> assertThat(own.nextLong()).isEqualTo(jdk.nextLong());
                    default -> assertThat(own.nextDouble()).isEqualTo(jdk.nextDouble());
                }
            }
        }
    }

    @Test
    void aCopyContinuesTheStreamAndDrawingFromItLeavesTheOriginal() {
        SplitMix64 a = new SplitMix64(7);
        for (int k = 0; k < 101; k++) {
            a.nextGaussian();
        }
        SplitMix64 b = a.copy();
        double[] fromCopy = new double[500];
        for (int k = 0; k < fromCopy.length; k++) {
            fromCopy[k] = b.nextGaussian();
        }
        SplittableRandom jdk = new SplittableRandom(7);
        for (int k = 0; k < 101; k++) {
            jdk.nextGaussian();
        }
        for (double v : fromCopy) {
            double expected = jdk.nextGaussian();
            assertThat(v).isEqualTo(expected);
            // The original was not advanced by the copy's draws: it gives the same numbers after them.
            assertThat(a.nextGaussian()).isEqualTo(expected);
        }
    }
}
