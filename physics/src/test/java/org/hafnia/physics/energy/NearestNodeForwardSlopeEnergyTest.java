package org.hafnia.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.physics.api.FreeEnergyDensity;
import org.junit.jupiter.api.Test;

class NearestNodeForwardSlopeEnergyTest extends AbstractFreeEnergyDensityTest {

    @Override
    FreeEnergyDensity energy() {
        return new NearestNodeForwardSlopeEnergy(dftProfile());
    }

    @Override
    double[] smoothPoints() {
        // Away from the half-node breaks (n + ½)/20, where f' jumps.
        return new double[] {0.013, 0.21, 0.33, 0.47, 0.52, 0.68, 0.79, 0.96};
    }

    private static double publishedSlope(int n) {
        return (DFT_ENERGY[n + 1] - DFT_ENERGY[n]) * 20;
    }

    @Test
    void usesTheSlopeAheadOfTheNearestNode() {
        FreeEnergyDensity f = energy();
        assertThat(f.derivative(0.0)).isEqualTo(publishedSlope(0));
        assertThat(f.derivative(0.26)).isEqualTo(publishedSlope(5));
        assertThat(f.derivative(0.74)).isEqualTo(publishedSlope(15));
        assertThat(f.derivative(0.99)).as("n = 20 uses slope 19").isEqualTo(publishedSlope(19));
        assertThat(f.derivative(1.0)).isEqualTo(publishedSlope(19));
    }

    @Test
    void roundsHalfwayPointsToEven() {
        FreeEnergyDensity f = energy();
        // 20 × 0.025 = 0.5 → 0 (even); 20 × 0.075 = 1.5 → 2 (even); both exact in binary after × 20.
        assertThat(f.derivative(0.025)).isEqualTo(publishedSlope(0));
        assertThat(f.derivative(0.075)).isEqualTo(publishedSlope(2));
    }

    @Test
    void valueIsContinuousAcrossTheBreaksAndStartsAtTheTable() {
        FreeEnergyDensity f = energy();
        assertThat(f.value(0)).isEqualTo(DFT_ENERGY[0]);
        for (int n = 1; n < 20; n++) {
            double b = (n - 0.5) / 20;
            // Continuity of the antiderivative: the jump is only the slope × 1e-9 displacement.
            assertThat(f.value(b + 1e-9)).isCloseTo(f.value(b - 1e-9), within(1e-7));
        }
    }

    @Test
    void curvatureBoundIsTheLargestSlopeJumpOverTheSpacing() {
        double m = 0;
        for (int n = 0; n < 18; n++) {
            m = Math.max(m, Math.abs(publishedSlope(n + 1) - publishedSlope(n)) * 20);
        }
        assertThat(energy().maxCurvature()).isCloseTo(m, within(1e-9 * m));
    }
}
