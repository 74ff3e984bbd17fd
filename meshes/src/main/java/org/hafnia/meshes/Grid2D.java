package org.hafnia.meshes;

/**
 * A regular 2D grid of {@code nx × ny} cell-centred nodes with spacings {@code dx}, {@code dy}
 * in {@code unit}. Node {@code (i, j)} is at {@code ((i + 1/2) dx, (j + 1/2) dy)}; its flat index
 * is {@code j * nx + i} (row-major, row index = y).
 */
public record Grid2D(int nx, int ny, double dx, double dy, LengthUnit unit) {

    public Grid2D {
        if (nx < 1 || ny < 1) {
            throw new InvalidInputException("grid size must be at least 1 × 1, got " + nx + " × " + ny);
        }
        if ((long) nx * ny > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("grid " + nx + " × " + ny + " has more nodes than one array holds");
        }
        if (!(dx > 0) || !(dy > 0) || Double.isInfinite(dx) || Double.isInfinite(dy)) {
            throw new InvalidInputException("grid spacing must be positive and finite, got dx = " + dx + ", dy = " + dy);
        }
    }

    /** A grid with unit reduced spacing. */
    public static Grid2D unitSpacing(int nx, int ny) {
        return new Grid2D(nx, ny, 1.0, 1.0, LengthUnit.REDUCED);
    }

    /** A grid whose extent is {@code width × height} in {@code unit}. */
    public static Grid2D ofExtent(int nx, int ny, double width, double height, LengthUnit unit) {
        return new Grid2D(nx, ny, width / nx, height / ny, unit);
    }

    public int size() {
        return nx * ny;
    }

    public int index(int i, int j) {
        return j * nx + i;
    }

    public double x(int i) {
        return (i + 0.5) * dx;
    }

    public double y(int j) {
        return (j + 0.5) * dy;
    }

    public double width() {
        return nx * dx;
    }

    public double height() {
        return ny * dy;
    }

    /** Area of one cell, in {@code unit}². */
    public double cellArea() {
        return dx * dy;
    }
}
