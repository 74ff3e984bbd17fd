package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.hafnia.solver.parallel.ParallelRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD rows (Vector API) evaluate the scalar rows' expression lane by lane in the same order,
 * with the table f' looked up by the same index, so the two paths agree bit for bit (compared as
 * raw bits: even the sign of a zero), with every coupling on — per-node bias, per-node mobility,
 * Langevin noise, clipping or not — on every face type, in 2D and 3D, on rows that fill the
 * lanes, rows that end with an overlapping vector, and rows shorter than one vector.
 */
class SimdRowsTest {

    private static final double KAPPA = 0.7;
    private static final double MOBILITY = 1.3;
    private static final double BIAS = 0.4;

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        KernelFixtures.energies().forEach(f -> KernelFixtures.axes().forEach(x -> KernelFixtures.axes().forEach(y -> {
            cases.add(Arguments.of(f, x, y, false));
            cases.add(Arguments.of(f, x, y, true));
        })));
        return cases;
    }

    @ParameterizedTest(name = "{0}, x {1}, y/z {2}, couplings {3}")
    @MethodSource("cases")
    void simdStepEqualsScalarStepBitForBitIn2D(FreeEnergyDensity f, AxisBoundary bx, AxisBoundary by,
                                              boolean couplings) {
        assumeTrue(VectorSupport.available(), "the Vector API module is not resolved in this JVM");
        for (int nx : new int[] {4 * VectorSupport.lanes() + 2, 2 * VectorSupport.lanes() + 5, VectorSupport.lanes()}) {
            Grid2D grid = new Grid2D(nx, 9, 1.1, 0.9, LengthUnit.REDUCED);
            BoundaryConditions2D bc = new BoundaryConditions2D(bx, by);
            AllenCahnKernel simd = new AllenCahnKernel(grid, bc, f, KAPPA, MOBILITY, !couplings);
            AllenCahnKernel scalar = new AllenCahnKernel(grid, bc, f, KAPPA, MOBILITY, !couplings);
            scalar.vectorised(false);
            assertThat(simd.vectorised()).isTrue();
            assertRunsAgree(simd, scalar, grid.size(), couplings);
        }
    }

    @ParameterizedTest(name = "{0}, x {1}, y/z {2}, couplings {3}")
    @MethodSource("cases")
    void simdStepEqualsScalarStepBitForBitIn3D(FreeEnergyDensity f, AxisBoundary bx, AxisBoundary byz,
                                              boolean couplings) {
        assumeTrue(VectorSupport.available(), "the Vector API module is not resolved in this JVM");
        Grid3D grid = new Grid3D(2 * VectorSupport.lanes() + 3, 6, 5, 1.0, 1.2, 0.8, LengthUnit.REDUCED);
        BoundaryConditions3D bc = new BoundaryConditions3D(bx, byz, byz);
        AllenCahnKernel simd = new AllenCahnKernel(grid, bc, f, KAPPA, MOBILITY, true);
        AllenCahnKernel scalar = new AllenCahnKernel(grid, bc, f, KAPPA, MOBILITY, true);
        scalar.vectorised(false);
        assertRunsAgree(simd, scalar, grid.size(), couplings);
    }

    @Test
    void simdLaplacianEqualsScalarLaplacianBitForBit() {
        assumeTrue(VectorSupport.available(), "the Vector API module is not resolved in this JVM");
        KernelFixtures.axes().forEach(a -> {
            Grid3D grid = new Grid3D(3 * VectorSupport.lanes() + 1, 5, 4, 0.7, 1.1, 1.3, LengthUnit.REDUCED);
            BoundaryConditions3D bc = new BoundaryConditions3D(a, a, a);
            LaplacianKernel simd = new LaplacianKernel(grid, bc);
            LaplacianKernel scalar = new LaplacianKernel(grid, bc);
            scalar.vectorised(false);
            double[] phi = KernelFixtures.field(grid.size(), 21);
            double[] x = new double[phi.length];
            double[] y = new double[phi.length];
            try (ParallelRows rows = new ParallelRows(2)) {
                simd.apply(phi, x, rows);
                scalar.apply(phi, y, rows);
            }
            assertThat(x).as("axes %s", a).isEqualTo(y);
        });
    }

    @Test
    void simdPathIsRefusedWithoutTheModule() {
        assumeTrue(!VectorSupport.available(), "the Vector API module is resolved in this JVM");
        AllenCahnKernel k = new AllenCahnKernel(Grid2D.unitSpacing(8, 8), BoundaryConditions2D.zeroFlux(),
                KernelFixtures.energies().findFirst().orElseThrow(), KAPPA, MOBILITY, true);
        assertThat(k.vectorised()).isFalse();
        assertThatThrownBy(() -> k.vectorised(true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("--add-modules jdk.incubator.vector");
    }

    /** Five steps of both kernels from the same state; with couplings, a mobility field, noise and a bias profile. */
    private static void assertRunsAgree(AllenCahnKernel simd, AllenCahnKernel scalar, int n, boolean couplings) {
        double[] profile = couplings ? KernelFixtures.field(n, 7) : null;
        if (couplings) {
            double[] mobility = KernelFixtures.field(n, 8);
            for (int k = 0; k < n; k++) {
                mobility[k] = MOBILITY * (0.5 + mobility[k]);
            }
            double[] kT = KernelFixtures.field(n, 9);
            for (int k = 0; k < n; k++) {
                kT[k] = 0.01 * (1 + kT[k]);
            }
            LangevinNoise noise = new LangevinNoise(42, 1);
            for (AllenCahnKernel k : new AllenCahnKernel[] {simd, scalar}) {
                k.mobilityField(mobility);
                k.noise(noise, kT);
            }
        }
        double[] a = KernelFixtures.field(n, 11);
        double[] b = a.clone();
        double[] work = new double[n];
        try (ParallelRows rows = new ParallelRows(2)) {
            for (int step = 0; step < 5; step++) {
                simd.step(a, work, 0.02, BIAS, profile, step, rows);
                System.arraycopy(work, 0, a, 0, n);
                scalar.step(b, work, 0.02, BIAS, profile, step, rows);
                System.arraycopy(work, 0, b, 0, n);
            }
        }
        assertThat(a).isEqualTo(b);
    }
}
