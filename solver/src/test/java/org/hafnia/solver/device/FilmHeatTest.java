package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

/** The quasi-3D transient heat model of the plan-view film against exact solutions and the 3D steady solver. */
class FilmHeatTest {

    /** HfO2 film of physics.md §6: 5 nm, k = 0.7 W/(m K), ρc_p = 2.8 MJ/(m³ K), ideal electrodes at 300 K. */
    private static final FilmHeat.Parameters IDEAL = new FilmHeat.Parameters(5e-9, 0.7, 2.8e6, 0, 0, 0, 300);
    /** TiN-like electrode layers of physics.md §6 beside the film: 10 nm, k = 20 W/(m K), ρc_p = 3 MJ/(m³ K). */
    private static final FilmHeat.Parameters TIN = new FilmHeat.Parameters(5e-9, 0.7, 2.8e6, 10e-9, 20, 3e6, 300);
    private static final Grid2D GRID = new Grid2D(16, 16, 0.5, 0.5, LengthUnit.NANOMETRE);

    @Test
    void uniformlyHeatedFilmFollowsTheExactColumnSolutionInTime() {
        FilmHeat h = new FilmHeat(GRID, IDEAL);
        double q = 1e20;
        double[] source = new double[GRID.size()];
        Arrays.fill(source, q);
        // Column mean of the parabolic steady profile between isothermal faces: q t²/12k.
        double rise = q * 25e-18 / (12 * 0.7);
        double tau = 2.8e6 * 25e-18 / (12 * 0.7);
        assertThat(h.coolingTime()).isCloseTo(tau, within(1e-12 * tau));
        double t = 0;
        for (double dt : new double[] {1e-12, 3e-12, 10e-12}) {
            h.advance(source, dt);
            t += dt;
            double expected = 300 + rise * (1 - Math.exp(-t / tau));
            // Exact integration of the uniform mode: round-off only (the transforms, ≈ 1e-13 relative).
            for (double v : h.temperature()) {
                assertThat(v).isCloseTo(expected, within(1e-9 * rise));
            }
        }
        h.advance(null, 2 * tau);
        double left = (h.maxTemperature() - 300) / (rise * (1 - Math.exp(-t / tau)));
        assertThat(left).isCloseTo(Math.exp(-2), within(1e-9));
    }

