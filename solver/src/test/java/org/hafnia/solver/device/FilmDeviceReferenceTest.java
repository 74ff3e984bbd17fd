package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

/**
 * The 3D electrostatics solver is the verification reference of the plan-view device
 * (docs/device.md): for the device's extruded film its CG solve of ∇·(σ∇V) = 0 gives the device's
 * column sum G_f = Σ σ(φ) a²/t (exact for a film whose σ does not vary through its thickness: the
 * field is V/t everywhere and no current flows sideways).
 */
class FilmDeviceReferenceTest {

    @Test
    void theDevicesFilmConductanceIsThe3DSolveOfItsExtrudedFilm() {
        Grid2D grid = new Grid2D(24, 20, 0.5, 0.5, LengthUnit.NANOMETRE);
        double[] phi = channelMap(grid, 8, 10, 2.5, 19, 6);
        LogLinearConductivity sigma = new LogLinearConductivity(1e-2, 7e4);
        double t = 5e-9;
        FilmDevice.Model m = new FilmDevice.Model(grid, t, new DoubleWellEnergy(0.3, -0.0176, "eV"), 0.036, 31,
                1e13, 1.2, 1, 2, 0.3, sigma, new FilmHeat.Parameters(t, 0.7, 2.8e6, 0, 0, 0, 300), 2000, -0.15, 1e-6);
        FilmDevice d = new FilmDevice(m, phi, 1, null);
        for (int layers : new int[] {1, 4}) {
            ConductingFilm film = ConductingFilm.extruded(new ScalarField2D(grid, phi), sigma, 5, layers);
            double g3d = DeviceConductance.DEFAULT.read(film, -0.15).conductance();
            // Relative 1e-9: the CG solve stops at a relative residual of 1e-10 (DeviceConductance.DEFAULT).
            assertThat(g3d).as("%d layers", layers).isCloseTo(d.filmConductance(), within(1e-9 * g3d));
        }
        // The terminals see G_f in series with R_s.
        assertThat(d.conductance()).isCloseTo(1 / (1 / d.filmConductance() + 2000), within(1e-12 * d.conductance()));
    }

