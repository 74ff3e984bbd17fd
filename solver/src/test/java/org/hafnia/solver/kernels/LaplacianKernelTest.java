package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.FiniteDifferenceLaplacian;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.solver.parallel.ParallelRows;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The multithreaded Laplacian kernel evaluates the meshes module's stencil bit for bit. */
class LaplacianKernelTest {

    static List<Arguments> axes() {
        List<Arguments> cases = new ArrayList<>();
        KernelFixtures.axes().forEach(x -> KernelFixtures.axes().forEach(y -> cases.add(Arguments.of(x, y))));
        return cases;
    }

    @ParameterizedTest(name = "x {0}, y {1}")
    @MethodSource("axes")
    void fivePointKernelEqualsFiniteDifferenceLaplacian(AxisBoundary bx, AxisBoundary by) {
        Grid2D grid = new Grid2D(15, 8, 0.3, 0.5, LengthUnit.NANOMETRE);
        BoundaryConditions2D bc = new BoundaryConditions2D(bx, by);
        double[] phi = KernelFixtures.field(grid.size(), 1);
        double[] expected = new double[phi.length];
        double[] out = new double[phi.length];
        FiniteDifferenceLaplacian.apply(grid, bc, phi, expected);
        try (ParallelRows rows = new ParallelRows(2)) {
            new LaplacianKernel(grid, bc).apply(phi, out, rows);
        }
        assertThat(KernelFixtures.maxDifference(out, expected)).isZero();
    }

    @ParameterizedTest(name = "x {0}, y = z {1}")
    @MethodSource("axes")
    void sevenPointKernelEqualsFiniteDifferenceLaplacian(AxisBoundary bx, AxisBoundary byz) {
        Grid3D grid = new Grid3D(7, 6, 5, 0.3, 0.5, 0.4, LengthUnit.NANOMETRE);
        BoundaryConditions3D bc = new BoundaryConditions3D(bx, byz, byz);
        double[] phi = KernelFixtures.field(grid.size(), 2);
        double[] expected = new double[phi.length];
        double[] out = new double[phi.length];
        FiniteDifferenceLaplacian.apply(grid, bc, phi, expected);
        try (ParallelRows rows = new ParallelRows(3)) {
            new LaplacianKernel(grid, bc).apply(phi, out, rows);
        }
        assertThat(KernelFixtures.maxDifference(out, expected)).isZero();
    }
}
