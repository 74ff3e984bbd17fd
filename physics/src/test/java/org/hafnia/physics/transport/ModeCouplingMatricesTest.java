package org.hafnia.physics.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModeCouplingMatricesTest {

    private static final TransverseModes SQUARE = new TransverseModes(1, 1, 2, 2, 0.03810 / 0.11);

    @Test
    void constantPotentialCouplesNoModes() {
        // The midpoint rule integrates χ_i χ_j exactly (discrete sine orthogonality), so U_ij = U0 δ_ij.
        TransverseModes modes = new TransverseModes(2, 3, 3, 2, 1);
        double[] u = ModeCouplingMatrices.compute(modes, 2, 3, 20, (x, y, z) -> 0.7, new double[] {0, 1});
        int m = modes.count();
        for (int l = 0; l < 2; l++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    assertThat(u[(l * m + i) * m + j]).isCloseTo(i == j ? 0.7 : 0, within(1e-14));
                }
            }
        }
    }

    @Test
    void matricesAreSymmetricAndSeparableParityIsRespected() {
        ScreenedCoulombPotential trap = new ScreenedCoulombPotential(
                java.util.List.of(PointTrap.electron(-1, 0.5, 0)), 1.44, 2.0);
        double[] u = ModeCouplingMatrices.compute(SQUARE, 1, 1, 20, trap, new double[] {0.3});
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(u[i * 4 + j]).isEqualTo(u[j * 4 + i]);
            }
        }
        // The trap sits at y = b/2, so U is even about y = b/2 and q = 1 ↔ q = 2 couplings vanish.
        assertThat(u[2]).isCloseTo(0, within(1e-14));
        assertThat(u[4 + 3]).isCloseTo(0, within(1e-14));
        assertThat(u[0]).isPositive();
    }

    @Test
    void midpointRuleIsFourthOrderForSmoothPotentials() {
        // χ_i χ_j and its first derivative vanish at the hard walls, so the h² Euler–Maclaurin term
        // of the midpoint rule cancels and the error falls as h⁴. U = x² y: U_00 = ∫ x² (2 sin² πx) dx · ∫ y (2 sin² πy) dy = (1/3 − 1/(2π²)) · 1/2 on a unit square.
        double exact = (1.0 / 3 - 1 / (2 * Math.PI * Math.PI)) * 0.5;
        double previous = Double.NaN;
        for (int n : new int[] {10, 20, 40, 80}) {
            double err = Math.abs(ModeCouplingMatrices.compute(SQUARE, 1, 1, n, (x, y, z) -> x * x * y,
                    new double[] {0})[0] - exact);
            if (!Double.isNaN(previous)) {
                assertThat(previous / err).isCloseTo(16, within(1.0));
            }
            previous = err;
        }
    }
}
