package org.hafnia.experiments.denoise;

import java.util.List;

import org.hafnia.meshes.Grid2D;
import org.hafnia.postprocess.compare.ConnectedComponents;

/**
 * The complete channel of a plan-view channel map: the largest 4-connected region on the
 * conducting side of the phase boundary, φ ≥ ½ (the barrier of the double well, physics.md §1.1:
 * without bias a node above it relaxes to the conducting phase, one below it to the insulator).
 * In the plan view every node is a vertical column between the electrodes, so this region is the
 * filament that carries the current; islands and the partially reduced fringe around it are the
 * incomplete channels that denoising dissolves.
 *
 * <p>A train leaves the complete channel <em>intact</em> when the largest φ ≥ ½ region after it
 * keeps at least a stated fraction of the area it had before (columns in parallel: the channel's
 * conductance scales with its area, so the fraction bounds the conductance it may lose).
 */
public final class CompleteChannel {

    /** The phase boundary φ = ½ (the double-well barrier of physics.md §1.1). */
    public static final double PHASE_BOUNDARY = 0.5;

    private CompleteChannel() {
    }

    /** Area of the complete channel (grid unit²); 0 when no node is on the conducting side. */
    public static double area(Grid2D grid, double[] phi) {
        boolean[] mask = new boolean[phi.length];
        for (int k = 0; k < phi.length; k++) {
            mask[k] = phi[k] >= PHASE_BOUNDARY;
        }
        List<ConnectedComponents.Component> c = ConnectedComponents.of(mask, grid, ConnectedComponents.Connectivity.FOUR);
        return c.isEmpty() ? 0 : c.get(0).area();
    }

    /** Area after / area before; 1 when there is no channel in either map, +∞ when one appeared. */
    public static double retained(Grid2D grid, double[] before, double[] after) {
        double a0 = area(grid, before);
        double a1 = area(grid, after);
        return a0 == 0 ? (a1 == 0 ? 1 : Double.POSITIVE_INFINITY) : a1 / a0;
    }
}