    /** A channel centred on node (ci, cj) of {@code radius} nm with a 0.5 nm tanh edge, and a weaker island (φ ≤ 0.4) on node (ii, ij). */
    private static double[] channelMap(Grid2D grid, double ci, double cj, double radius, double ii, double ij) {
        double[] phi = new double[grid.size()];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double r = Math.hypot((i - ci) * grid.dx(), (j - cj) * grid.dy());
                double island = 0.4 * Math.exp(-Math.pow(Math.hypot((i - ii) * grid.dx(), (j - ij) * grid.dy()), 2));
                phi[grid.index(i, j)] = Math.min(1, 0.5 * (1 - Math.tanh((r - radius) / 0.5)) + island);
            }
        }
        return phi;
    }

    /**
     * The equations of the device integrated the plain way: forward Euler of the per-site
     * Allen–Cahn law ∂φ/∂t = λ(T)(−f'(φ) + vκ∇²φ − vb(E, T)) with the model's own λ and b, the
     * 5-point Laplacian with zero-flux sides written out, φ clipped to [0, 1], and the exact heat
     * model advanced over each step under that step's Joule source σ(φ)E², E = V/(1 + R_s G_f)/t.
     */
    private static double[] explicitReference(FilmDevice.Model m, double[] initial, double volts, double duration, int steps,
                                              FilmHeat heat) {
        Grid2D g = m.grid();
        double[] phi = initial.clone();
        double[] next = new double[phi.length];
        double[] q = new double[phi.length];
        double dt = duration / steps;
        double area = g.dx() * g.dy() * 1e-18;
        double cx = m.siteVolume() * m.kappa() / (g.dx() * g.dx());
        double cy = m.siteVolume() * m.kappa() / (g.dy() * g.dy());
        for (int n = 0; n < steps; n++) {
            double gf = 0;
            for (double v : phi) {
                gf += m.sigma().conductivity(v) * area / m.thickness();
            }
            double e = volts / (1 + m.seriesResistance() * gf) / m.thickness();
            for (int k = 0; k < phi.length; k++) {
                q[k] = m.sigma().conductivity(phi[k]) * e * e;
            }
            double[] before = heat.temperature().clone();
            heat.advance(volts == 0 ? null : q, dt);
            double[] after = heat.temperature();
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    int k = g.index(i, j);
                    double lap = 0;
                    if (i > 0) lap += cx * (phi[k - 1] - phi[k]);
                    if (i < g.nx() - 1) lap += cx * (phi[k + 1] - phi[k]);
                    if (j > 0) lap += cy * (phi[k - g.nx()] - phi[k]);
                    if (j < g.ny() - 1) lap += cy * (phi[k + g.nx()] - phi[k]);
                    double t = 0.5 * (before[k] + after[k]);
                    double rate = m.siteMobility(t) * (-m.energy().derivative(phi[k]) + lap - m.siteBias(e, t));
                    next[k] = Math.max(0, Math.min(1, phi[k] + dt * rate));
                }
            }
            System.arraycopy(next, 0, phi, 0, phi.length);
        }
        return phi;
    }

    /** max over nodes of |a − b|. */
    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }

    /**
     * The device's time integration converges to its equations at first order. A 5 ns pulse of
     * ±0.9 V (the core at ≈ 850 K in RESET, ≈ 1650 K in SET) on a channel with an island, on a
     * grid of unequal spacings with heated electrode layers, against forward Euler with 40 000
     * fixed steps (itself converged: 20 000 steps differ by < 5e-6). Tightening both step controls
     * by 2 must cut the worst node's error by 2 (first order; measured 1.87–1.95 from the second
     * halving on, the first SET halving being pre-asymptotic at 1.45), and the defaults' error stays
     * what {@link FilmDevice.Stepping#DEFAULT} states (measured 0.006 / 0.017 of a 0.09 change).
     */
    @Test
    void aHeatedPulseConvergesAtFirstOrderToItsEquationsIntegratedByFineExplicitSteps() {
        Grid2D grid = new Grid2D(12, 10, 0.5, 0.6, LengthUnit.NANOMETRE);
        double t = 5e-9;
        FilmHeat.Parameters heat = new FilmHeat.Parameters(t, 0.7, 2.8e6, 10e-9, 20, 3e6, 300);
        FilmDevice.Model m = new FilmDevice.Model(grid, t, new DoubleWellEnergy(0.3, -0.0176, "eV"), 0.036, 31,
                1e13, 1.2, 1, 2, 0.3, new LogLinearConductivity(1e-2, 7e4), heat, 2000, -0.15, 1e-6);
        double[] initial = channelMap(grid, 4, 5, 1.6, 9, 2);
        for (double volts : new double[] {-0.9, 0.9}) {
            double[] fine = explicitReference(m, initial, volts, 5e-9, 40_000, new FilmHeat(grid, heat));
            double[] coarse = explicitReference(m, initial, volts, 5e-9, 20_000, new FilmHeat(grid, heat));
            double moved = maxDifference(fine, initial);
            assertThat(moved).as("the pulse moves φ").isGreaterThan(0.05);
            assertThat(maxDifference(fine, coarse)).isLessThan(5e-6);
            double[] error = new double[4];
            for (int h = 0; h < error.length; h++) {
                FilmDevice.Stepping stepping = new FilmDevice.Stepping(0.02 / (1 << h), 1.0 / (1 << h));
                FilmDevice d = new FilmDevice(m.withStepping(stepping), initial, 1, null);
                d.apply(volts, 5e-9);
                error[h] = maxDifference(d.phi(), fine);
            }
            assertThat(error[0]).as("defaults, %s V", volts).isLessThan(0.2 * moved);
            for (int h = 2; h < error.length; h++) {
                assertThat(error[h - 1] / error[h]).as("halving %d, %s V", h, volts).isBetween(1.6, 2.4);
            }
            assertThat(error[0] / error[1]).as("first halving, %s V", volts).isGreaterThan(1.3);
        }
    }

    @Test
    void steppingControlsOutsideTheirRangesAreRefused() {
        for (double[] bad : new double[][] {{0, 1}, {0.6, 1}, {0.02, 0}, {0.02, 1.5}, {Double.NaN, 1}}) {
            assertThatThrownBy(() -> new FilmDevice.Stepping(bad[0], bad[1]))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("device stepping");
        }
        assertThat(new FilmDevice.Stepping(0.5, 1)).isNotNull();
    }
}