    @Test
    void peakTemperatureRisesWithVSquaredAsTheSteadyJouleSolverPredicts() {
        // A 2 nm channel of a 16 × 16 map: the steady column-mean temperature of the quasi-3D model
        // against the column mean of the 3D steady Joule solver (10 layers, same electrodes).
        double[] phi = new double[GRID.size()];
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 16; i++) {
                double r = Math.hypot(GRID.x(i) - 4, GRID.y(j) - 4);
                phi[GRID.index(i, j)] = 0.5 * (1 - Math.tanh((r - 2) / 0.5));
            }
        }
        LogLinearConductivity sigma = new LogLinearConductivity(1e-2, 7e4);
        double[] rise = new double[2];
        double[] rise3d = new double[2];
        double[] volts = {0.1, 0.2};
        for (int n = 0; n < 2; n++) {
            double e = volts[n] / 5e-9;
            double[] q = new double[phi.length];
            for (int k = 0; k < q.length; k++) {
                q[k] = sigma.conductivity(phi[k]) * e * e;
            }
            FilmHeat h = new FilmHeat(GRID, IDEAL);
            h.advance(q, 1e-6);
            rise[n] = h.maxTemperature() - 300;
            ConductingFilm film = ConductingFilm.extruded(new ScalarField2D(GRID, phi), sigma, 5, 10);
            DeviceConductance.Read read = DeviceConductance.DEFAULT.read(film, volts[n]);
            double[] col = film.columnMean(JouleHeating.DEFAULT.solve(film, read, 0.7, 300).temperature());
            rise3d[n] = Arrays.stream(col).max().orElseThrow() - 300;
        }
        // Linear heat equation with a source ∝ V²: the ratio is 4 to round-off in both models.
        assertThat(rise[1] / rise[0]).isCloseTo(4, within(1e-9));
        assertThat(rise3d[1] / rise3d[0]).isCloseTo(4, within(1e-6));
        // The quasi-3D column model assumes each column's profile is the parabola of a uniformly heated
        // column; the lateral flux near the channel bends it. Measured: within 20 % of the 3D solve.
        assertThat(rise[0] / rise3d[0]).isBetween(0.8, 1.2);
    }

    @Test
    void electrodesWithHeatCapacitySlowTheCoolingAndHoldMoreHeat() {
        FilmHeat ideal = new FilmHeat(GRID, IDEAL);
        FilmHeat real = new FilmHeat(GRID, TIN);
        assertThat(real.coolingTime()).isGreaterThan(ideal.coolingTime());
        double[] q = new double[GRID.size()];
        Arrays.fill(q, 1e20);
        ideal.advance(q, 1e-6);
        real.advance(q, 1e-6);
        // Steady uniform film: the electrode layer adds its resistance in series, q t (1/2g1 + 1/2g2).
        double g1 = 1 / (5e-9 / (6 * 0.7) + 10e-9 / (2 * 20));
        double g2 = 2 * 20 / 10e-9;
        assertThat(real.maxTemperature() - 300).isCloseTo(1e20 * 5e-9 * (0.5 / g1 + 0.5 / g2), within(1e-6));
        assertThat(real.maxTemperature()).isGreaterThan(ideal.maxTemperature());
    }

    /** A Joule source peaked on one node of the grid, W/m³. */
    private static double[] peakedSource() {
        double[] q = new double[GRID.size()];
        for (int j = 0; j < 16; j++) {
            for (int i = 0; i < 16; i++) {
                q[GRID.index(i, j)] = 1e20 * Math.exp(-Math.hypot(i - 5, j - 9) / 2);
            }
        }
        return q;
    }

    private static void assertSameBits(double[] actual, double[] expected) {
        for (int k = 0; k < expected.length; k++) {
            assertThat(Double.doubleToRawLongBits(actual[k])).as("node %d", k).isEqualTo(Double.doubleToRawLongBits(expected[k]));
        }
    }

    /**
     * A trial advance undone by restore leaves no trace: restore, then the node temperatures (read
     * lazily) and the next advance under the held source, equal bit for bit those of a model that
     * never took the trial (the same operations on the same numbers).
     */
    @Test
    void restoredTrialLeavesTheSameBitsAsNoTrial() {
        for (FilmHeat.Parameters p : new FilmHeat.Parameters[] {IDEAL, TIN}) {
            double[] q = peakedSource();
            FilmHeat tried = new FilmHeat(GRID, p);
            FilmHeat straight = new FilmHeat(GRID, p);
            tried.advance(q, 3e-12);
            straight.advance(q, 3e-12);
            double[] saved = new double[2 * GRID.size()];
            tried.save(saved);
            double[] before = tried.temperature().clone();
            tried.advance(1e-9);
            tried.restore(saved);
            assertSameBits(tried.temperature(), before);
            tried.restore(saved);
            tried.advance(5e-12);
            straight.advance(q, 5e-12);
            assertSameBits(tried.temperature(), straight.temperature());
        }
    }

    /**
     * The exponentials kept per step size are those a fresh model computes: through more distinct
     * Δt than the cache holds (so entries are replaced) and repeated ones, every advance equals, bit
     * for bit, that of a new model restored to the same state (whose cache is empty). (A cache that
     * forgets its newest entry only recomputes the same bits: pitest's surviving mutant of the
     * cached count is equivalent.)
     */
    @Test
    void repeatedStepSizesGiveTheBitsOfAFreshComputation() {
        for (FilmHeat.Parameters p : new FilmHeat.Parameters[] {IDEAL, TIN}) {
            double[] q = peakedSource();
            FilmHeat h = new FilmHeat(GRID, p);
            h.source(q);
            double[] saved = new double[2 * GRID.size()];
            int distinct = FilmHeat.CACHED_STEPS + 9;
            for (int n = 0; n < 3 * distinct; n++) {
                double dt = 1e-13 * (1 + (n * 7) % distinct);
                h.save(saved);
                FilmHeat fresh = new FilmHeat(GRID, p);
                fresh.restore(saved);
                fresh.advance(q, dt);
                h.advance(dt);
                assertSameBits(h.temperature(), fresh.temperature());
                if (n % 5 == 4) {
                    h.advance(null, dt);
                    q[(n * 13) % q.length] *= 1.5;
                    h.source(q);
                }
            }
        }
    }


    /**
     * The two coupled heat equations of the class comment, written out node by node on a grid of
     * unequal spacings (the cell-centred 5-point Laplacian with zero-flux sides) and solved exactly
     * by dense linear algebra: C dT/dt = −K T + s, with y = C^½ T the generator S = C^-½ K C^-½ is
     * symmetric, so T(t) = T_ss + C^-½ V e^(−Dt) Vᵀ C^½ (T(0) − T_ss) from Commons Math's symmetric
     * eigen-decomposition. This route shares nothing with the model's cosine modes and 2 × 2 steps.
     */
    private static final class DenseHeatReference {
        private final int n;
        private final double[] c;
        private final RealMatrix vectors;
        private final double[] rates;
        private final RealMatrix k;
        private double[] rise;

        DenseHeatReference(Grid2D grid, FilmHeat.Parameters p) {
            int nodes = grid.size();
            boolean layers = p.electrodes();
            this.n = layers ? 2 * nodes : nodes;
            double t = p.thickness();
            double d = p.electrodeThickness();
            // Film mean to electrode mid-plane, g1; electrode mid-plane to bulk, g2 (class comment).
            double g1 = layers ? 1 / (t / (6 * p.filmConductivity()) + d / (2 * p.electrodeConductivity()))
                    : 6 * p.filmConductivity() / t;
            double g2 = 2 * p.electrodeConductivity() / d;
            double hx = grid.dx() * grid.unit().metres();
            double hy = grid.dy() * grid.unit().metres();
            this.c = new double[n];
            this.k = new Array2DRowRealMatrix(n, n);
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    int f = grid.index(i, j);
                    c[f] = p.filmHeatCapacity() * t;
                    k.addToEntry(f, f, 2 * g1);
                    lateral(grid, i, j, f, 0, p.filmConductivity() * t, hx, hy);
                    if (layers) {
                        int e = nodes + f;
                        c[e] = 2 * p.electrodeHeatCapacity() * d;
                        k.addToEntry(e, e, 2 * g1 + 2 * g2);
                        k.addToEntry(f, e, -2 * g1);
                        k.addToEntry(e, f, -2 * g1);
                        lateral(grid, i, j, f, nodes, 2 * p.electrodeConductivity() * d, hx, hy);
                    }
                }
            }
            RealMatrix s = new Array2DRowRealMatrix(n, n);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    s.setEntry(a, b, k.getEntry(a, b) / Math.sqrt(c[a] * c[b]));
                }
            }
            EigenDecomposition eigen = new EigenDecomposition(s);
            this.vectors = eigen.getV();
            this.rates = eigen.getRealEigenvalues();
            this.rise = new double[n];
        }

        /** Adds the lateral conduction (W/(m² K) per node pair) of one layer at node (i, j). */
        private void lateral(Grid2D grid, int i, int j, int node, int offset, double sheet, double hx, double hy) {
            int[][] neighbours = {{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
            for (int[] nb : neighbours) {
                if (nb[0] < 0 || nb[0] >= grid.nx() || nb[1] < 0 || nb[1] >= grid.ny()) {
                    continue; // zero flux through the side
                }
                double g = sheet / (nb[1] == j ? hx * hx : hy * hy);
                int other = offset + grid.index(nb[0], nb[1]);
                k.addToEntry(offset + node, offset + node, g);
                k.addToEntry(offset + node, other, -g);
            }
        }

        /** Advances the rises by {@code dt} under the film source {@code q} (W/m³, null: none). */
        void advance(double[] q, double dt, double thickness) {
            double[] steady = new double[n];
            if (q != null) {
                double[] s = new double[n];
                for (int f = 0; f < q.length; f++) {
                    s[f] = q[f] * thickness;
                }
                steady = new LUDecomposition(k).getSolver()
                        .solve(new ArrayRealVector(s)).toArray();
            }
            double[] y = new double[n];
            for (int a = 0; a < n; a++) {
                y[a] = Math.sqrt(c[a]) * (rise[a] - steady[a]);
            }
            double[] next = new double[n];
            for (int m = 0; m < n; m++) {
                double proj = 0;
                for (int a = 0; a < n; a++) {
                    proj += vectors.getEntry(a, m) * y[a];
                }
                proj *= Math.exp(-rates[m] * dt);
                for (int a = 0; a < n; a++) {
                    next[a] += vectors.getEntry(a, m) * proj;
                }
            }
            for (int a = 0; a < n; a++) {
                rise[a] = steady[a] + next[a] / Math.sqrt(c[a]);
            }
        }

        /** The slowest decay time of the system, 1/min(rate), s. */
        double slowestDecay() {
            return 1 / Arrays.stream(rates).min().orElseThrow();
        }
    }

    /**
     * Ideal sinks and heated electrode layers alike: heating under a source peaked off-centre, then
     * cooling, through steps of several sizes, the film temperature of every node equals the exact
     * dense solution of the same two coupled equations (grid of unequal spacings, so an exchanged
     * axis or a wrong unit shows), and the cooling time is the system's slowest decay time. Both
     * are exact for a source held over the step, so they differ by round-off only (the dense
     * eigen-decomposition's and the transforms'; measured between 1e-12 and 1e-11 of the peak rise);
     * the bound is 1e-9 of the peak rise.
     */
    @Test
    void heatingAndCoolingEqualTheExactSolutionOfTheCoupledEquations() {
        Grid2D grid = new Grid2D(9, 6, 0.5, 0.8, LengthUnit.NANOMETRE);
        double[] q = new double[grid.size()];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                q[grid.index(i, j)] = 1e20 * Math.exp(-Math.hypot(grid.x(i) - 1.2, grid.y(j) - 2.9) / 0.8);
            }
        }
        for (FilmHeat.Parameters p : new FilmHeat.Parameters[] {IDEAL, TIN}) {
            FilmHeat model = new FilmHeat(grid, p);
            DenseHeatReference exact = new DenseHeatReference(grid, p);
            assertThat(model.coolingTime()).as("cooling time, %s", p)
                    .isCloseTo(exact.slowestDecay(), within(1e-9 * exact.slowestDecay()));
            double peak = 0;
            double[][] steps = {{1, 1e-12}, {1, 4e-12}, {1, 2e-11}, {0, 3e-12}, {0, 3e-11}, {1, 7e-13}, {0, 1e-10}};
            for (double[] step : steps) {
                double[] source = step[0] == 1 ? q : null;
                model.advance(source, step[1]);
                exact.advance(source, step[1], p.thickness());
                double[] temperature = model.temperature();
                for (int f = 0; f < grid.size(); f++) {
                    peak = Math.max(peak, exact.rise[f]);
                    assertThat(temperature[f] - 300).as("node %d after %s s, %s", f, step[1], p)
                            .isCloseTo(exact.rise[f], within(1e-9 * peak));
                }
            }
            // The cases are not trivial: the peak node rose by tens of kelvin and cooled after.
            assertThat(peak).isGreaterThan(10);
        }
    }

    /**
     * atAmbient(k) bounds every node: while a heated film cools, it is false for any k below the
     * largest |T − T0| of the nodes, and it turns true once the film has cooled below k.
     */
    @Test
    void atAmbientIsFalseWhileAnyNodeIsFartherFromAmbientThanAsked() {
        for (FilmHeat.Parameters p : new FilmHeat.Parameters[] {IDEAL, TIN}) {
            FilmHeat h = new FilmHeat(GRID, p);
            assertThat(h.temperature()).containsOnly(300.0);
            assertThat(h.atAmbient(0)).isTrue();
            h.advance(peakedSource(), 1e-11);
            boolean reached = false;
            for (int n = 0; n < 60; n++) {
                double farthest = 0;
                for (double v : h.temperature()) {
                    farthest = Math.max(farthest, Math.abs(v - 300));
                }
                assertThat(h.atAmbient(0.999 * farthest)).as("step %d, %s", n, p).isFalse();
                reached |= h.atAmbient(1e-3);
                h.advance(null, h.coolingTime());
            }
            assertThat(reached).as("cooled to 1 mK within 60 cooling times, %s", p).isTrue();
        }
        // Both layers count: a film at ambient over a warm electrode layer is not at ambient.
        FilmHeat h = new FilmHeat(GRID, TIN);
        double[] warmElectrode = new double[2 * GRID.size()];
        warmElectrode[GRID.size()] = 5;
        h.restore(warmElectrode);
        assertThat(h.atAmbient(1)).isFalse();
        assertThat(h.atAmbient(5)).isTrue();
    }

    @Test
    void nonPositiveThermalParametersAreRefusedByName() {
        assertThatThrownBy(() -> new FilmHeat.Parameters(0, 0.7, 2.8e6, 0, 0, 0, 300))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("film thickness (m)");
        assertThatThrownBy(() -> new FilmHeat.Parameters(5e-9, 0, 2.8e6, 0, 0, 0, 300))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("film thermal conductivity");
        assertThatThrownBy(() -> new FilmHeat.Parameters(5e-9, 0.7, -1, 0, 0, 0, 300))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("film heat capacity");
        assertThatThrownBy(() -> new FilmHeat.Parameters(5e-9, 0.7, 2.8e6, 0, 0, 0, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ambient temperature");
        assertThatThrownBy(() -> new FilmHeat.Parameters(5e-9, 0.7, 2.8e6, -1e-9, 20, 3e6, 300))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("electrode thickness");
        assertThatThrownBy(() -> new FilmHeat.Parameters(5e-9, 0.7, 2.8e6, 10e-9, 0, 3e6, 300))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("electrode thermal conductivity");
        assertThatThrownBy(() -> new FilmHeat.Parameters(5e-9, 0.7, 2.8e6, 10e-9, 20, Double.NaN, 300))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("electrode heat capacity");
        // Ideal sinks need no electrode properties.
        assertThat(new FilmHeat.Parameters(5e-9, 0.7, 2.8e6, 0, 0, 0, 300).electrodes()).isFalse();
        assertThat(IDEAL.filmThermalTime()).isCloseTo(2.8e6 * 25e-18 / 0.7, within(1e-30));
    }
}
