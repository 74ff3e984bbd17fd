package org.hafnia.meshes;

/** Boundary conditions of a 3D grid: one {@link AxisBoundary} per axis. */
public record BoundaryConditions3D(AxisBoundary x, AxisBoundary y, AxisBoundary z) {

    public static BoundaryConditions3D zeroFlux() {
        return new BoundaryConditions3D(AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux());
    }

    public static BoundaryConditions3D periodic() {
        return new BoundaryConditions3D(AxisBoundary.periodic(), AxisBoundary.periodic(), AxisBoundary.periodic());
    }
}
