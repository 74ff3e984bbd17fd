package org.hafnia.physics.traps;

import java.util.List;

import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.api.TelegraphNoiseSource;

/**
 * The charge traps of one device's channel map and their occupancy (issue 10, docs/traps.md).
 *
 * <p>Placement: every node in partially reduced oxide ({@link TrapParameters#partiallyReduced})
 * within {@link TrapParameters#maxDistance()} of a conducting node holds a Poisson number of
 * traps of mean ρ ΔA (ρ the areal density, ΔA the cell area in nm²), each at a uniform position
 * inside the cell; count and positions are counter-based random numbers of (seed, node) alone
 * (SplitMix64, as {@link org.hafnia.physics.kinetics.LangevinNoise}), so the same map and seed
 * give the same traps for any thread count, and a site keeps its traps while its node stays
 * partially reduced. A trap disappears when its node leaves the window (dissolves, φ &lt; φ_min,
 * or completes, φ ≥ φ_channel) or no conducting path is left within reach.
 *
 * <p>Step: the trap's distance d from the nearest conducting path (to the φ = φ_channel contour)
 * and that path's width a (the side of the square of the connected conducting area) give, through
 * {@code TrapStepTable}, the Landauer conductance change ΔG(V) = −G0 ⟨ΔT⟩ over the bias window
 * of the read (docs/traps.md).
 *
 * <p>Occupancy: a two-state Markov chain per trap with lifetimes τ0(V) (charged) and τ1(V)
 * (neutral), sampled exactly over any interval from the closed form of the chain (Machlup,
 * J. Appl. Phys. 25, 341 (1954)). Not thread-safe; one device owns one population.
 */
public final class TrapPopulation implements TelegraphNoiseSource {

    /**
     * One trap of the current map.
     *
     * @param site       flat index of its node
     * @param x          position, nm
     * @param y          position, nm
     * @param distance   d, distance to the nearest conducting path, nm
     * @param width      a, the side of that path's square cross-section, nm
     * @param charged    whether it holds its charge now
     */
    public record Trap(int site, double x, double y, double distance, double width, boolean charged) {
    }

    private final TrapParameters parameters;
    private final long seed;

    /**
     * A population without traps until the first {@link #update}.
     *
     * @param parameters trap parameters
     * @param seed       seed of placement and occupancy
     */
    public TrapPopulation(TrapParameters parameters, long seed) {
        this.parameters = parameters;
        this.seed = seed;
    }

    public TrapParameters parameters() {
        return parameters;
    }

    public long seed() {
        return seed;
    }

    /** {@inheritDoc} The grid's unit must be a physical length (nm, µm, m), not reduced. */
    @Override
    public void update(Grid2D grid, double[] phi) {
        throw new UnsupportedOperationException("to be filled in");
    }

    @Override
    public void advance(double seconds, double volts) {
        throw new UnsupportedOperationException("to be filled in");
    }

    /** {@inheritDoc} Negative: a charged trap lowers the transmission of its path. */
    @Override
    public double conductanceChange(double volts) {
        throw new UnsupportedOperationException("to be filled in");
    }

    /** The traps of the current map, in site order. */
    public List<Trap> traps() {
        throw new UnsupportedOperationException("to be filled in");
    }

    /** The conductance step ΔG (S, negative) of trap {@code k} of {@link #traps()} when charged, in a read at {@code volts}. */
    public double step(int k, double volts) {
        throw new UnsupportedOperationException("to be filled in");
    }
}
