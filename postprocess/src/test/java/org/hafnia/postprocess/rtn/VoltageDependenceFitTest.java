package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VoltageDependenceFitTest {

    private static final double[] V = {-0.15, -0.20, -0.25};

    @Test
    void recoversExactParametersAndTheirPropagatedErrors() {
        double tau0 = 70e-3;
        double v0 = 0.088;
        double[] tau = new double[3];
        double[] err = new double[3];
        for (int k = 0; k < 3; k++) {
            tau[k] = tau0 * Math.exp(-Math.abs(V[k]) / v0);
            err[k] = 0.02 * tau[k];
        }
        VoltageDependenceFit f = VoltageDependenceFit.fit(V, tau, err);
        assertThat(f.prefactor()).isCloseTo(tau0, within(1e-9 * tau0));
        assertThat(f.v0()).isCloseTo(v0, within(1e-9 * v0));
        assertThat(f.chiSquare()).isCloseTo(0, within(1e-12));
        assertThat(f.degreesOfFreedom()).isEqualTo(1);
        // 2 % errors on ln τ at |V| = 0.15…0.25: linear regression gives σ(1/V0) = 0.02 / sqrt(Σ (|V| − mean)²) = 0.02/√0.005.
        assertThat(f.slopeError()).isCloseTo(0.02 / Math.sqrt(0.005), within(1e-6));
        assertThat(f.v0Error()).isCloseTo(f.slopeError() * v0 * v0, within(1e-12));
    }

    @Test
    void aFlatLifetimeGivesAZeroSlopeWithAFiniteError() {
        VoltageDependenceFit f = VoltageDependenceFit.fit(V, new double[] {11e-3, 11e-3, 11e-3},
                new double[] {0.3e-3, 0.3e-3, 0.3e-3});
        assertThat(f.slope()).isCloseTo(0, within(1e-9));
        assertThat(f.slopeError()).isPositive().isFinite();
    }

    @Test
    void pointsWithoutAnErrorAreLeftOut() {
        VoltageDependenceFit f = VoltageDependenceFit.fit(V, new double[] {11e-3, Double.NaN, 9e-3},
                new double[] {0.3e-3, Double.NaN, 0.3e-3});
        assertThat(f.points()).isEqualTo(2);
        assertThat(f.prefactor() * Math.exp(-0.25 * f.slope())).isCloseTo(9e-3, within(1e-12));
    }
}
