package org.hafnia.physics.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.physics.api.FreeEnergyDensity;
import org.junit.jupiter.api.Test;

class CubicSplineEnergyTest extends AbstractFreeEnergyDensityTest {

    @Override
    FreeEnergyDensity energy() {
        return new CubicSplineEnergy(dftProfile());
    }

    @Test
    void interpolatesEveryTableNode() {
        FreeEnergyDensity f = energy();
        for (int n = 0; n <= 20; n++) {
            // Horner evaluation of the spline at its knot: round-off of |E| ≈ 244 eV.
            assertThat(f.value(n / 20.0)).isCloseTo(DFT_ENERGY[n], within(1e-10));
        }
    }

    @Test
    void approximatesASmoothProfileAtFourthOrder() {
        // Sample f(φ) = sin(3φ) on the table grid: the natural spline's interior error is O(h⁴)
        // (O(h²) only within a few nodes of the ends, where the natural end condition f'' = 0 is wrong).
        double[] errors = new double[2];
        int[] sizes = {20, 40};
        for (int s = 0; s < 2; s++) {
            int n = sizes[s];
            double[] phi = new double[n + 1];
            double[] e = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                phi[k] = (double) k / n;
                e[k] = Math.sin(3 * phi[k]);
            }
            CubicSplineEnergy f = new CubicSplineEnergy(new EnergyProfile(phi, e, "1"));
            double err = 0;
            for (double p = 0.3; p <= 0.7; p += 0.001) {
                err = Math.max(err, Math.abs(f.value(p) - Math.sin(3 * p)));
            }
            errors[s] = err;
        }
        assertThat(Math.log(errors[0] / errors[1]) / Math.log(2)).isGreaterThan(3.5);
    }
}
