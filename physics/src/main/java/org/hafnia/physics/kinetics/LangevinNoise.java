package org.hafnia.physics.kinetics;

import org.hafnia.meshes.InvalidInputException;

/**
 * Thermal (Langevin) noise of the phase-field kinetics with the fluctuation–dissipation
 * amplitude of physics.md §1.3: ∂φ/∂t = L(−δF/δφ) + η, ⟨η(x,t) η(x',t')⟩ = 2 L k_B T δ(x−x') δ(t−t').
 * Discretised on cells of measure ΔV and steps Δt, η at node p in step n is
 * η = √(2 L k_B T / (ΔV Δt)) ξ with ξ a standard normal number, so one step adds
 * Δt η = √(2 L k_B T Δt / ΔV) ξ (Euler–Maruyama). With ΔV = 1 this is the δ/Δt of the spec.
 *
 * <p>ξ is a counter-based random number: a pure function of (seed, step, node), made by
 * SplitMix64 hashing (G. Steele, D. Lea, C. Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014) and a Box–Muller transform. A run is therefore reproducible for a
 * given seed and bit-identical for any number of threads or any split of the grid, and a
 * resumed run only needs the step counter.
 *
 * @param seed        the run's seed
 * @param cellMeasure ΔV, the cell area or volume in the model's length unit (1 for "per node")
 */
public record LangevinNoise(long seed, double cellMeasure) {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    public LangevinNoise {
        if (!(cellMeasure > 0) || !Double.isFinite(cellMeasure)) {
            throw new InvalidInputException("noise cell measure ΔV must be positive and finite, got " + cellMeasure);
        }
    }

    /**
     * The increment Δt η of one Euler–Maruyama step at {@code node} in step {@code step}.
     *
     * @param mobility      L at the node
     * @param thermalEnergy k_B T at the node, in the energy unit of the free energy
     * @param dt            Δt
     */
    public double increment(long step, int node, double mobility, double thermalEnergy, double dt) {
        return Math.sqrt(2 * mobility * thermalEnergy * dt / cellMeasure) * standardNormal(seed, step, node);
    }

    /** A standard normal number determined by (seed, step, node) alone. */
    public static double standardNormal(long seed, long step, int node) {
        long key = mix(mix(seed + GOLDEN * (step + 1)) + GOLDEN * (node + 1L));
        long a = mix(key);
        long b = mix(key + GOLDEN);
        double u1 = ((a >>> 11) + 1) * TWO_POW_MINUS_53; // (0, 1]
        double u2 = (b >>> 11) * TWO_POW_MINUS_53;       // [0, 1)
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * A uniform number in [0, 1) determined by (seed, stream, counter) alone, by the same
     * SplitMix64 keying as {@link #standardNormal}: for other seeded, thread-count-independent
     * draws of the model (e.g. trap sites and occupancies, {@code physics.traps}).
     */
    public static double uniform(long seed, long stream, long counter) {
        return (mix(mix(seed + GOLDEN * (stream + 1)) + GOLDEN * (counter + 1)) >>> 11) * TWO_POW_MINUS_53;
    }

    /** The SplitMix64 finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
