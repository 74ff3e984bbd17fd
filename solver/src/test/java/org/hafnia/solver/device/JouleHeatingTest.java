package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.junit.jupiter.api.Test;

class JouleHeatingTest {

    private static final DeviceConductance CONDUCTION = new DeviceConductance(1e-13, 10_000);
    private static final JouleHeating HEAT = new JouleHeating(1e-13, 10_000);

    /**
     * A uniform film under V has the uniform source q = σ (V/t)² and the exact profile
     * T(z) = T0 + q z (t − z) / (2k). The cell-centred scheme with half-cell Dirichlet faces is
     * exact in the interior for this quadratic; its only truncation error sits in the two
     * boundary cells (residual q/4), whose discrete solution is a uniform shift: T_h(z_k) =
     * T(z_k) + q h² / (8k) exactly (h the layer spacing). Tolerance: solver residual.
     */
    @Test
    void uniformFilmHasParabolicProfileShiftedByTheBoundaryCellError() {
        int nz = 10;
        double t = 5e-9;
        Grid3D g = new Grid3D(3, 2, nz, 1, 1, 0.5, LengthUnit.NANOMETRE);
        double sigma = 7e4;
        double k = 0.7;
        double v = 0.3;
        double[] s = new double[g.size()];
        Arrays.fill(s, sigma);
        ConductingFilm film = new ConductingFilm(g, s);
        DeviceConductance.Read read = CONDUCTION.read(film, v);
        JouleHeating.Temperature temp = HEAT.solve(film, read, k, 300);
        double q = sigma * (v / t) * (v / t);
        double h = t / nz;
        double rise = q * t * t / (8 * k);
        for (int layer = 0; layer < nz; layer++) {
            double z = (layer + 0.5) * h;
            double exact = 300 + q * z * (t - z) / (2 * k) + q * h * h / (8 * k);
            assertThat(temp.temperature()[g.index(1, 1, layer)]).isCloseTo(exact, within(1e-8 * rise));
        }
        assertThat(temp.power()).isCloseTo(read.current() * v, within(1e-9 * temp.power()));
    }

    /** Energy balance: heat into the electrodes = Σ Joule heat = I·V, for a non-uniform film. */
    @Test
    void heatLeavingThroughElectrodesEqualsElectricalPower() {
        int n = 12;
        Grid3D g = new Grid3D(n, n, 6, 0.5, 0.5, 0.8, LengthUnit.NANOMETRE);
        double[] s = new double[g.size()];
        for (int kz = 0; kz < 6; kz++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = g.x(i) - 3;
                    double y = g.y(j) - 3;
                    s[g.index(i, j, kz)] = (kz < 4 && x * x + y * y < 2.5) ? 7e4 : 0.01;
                }
            }
        }
        ConductingFilm film = new ConductingFilm(g, s);
        DeviceConductance.Read read = CONDUCTION.read(film, 0.4);
        JouleHeating.Temperature temp = HEAT.solve(film, read, 0.7, 300);
        double power = read.current() * 0.4;
        assertThat(temp.power()).isCloseTo(power, within(1e-8 * power));
        assertThat(temp.heatOut()).isCloseTo(power, within(1e-8 * power));
        assertThat(temp.max()).isGreaterThan(300);
        assertThat(Arrays.stream(temp.temperature()).min().orElseThrow()).isGreaterThanOrEqualTo(300);
    }
}
