package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.kinetics.FieldDrivenBias;
import org.hafnia.physics.materials.ArrheniusMobility;
import org.hafnia.physics.materials.HafniaMaterial;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

class PlanViewCouplingTest {

    private static final Grid2D GRID = new Grid2D(20, 20, 0.5, 0.5, LengthUnit.NANOMETRE);
    private static final double T = 5.0; // nm

    /** A 10 × 10 nm map with a conducting disc of radius 2 nm in the middle. */
    private static double[] channel() {
        double[] phi = new double[GRID.size()];
        for (int j = 0; j < 20; j++) {
            for (int i = 0; i < 20; i++) {
                double x = GRID.x(i) - 5;
                double y = GRID.y(j) - 5;
                phi[GRID.index(i, j)] = x * x + y * y < 4 ? 1 : 0;
            }
        }
        return phi;
    }

    /**
     * σ independent of depth: |E| = V/t everywhere, so the field-driven profile is exactly 1 with
     * E_ref = V/t (the published uniform bias), and G is the columns in parallel.
     */
    @Test
    void depthInvariantFilmGivesUniformFieldProfileAndParallelColumns() {
        double v = 0.2;
        PlanViewCoupling c = new PlanViewCoupling(GRID, T, 4, LogLinearConductivity.defaults(), HafniaMaterial.DEFAULT,
                null, FieldDrivenBias.Driver.FIELD, v / (T * 1e-9));
        double[] phi = channel();
        PlanViewCoupling.State s = c.evaluate(phi, v);
        for (double b : s.biasProfile()) {
            assertThat(b).isCloseTo(1.0, within(1e-6));
        }
        double area = 0.25e-18;
        double g = 0;
        LogLinearConductivity m = LogLinearConductivity.defaults();
        for (double p : phi) {
            g += m.conductivity(p) * area / (T * 1e-9);
        }
        assertThat(s.read().conductance()).isCloseTo(g, within(1e-6 * g));
        assertThat(s.mobility()).isNull();
    }

    /** Current-driven bias follows σ(φ): the channel is driven σ_on/σ_off times harder than the matrix. */
    @Test
    void currentDrivenProfileIsProportionalToConductivity() {
        double v = 0.2;
        double jRef = HafniaMaterial.DEFAULT.sigmaOn() * v / (T * 1e-9);
        PlanViewCoupling c = new PlanViewCoupling(GRID, T, 2, LogLinearConductivity.defaults(), HafniaMaterial.DEFAULT,
                null, FieldDrivenBias.Driver.CURRENT_DENSITY, jRef);
        PlanViewCoupling.State s = c.evaluate(channel(), v);
        assertThat(s.biasProfile()[GRID.index(10, 10)]).isCloseTo(1.0, within(1e-6));
        double ratio = HafniaMaterial.DEFAULT.sigmaOff() / HafniaMaterial.DEFAULT.sigmaOn();
        assertThat(s.biasProfile()[GRID.index(0, 0)]).isCloseTo(ratio, within(1e-6 * ratio));
    }

    /** Joule heat concentrates in the channel: it is the hottest column and its Arrhenius mobility the largest. */
    @Test
    void jouleHeatingRaisesTheChannelMobility() {
        ArrheniusMobility l = ArrheniusMobility.normalisedAt(1, 300, HafniaMaterial.DEFAULT.activationEnergy());
        PlanViewCoupling c = new PlanViewCoupling(GRID, T, 4, LogLinearConductivity.defaults(), HafniaMaterial.DEFAULT,
                l, FieldDrivenBias.Driver.FIELD, 1e8);
        PlanViewCoupling.State s = c.evaluate(channel(), 0.5);
        int centre = GRID.index(10, 10);
        int corner = GRID.index(0, 0);
        assertThat(s.heat().heatOut()).isCloseTo(s.read().current() * 0.5, within(1e-8 * s.heat().heatOut()));
        assertThat(s.columnTemperature()[centre]).isGreaterThan(s.columnTemperature()[corner]);
        assertThat(s.columnTemperature()[corner]).isGreaterThan(300);
        assertThat(s.mobility()[centre]).isGreaterThan(s.mobility()[corner]);
        assertThat(s.mobility()[corner]).isGreaterThan(1);
    }
}
