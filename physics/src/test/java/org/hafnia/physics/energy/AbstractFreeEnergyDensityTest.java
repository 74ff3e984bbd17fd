package org.hafnia.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.physics.api.FreeEnergyDensity;
import org.junit.jupiter.api.Test;

/** Properties every free-energy density must have; one subclass per implementation. */
abstract class AbstractFreeEnergyDensityTest {

    /** The DFT pathway table of Rao et al. 2023 (reference/fig4/energy_profile.txt), eV. */
    static final double[] DFT_ENERGY = {-243.81601369, -243.73749004, -243.52029477, -243.18969564, -242.77709663,
        -242.32159887, -241.86772377, -241.46133318, -241.14490515, -240.95272804, -240.90645865, -241.01138891,
        -241.25633552, -241.6148049, -242.04973592, -242.51835699, -242.97702095, -243.38502479, -243.70784713,
        -243.91707237, -243.98868107};

    static EnergyProfile dftProfile() {
        double[] phi = new double[DFT_ENERGY.length];
        for (int k = 0; k < phi.length; k++) {
            phi[k] = k / 20.0;
        }
        return new EnergyProfile(phi, DFT_ENERGY, "eV");
    }

    abstract FreeEnergyDensity energy();

    /** Points where f' is continuous, for the finite-difference check. */
    double[] smoothPoints() {
        return new double[] {0.013, 0.21, 0.33, 0.47, 0.52, 0.68, 0.79, 0.96};
    }

    @Test
    void derivativeIsTheSlopeOfTheValue() {
        FreeEnergyDensity f = energy();
        double h = 1e-6;
        for (double p : smoothPoints()) {
            double fd = (f.value(p + h) - f.value(p - h)) / (2 * h);
            // Central difference error O(h² f''') plus cancellation ~ |f| ε / h (|f| ≤ 250 eV).
            assertThat(f.derivative(p)).as("f'(%s)", p).isCloseTo(fd, within(1e-6 * 300));
        }
    }

    @Test
    void curvatureBoundHoldsOnAFineSampling() {
        FreeEnergyDensity f = energy();
        double h = 1e-4;
        for (double p = h; p <= 1 - h; p += 0.0037) {
            double d2 = (f.derivative(p + h) - f.derivative(p - h)) / (2 * h);
            if (Math.abs(f.derivative(p + h) - f.derivative(p - h)) < 1e-3 * (1 + f.maxCurvature())) {
                // Only where f' is continuous on [p − h, p + h]; jumps are bounded separately.
                assertThat(Math.abs(d2)).isLessThanOrEqualTo(f.maxCurvature() * (1 + 1e-6) + 1e-6);
            }
        }
    }
}
