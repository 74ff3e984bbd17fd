package org.hafnia.physics.compact;

import java.util.SplittableRandom;

/**
 * A two-state random telegraph process with exponential lifetimes τ0 (low state) and τ1 (high
 * state), sampled exactly at arbitrary times: after Δt the probability of the high state is
 * π1 + (s − π1) e^(−Δt (1/τ0 + 1/τ1)), with s = 1 if it was high and π1 = τ1 / (τ0 + τ1)
 * (Machlup, J. Appl. Phys. 25, 341 (1954)). Mutable; one per device.
 */
public final class TelegraphNoise {

    private final double tau0;
    private final double tau1;
    private boolean high;
    private double time;

    /**
     * @param tau0   mean lifetime of the low state (s)
     * @param tau1   mean lifetime of the high state (s)
     * @param random source of the stationary initial state
     */
    public TelegraphNoise(double tau0, double tau1, SplittableRandom random) {
        if (!(tau0 > 0) || !(tau1 > 0)) {
            throw new IllegalArgumentException("lifetimes must be positive, got " + tau0 + ", " + tau1);
        }
        this.tau0 = tau0;
        this.tau1 = tau1;
        this.high = random.nextDouble() < tau1 / (tau0 + tau1);
    }

    /** The state (true = high) at time t (s, not earlier than the last call). */
    public boolean stateAt(double t, SplittableRandom random) {
        double dt = Math.max(0, t - time);
        time = Math.max(time, t);
        high = random.nextDouble() < highProbability(high, dt, tau0, tau1);
        return high;
    }

    /**
     * The exact transition probability of the two-state chain: P(high after {@code dt} s) =
     * π1 + (s − π1) e^(−Δt (1/τ0 + 1/τ1)), π1 = τ1/(τ0 + τ1), s = 1 if {@code high} now.
     *
     * @param tau0 lifetime of the low state, s
     * @param tau1 lifetime of the high state, s
     */
    public static double highProbability(boolean high, double dt, double tau0, double tau1) {
        double pi1 = tau1 / (tau0 + tau1);
        return pi1 + ((high ? 1 : 0) - pi1) * Math.exp(-dt * (1 / tau0 + 1 / tau1));
    }
}
