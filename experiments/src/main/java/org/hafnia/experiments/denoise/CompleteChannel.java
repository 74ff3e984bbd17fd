package org.hafnia.experiments.denoise;

import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.postprocess.compare.ConnectedComponents;

/**
 * The complete channel of a plan-view channel map: the largest 4-connected region on the
 * conducting side of the phase boundary, φ ≥ ½ (the barrier of the double well, physics.md §1.1:
 * without bias a node above it relaxes to the conducting phase, one below it to the insulator).
 * In the plan view every node is a vertical column between the electrodes, so this region is the
 * filament that carries the current; islands and the partially reduced fringe around it are the
 * incomplete channels that denoising dissolves.
 *
 * <p>A train leaves the complete channel <em>intact</em> when the conductance that the largest
 * φ ≥ ½ region carries, Σ σ(φ) over its columns (in parallel), keeps at least a stated fraction
 * of its value before. Conductance rather than area: with the log-linear σ(φ) of physics.md §6 a
 * channel that thins from φ = 1 to 0.9 keeps its area but loses most of its current.
 */
public final class CompleteChannel {

    /** The phase boundary φ = ½ (the double-well barrier of physics.md §1.1). */
    public static final double PHASE_BOUNDARY = 0.5;

    private CompleteChannel() {
    }

    /**
     * Conductance carried by the complete channel, Σ σ(φ_k) over its nodes (S/m; the columns'
     * common factor cell area / thickness left out, so ratios are conductance ratios).
     */
    public static double conductance(Grid2D grid, double[] phi, ConductivityModel sigma) {
        boolean[] mask = new boolean[phi.length];
        for (int k = 0; k < phi.length; k++) {
            mask[k] = phi[k] >= PHASE_BOUNDARY;
        }
        boolean[] channel = ConnectedComponents.largest(mask, grid, ConnectedComponents.Connectivity.FOUR);
        double g = 0;
        for (int k = 0; k < phi.length; k++) {
            g += channel[k] ? sigma.conductivity(phi[k]) : 0;
        }
        return g;
    }

    /**
     * Conductance after / before; 0 when there was no channel before (a device without a complete
     * channel has none to keep, so it is never counted intact), +∞ when one appeared.
     */
    public static double retained(Grid2D grid, double[] before, double[] after, ConductivityModel sigma) {
        double a0 = conductance(grid, before, sigma);
        double a1 = conductance(grid, after, sigma);
        return a0 == 0 ? (a1 == 0 ? 0 : Double.POSITIVE_INFINITY) : a1 / a0;
    }
}
