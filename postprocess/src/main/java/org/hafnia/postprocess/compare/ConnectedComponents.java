package org.hafnia.postprocess.compare;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;

/**
 * Connected components ("islands") of a mask on a grid, found by breadth-first flood fill with
 * 4-connectivity (edge neighbours) or 8-connectivity (edge and corner neighbours). Areas and
 * centroids are in the grid's length unit, centroids of the node centres.
 */
public final class ConnectedComponents {

    /** Which neighbours join a component. */
    public enum Connectivity {
        FOUR(4), EIGHT(8);

        private final int neighbours;

        Connectivity(int neighbours) {
            this.neighbours = neighbours;
        }

        public int neighbours() {
            return neighbours;
        }
    }

    /**
     * One component.
     *
     * @param nodes     area in nodes
     * @param area      area in unit² (nodes × dx dy)
     * @param centroidX mean x of its node centres, in the grid's unit
     * @param centroidY mean y of its node centres
     */
    public record Component(int nodes, double area, double centroidX, double centroidY) {
    }

    private ConnectedComponents() {
    }

    /** The components of {@code mask}, largest first (ties in scan order). */
    public static List<Component> of(boolean[] mask, Grid2D grid, Connectivity connectivity) {
        List<Component> out = new ArrayList<>(fill(mask, grid, connectivity, new int[mask.length]));
        out.sort((p, q) -> Integer.compare(q.nodes(), p.nodes()));
        return out;
    }

    /** The nodes of the largest component (the first in scan order among equals); all false when the mask is empty. */
    public static boolean[] largest(boolean[] mask, Grid2D grid, Connectivity connectivity) {
        int[] label = new int[mask.length];
        List<Component> found = fill(mask, grid, connectivity, label);
        int best = -1;
        for (int c = 0; c < found.size(); c++) {
            if (best < 0 || found.get(c).nodes() > found.get(best).nodes()) {
                best = c;
            }
        }
        boolean[] out = new boolean[mask.length];
        for (int k = 0; k < mask.length; k++) {
            out[k] = best >= 0 && label[k] == best + 1;
        }
        return out;
    }

    /** Flood fill: the components in scan order; {@code label[k]} = component index + 1, 0 off the mask. */
    private static List<Component> fill(boolean[] mask, Grid2D grid, Connectivity connectivity, int[] label) {
        int nx = grid.nx();
        int ny = grid.ny();
        if (mask.length != grid.size()) {
            throw new InvalidInputException("mask has " + mask.length + " nodes, grid " + grid.size());
        }
        int[] queue = new int[mask.length];
        List<Component> out = new ArrayList<>();
        boolean eight = connectivity == Connectivity.EIGHT;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            int id = out.size() + 1;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            double sx = 0;
            double sy = 0;
            while (head < tail) {
                int k = queue[head++];
                int i = k % nx;
                int j = k / nx;
                sx += grid.x(i);
                sy += grid.y(j);
                for (int dj = -1; dj <= 1; dj++) {
                    for (int di = -1; di <= 1; di++) {
                        if ((di == 0 && dj == 0) || (!eight && di != 0 && dj != 0)) {
                            continue;
                        }
                        int ii = i + di;
                        int jj = j + dj;
                        if (ii < 0 || jj < 0 || ii >= nx || jj >= ny) {
                            continue;
                        }
                        int q = jj * nx + ii;
                        if (mask[q] && label[q] == 0) {
                            label[q] = id;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            out.add(new Component(tail, tail * grid.cellArea(), sx / tail, sy / tail));
        }
        return out;
    }
}
