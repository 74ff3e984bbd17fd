package org.hafnia.physics.kinetics;

import java.util.random.RandomGenerator;

/**
 * A sequential SplitMix64 generator (Steele, Lea &amp; Flood, OOPSLA 2014) whose state can be
 * copied: the algorithm of {@link java.util.SplittableRandom} constructed with a seed (state
 * s₀ = seed, increment γ = 0x9E3779B97F4A7C15, x_k = mix(s₀ + kγ)), so {@link #nextLong()} and
 * what the JDK derives from it ({@link #nextDouble()}, {@link #nextGaussian()}: the defaults of
 * {@link RandomGenerator}, which {@code SplittableRandom} does not override) are bit for bit those
 * of {@code new SplittableRandom(seed)}. {@code SplittableRandom} has no copy and no state API;
 * this generator exists so that a device holding it can be copied mid-run ({@link #copy()}).
 * Its {@code nextInt()} is the interface's default, not {@code SplittableRandom}'s. Not thread-safe.
 */
public final class SplitMix64 implements RandomGenerator {

    /** γ, the odd increment of {@link java.util.SplittableRandom}'s seeded constructor (2⁶⁴/φ). */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** The generator of {@code new SplittableRandom(seed)}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** An independent generator in this one's state: both give the same numbers from here on. */
    public SplitMix64 copy() {
        return new SplitMix64(state);
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return LangevinNoise.mix(state);
    }
}
