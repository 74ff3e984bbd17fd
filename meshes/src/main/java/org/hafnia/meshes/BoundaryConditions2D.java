package org.hafnia.meshes;

/** Boundary conditions of a 2D grid: one {@link AxisBoundary} for x and one for y. */
public record BoundaryConditions2D(AxisBoundary x, AxisBoundary y) {

    public static BoundaryConditions2D zeroFlux() {
        return new BoundaryConditions2D(AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux());
    }

    public static BoundaryConditions2D periodic() {
        return new BoundaryConditions2D(AxisBoundary.periodic(), AxisBoundary.periodic());
    }
}
