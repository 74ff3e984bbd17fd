package org.hafnia.physics.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;

/** In-place re-assembly of the finite-volume operator. */
class FiniteVolumeDiffusionTest {

    private static final Grid3D GRID = new Grid3D(5, 4, 3, 1, 1.5, 0.7, LengthUnit.NANOMETRE);

    private static BoundaryConditions3D electrodes(double top) {
        return new BoundaryConditions3D(AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux(),
                new AxisBoundary(BoundaryCondition.dirichlet(0), BoundaryCondition.dirichlet(top)));
    }

    private static double[] coefficient(double seed) {
        double[] c = new double[GRID.size()];
        for (int p = 0; p < c.length; p++) {
            c[p] = 1 + Math.abs(Math.sin(seed * (p + 1))) * 1e3;
        }
        return c;
    }

    private static void assertSameBits(double[] actual, double[] expected) {
        for (int p = 0; p < expected.length; p++) {
            assertThat(Double.doubleToRawLongBits(actual[p])).as("entry %d", p).isEqualTo(Double.doubleToRawLongBits(expected[p]));
        }
    }

    /** Re-assembled for new coefficients and face values, the operator is bit for bit a new one (tolerance 0: same operations). */
    @Test
    void reassembledOperatorHasTheBitsOfANewOne() {
        FiniteVolumeDiffusion kept = new FiniteVolumeDiffusion(GRID, electrodes(0.3), coefficient(1));
        kept.reassemble(electrodes(-0.7), coefficient(2));
        FiniteVolumeDiffusion fresh = new FiniteVolumeDiffusion(GRID, electrodes(-0.7), coefficient(2));
        StencilMatrix a = kept.matrix();
        StencilMatrix b = fresh.matrix();
        assertSameBits(a.diagonal(), b.diagonal());
        assertSameBits(a.cx(), b.cx());
        assertSameBits(a.cy(), b.cy());
        assertSameBits(a.cz(), b.cz());
        assertSameBits(kept.boundaryRightHandSide(), fresh.boundaryRightHandSide());
        double[] u = coefficient(3);
        for (FiniteVolumeDiffusion.Face f : FiniteVolumeDiffusion.Face.values()) {
            assertThat(kept.faceFlux(u, f)).isEqualTo(fresh.faceFlux(u, f));
        }
    }

    @Test
    void reassemblyRefusesOtherFaceKinds() {
        FiniteVolumeDiffusion kept = new FiniteVolumeDiffusion(GRID, electrodes(0.3), coefficient(1));
        BoundaryConditions3D insulated = new BoundaryConditions3D(AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux(),
                AxisBoundary.zeroFlux());
        assertThatThrownBy(() -> kept.reassemble(insulated, coefficient(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same face kinds");
    }
}
