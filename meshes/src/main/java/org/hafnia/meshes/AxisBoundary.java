package org.hafnia.meshes;

/**
 * The conditions on the two faces of one axis. Periodicity is a property of the axis, so it
 * must be given on both faces or neither.
 */
public record AxisBoundary(BoundaryCondition low, BoundaryCondition high) {

    public AxisBoundary {
        boolean pl = low instanceof BoundaryCondition.Periodic;
        boolean ph = high instanceof BoundaryCondition.Periodic;
        if (pl != ph) {
            throw new InvalidInputException("a periodic boundary must be periodic on both faces of its axis, got "
                    + low + " and " + high);
        }
    }

    public static AxisBoundary of(BoundaryCondition both) {
        return new AxisBoundary(both, both);
    }

    public static AxisBoundary zeroFlux() {
        return of(BoundaryCondition.zeroFlux());
    }

    public static AxisBoundary periodic() {
        return of(BoundaryCondition.periodic());
    }

    public boolean isPeriodic() {
        return low instanceof BoundaryCondition.Periodic;
    }

    /**
     * Value of the lower neighbour of node {@code i} (of {@code n} along this axis) whose flat
     * index is {@code idx}, where neighbours along the axis are {@code stride} apart.
     */
    public double lowerNeighbour(double[] v, int idx, int i, int n, int stride) {
        if (i > 0) {
            return v[idx - stride];
        }
        if (isPeriodic()) {
            return v[idx + (n - 1) * stride];
        }
        return low.ghostOffset() + low.ghostScale() * v[idx];
    }

    /** Value of the upper neighbour of node {@code i}; see {@link #lowerNeighbour}. */
    public double upperNeighbour(double[] v, int idx, int i, int n, int stride) {
        if (i < n - 1) {
            return v[idx + stride];
        }
        if (isPeriodic()) {
            return v[idx - (n - 1) * stride];
        }
        return high.ghostOffset() + high.ghostScale() * v[idx];
    }
}
