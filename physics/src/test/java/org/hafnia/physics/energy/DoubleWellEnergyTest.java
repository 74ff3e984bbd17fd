package org.hafnia.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.physics.api.FreeEnergyDensity;
import org.junit.jupiter.api.Test;

class DoubleWellEnergyTest extends AbstractFreeEnergyDensityTest {

    @Override
    FreeEnergyDensity energy() {
        return new DoubleWellEnergy(2.9, -0.17, "eV");
    }

    @Test
    void hasMinimaAtZeroAndOneAndTheStatedBarrierAndAsymmetry() {
        DoubleWellEnergy f = new DoubleWellEnergy(2.9, -0.17, "eV");
        assertThat(f.derivative(0)).isZero();
        assertThat(f.derivative(1)).isZero();
        assertThat(f.secondDerivative(0)).isPositive();
        assertThat(f.secondDerivative(1)).isPositive();
        assertThat(f.value(1) - f.value(0)).isCloseTo(-0.17, within(1e-15));
        assertThat(f.value(0.5)).isCloseTo(2.9 - 0.17 / 2, within(1e-15));
        double top = 0.5 + 3 * -0.17 / (32 * 2.9);
        assertThat(f.derivative(top)).isCloseTo(0, within(1e-14));
    }

    @Test
    void secondDerivativeMatchesTheSlope() {
        DoubleWellEnergy f = new DoubleWellEnergy(1.3, 0.4);
        double h = 1e-5;
        for (double p = 0.05; p < 1; p += 0.1) {
            double fd = (f.derivative(p + h) - f.derivative(p - h)) / (2 * h);
            // f' is cubic: the central difference error is h² f''''/6 ≈ 1e-10 × 32W·... plus round-off.
            assertThat(f.secondDerivative(p)).isCloseTo(fd, within(1e-6));
        }
    }
}
