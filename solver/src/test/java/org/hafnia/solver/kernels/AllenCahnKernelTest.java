package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.solver.parallel.ParallelRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused kernel computes the same expression in the same order as the straightforward loop,
 * so the two agree exactly (tolerance 0), for every boundary condition, energy and bias form,
 * and the result is bit-identical for any number of threads.
 */
class AllenCahnKernelTest {

    private static final double KAPPA = 0.7;
    private static final double MOBILITY = 1.3;
    private static final double BIAS = 0.4;
    private static final int STEPS = 4;

    static List<Arguments> cases2D() {
        List<Arguments> cases = new ArrayList<>();
        KernelFixtures.energies().forEach(f -> KernelFixtures.axes().forEach(x -> KernelFixtures.axes().forEach(y -> {
            cases.add(Arguments.of(f, x, y, false));
            cases.add(Arguments.of(f, x, y, true));
        })));
        return cases;
    }

    static List<Arguments> cases3D() {
        List<Arguments> cases = new ArrayList<>();
        KernelFixtures.energies().forEach(f -> KernelFixtures.axes().forEach(a -> {
            cases.add(Arguments.of(f, a, AxisBoundary.periodic(), a, false));
            cases.add(Arguments.of(f, AxisBoundary.zeroFlux(), a, a, true));
        }));
        return cases;
    }

    @ParameterizedTest(name = "{0}, x {1}, y {2}, per-node bias {3}")
    @MethodSource("cases2D")
    void stepEqualsStraightforwardLoopIn2D(FreeEnergyDensity f, AxisBoundary bx, AxisBoundary by, boolean perNode) {
        Grid2D grid = new Grid2D(17, 13, 1.1, 0.9, LengthUnit.REDUCED);
        AllenCahnKernel kernel = new AllenCahnKernel(grid, new BoundaryConditions2D(bx, by), f, KAPPA, MOBILITY, true);
        double dt = 0.5 / (MOBILITY * (2 * KAPPA * (1 / (1.1 * 1.1) + 1 / (0.9 * 0.9)) + f.maxCurvature()));
        double[] profile = perNode ? KernelFixtures.field(grid.size(), 7) : null;
        double[] phi = KernelFixtures.field(grid.size(), 11);
        double[] expected = phi.clone();
        double[] a = new double[phi.length];
        double[] b = new double[phi.length];
        try (ParallelRows rows = new ParallelRows(2)) {
            for (int n = 0; n < STEPS; n++) {
                kernel.step(phi, a, dt, BIAS, profile, rows);
                System.arraycopy(a, 0, phi, 0, phi.length);
                StraightforwardAllenCahnStep.step(17, 13, 1, 1.1, 0.9, 1, bx, by, null, f, KAPPA, MOBILITY, true,
                        expected, b, dt, BIAS, profile);
                System.arraycopy(b, 0, expected, 0, phi.length);
            }
        }
        assertThat(KernelFixtures.maxDifference(phi, expected)).isZero();
    }

    @ParameterizedTest(name = "{0}, x {1}, y {2}, z {3}, per-node bias {4}")
    @MethodSource("cases3D")
    void stepEqualsStraightforwardLoopIn3D(FreeEnergyDensity f, AxisBoundary bx, AxisBoundary by, AxisBoundary bz,
                                           boolean perNode) {
        Grid3D grid = new Grid3D(9, 7, 6, 1.0, 1.2, 0.8, LengthUnit.REDUCED);
        AllenCahnKernel kernel = new AllenCahnKernel(grid, new BoundaryConditions3D(bx, by, bz), f, KAPPA, MOBILITY,
                true);
        double dt = 0.5 / (MOBILITY * (2 * KAPPA * (1 + 1 / 1.44 + 1 / 0.64) + f.maxCurvature()));
        double[] profile = perNode ? KernelFixtures.field(grid.size(), 7) : null;
        double[] phi = KernelFixtures.field(grid.size(), 13);
        double[] expected = phi.clone();
        double[] a = new double[phi.length];
        double[] b = new double[phi.length];
        try (ParallelRows rows = new ParallelRows(3)) {
            for (int n = 0; n < STEPS; n++) {
                kernel.step(phi, a, dt, BIAS, profile, rows);
                System.arraycopy(a, 0, phi, 0, phi.length);
                StraightforwardAllenCahnStep.step(9, 7, 6, 1.0, 1.2, 0.8, bx, by, bz, f, KAPPA, MOBILITY, true,
                        expected, b, dt, BIAS, profile);
                System.arraycopy(b, 0, expected, 0, phi.length);
            }
        }
        assertThat(KernelFixtures.maxDifference(phi, expected)).isZero();
    }

    @Test
    void unclippedStepEqualsStraightforwardLoop() {
        FreeEnergyDensity f = KernelFixtures.energies().findFirst().orElseThrow();
        Grid2D grid = new Grid2D(11, 5, 1, 1, LengthUnit.REDUCED);
        AllenCahnKernel kernel = new AllenCahnKernel(grid, BoundaryConditions2D.zeroFlux(), f, KAPPA, MOBILITY, false);
        double[] phi = KernelFixtures.field(grid.size(), 3);
        double[] out = new double[phi.length];
        double[] expected = new double[phi.length];
        try (ParallelRows rows = new ParallelRows(1)) {
            kernel.step(phi, out, 0.05, -3.0, null, rows);
        }
        StraightforwardAllenCahnStep.step(11, 5, 1, 1, 1, 1, AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux(), null,
                f, KAPPA, MOBILITY, false, phi, expected, 0.05, -3.0, null);
        assertThat(KernelFixtures.maxDifference(out, expected)).isZero();
        assertThat(java.util.Arrays.stream(out).max().orElseThrow()).as("a large negative bias pushes φ above 1 when not clipped").isGreaterThan(1);
    }

    @Test
    void resultIsBitIdenticalForAnyThreadCount() {
        Grid3D grid = new Grid3D(13, 11, 9, 1, 1, 1, LengthUnit.REDUCED);
        FreeEnergyDensity f = KernelFixtures.energies().findFirst().orElseThrow();
        AllenCahnKernel kernel = new AllenCahnKernel(grid, BoundaryConditions3D.zeroFlux(), f, KAPPA, MOBILITY, true);
        double[] phi0 = KernelFixtures.field(grid.size(), 5);
        double[] profile = KernelFixtures.field(grid.size(), 6);
        double[] single = run(kernel, phi0, profile, 1);
        for (int threads : new int[] {2, 3, 4, 7, 16}) {
            assertThat(run(kernel, phi0, profile, threads)).as("%d threads", threads).isEqualTo(single);
        }
    }

    private static double[] run(AllenCahnKernel kernel, double[] phi0, double[] profile, int threads) {
        double[] a = phi0.clone();
        double[] b = new double[a.length];
        try (ParallelRows rows = new ParallelRows(threads)) {
            for (int n = 0; n < 5; n++) {
                kernel.step(a, b, 0.02, BIAS, profile, rows);
                double[] t = a;
                a = b;
                b = t;
            }
        }
        return a;
    }
}
