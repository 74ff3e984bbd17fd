package org.hafnia.meshes;

/**
 * A regular 3D grid of {@code nx × ny × nz} cell-centred nodes. The flat index of node
 * {@code (i, j, k)} is {@code (k * ny + j) * nx + i} (x fastest, then y, then z).
 */
public record Grid3D(int nx, int ny, int nz, double dx, double dy, double dz, LengthUnit unit) {

    public Grid3D {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new InvalidInputException("grid size must be at least 1 × 1 × 1, got "
                    + nx + " × " + ny + " × " + nz);
        }
        if ((long) nx * ny * nz > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("grid " + nx + " × " + ny + " × " + nz
                    + " has more nodes than one array holds");
        }
        if (!(dx > 0) || !(dy > 0) || !(dz > 0)
                || Double.isInfinite(dx) || Double.isInfinite(dy) || Double.isInfinite(dz)) {
            throw new InvalidInputException("grid spacing must be positive and finite, got dx = "
                    + dx + ", dy = " + dy + ", dz = " + dz);
        }
    }

    public static Grid3D unitSpacing(int nx, int ny, int nz) {
        return new Grid3D(nx, ny, nz, 1.0, 1.0, 1.0, LengthUnit.REDUCED);
    }

    public int size() {
        return nx * ny * nz;
    }

    public int index(int i, int j, int k) {
        return (k * ny + j) * nx + i;
    }

    public double x(int i) {
        return (i + 0.5) * dx;
    }

    public double y(int j) {
        return (j + 0.5) * dy;
    }

    public double z(int k) {
        return (k + 0.5) * dz;
    }

    /** Volume of one cell, in {@code unit}³. */
    public double cellVolume() {
        return dx * dy * dz;
    }

    /** The plan-view (x, y) grid of one z layer. */
    public Grid2D layer() {
        return new Grid2D(nx, ny, dx, dy, unit);
    }
}
