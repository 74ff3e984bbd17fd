package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.materials.HafniaMaterial;
import org.hafnia.solver.linear.ConjugateGradient;
import org.hafnia.solver.linear.IncompleteCholesky;
import org.hafnia.solver.linear.JacobiPreconditioner;
import org.hafnia.solver.linear.SolveReport;
import org.junit.jupiter.api.Test;

class DeviceConductanceTest {

    /** CG residual used in these tests. */
    private static final double RESIDUAL = 1e-12;

    /**
     * Relative error allowed on G. The current is a linear functional of V, so its relative
     * error is at most cond(A) × the relative residual; for these grids (≤ 48 cells per axis,
     * contrast ≤ 7e6) the IC(0)-solved systems are well inside cond(A)·1e-12 ≤ 1e-6 — the bound
     * is far looser than what is reached (≈1e-11) but still catches any discretisation error.
     */
    private static final double G_TOLERANCE = 1e-6;

    private static final DeviceConductance SOLVER = new DeviceConductance(RESIDUAL, 20_000);

    private static Grid3D grid(int nx, int ny, int nz, double h, double dz) {
        return new Grid3D(nx, ny, nz, h, h, dz, LengthUnit.NANOMETRE);
    }

    @Test
    void uniformFilmHasConductanceSigmaAreaOverThickness() {
        Grid3D g = grid(8, 6, 5, 1.0, 1.0);
        double sigma = 2.5e3;
        double[] s = new double[g.size()];
        Arrays.fill(s, sigma);
        ConductingFilm film = new ConductingFilm(g, s);
        DeviceConductance.Read read = SOLVER.read(film, 0.1);
        double expected = sigma * (8e-9 * 6e-9) / 5e-9;
        assertThat(read.solve().converged()).isTrue();
        assertThat(read.solve().iterations()).isPositive();
        assertThat(read.conductance()).isCloseTo(expected, within(G_TOLERANCE * expected));
        assertThat(read.current()).isCloseTo(0.1 * expected, within(G_TOLERANCE * 0.1 * expected));
        assertThat(read.currentImbalance()).isLessThan(G_TOLERANCE);
    }

    @Test
    void layersInSeriesAddResistances() {
        Grid3D g = grid(5, 4, 6, 1.0, 0.5);
        double s1 = 1e4;
        double s2 = 3.0;
        double[] s = new double[g.size()];
        int plane = 20;
        for (int p = 0; p < s.length; p++) {
            s[p] = p / plane < 2 ? s1 : s2; // bottom 1 nm at s1, top 2 nm at s2
        }
        double area = 5e-9 * 4e-9;
        double expected = 1 / (1e-9 / (s1 * area) + 2e-9 / (s2 * area));
        DeviceConductance.Read read = SOLVER.read(new ConductingFilm(g, s), 0.2);
        assertThat(read.conductance()).isCloseTo(expected, within(G_TOLERANCE * expected));
        assertThat(new ConductingFilm(g, s).layersInSeries()).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void stripsInParallelAddConductances() {
        Grid3D g = grid(10, 3, 4, 1.0, 1.25);
        double s1 = 5e4;
        double s2 = 0.01;
        double[] s = new double[g.size()];
        for (int p = 0; p < s.length; p++) {
            s[p] = p % 10 < 3 ? s1 : s2; // 3 nm wide conducting strip
        }
        double expected = (s1 * 3e-9 * 3e-9 + s2 * 7e-9 * 3e-9) / 5e-9;
        DeviceConductance.Read read = SOLVER.read(new ConductingFilm(g, s), -0.15);
        assertThat(read.conductance()).isCloseTo(expected, within(G_TOLERANCE * expected));
        assertThat(read.current()).isNegative();
    }

    /**
     * A cylindrical channel of radius r through the film: G = σ_on π r²/t + σ_off (A − π r²)/t.
     * On the grid the channel is the staircase of cells whose centre lies inside the circle.
     * Every cell cut by the circle lies within h/√2 of it, so the staircase area differs from
     * π r² by at most the annulus r ± h/√2, of area 2√2 π r h: that bounds the discretisation
     * error of G by (σ_on − σ_off) 2√2 π r h / t.
     */
    @Test
    void cylindricalChannelMatchesAnalyticWithinStaircaseError() {
        HafniaMaterial m = HafniaMaterial.DEFAULT;
        int n = 100;
        double h = 0.1; // nm: staircase bound 2√2 h / r ≈ 9 % of the channel term
        double r = 3.0;  // nm
        double t = 5.0;  // nm
        Grid3D g = grid(n, n, 5, h, t / 5);
        double[] s = new double[g.size()];
        int inside = 0;
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = g.x(i) - n * h / 2;
                    double y = g.y(j) - n * h / 2;
                    boolean in = x * x + y * y < r * r;
                    s[g.index(i, j, k)] = in ? m.sigmaOn() : m.sigmaOff();
                    if (in && k == 0) {
                        inside++;
                    }
                }
            }
        }
        DeviceConductance.Read read = SOLVER.read(new ConductingFilm(g, s), 0.1);
        double nm = 1e-9;
        double area = Math.pow(n * h * nm, 2);
        double disc = Math.PI * r * r * nm * nm;
        double analytic = (m.sigmaOn() * disc + m.sigmaOff() * (area - disc)) / (t * nm);
        double staircase = (m.sigmaOn() - m.sigmaOff()) * 2 * Math.sqrt(2) * Math.PI * r * h * nm * nm / (t * nm);
        assertThat(read.conductance()).isCloseTo(analytic, within(staircase));
        // The staircase itself is exact: columns in parallel with the inside cells' area.
        double cellArea = h * h * nm * nm;
        double discrete = (m.sigmaOn() * inside * cellArea + m.sigmaOff() * (area - inside * cellArea)) / (t * nm);
        assertThat(read.conductance()).isCloseTo(discrete, within(G_TOLERANCE * discrete));
    }

    /**
     * An incomplete channel (conducting in the bottom 3 of 5 layers only) carries lateral
     * current; Rayleigh monotonicity bounds G between the columns in parallel and the layers in
     * series, and the field concentrates in the gap above the channel.
     */
    @Test
    void incompleteChannelLiesBetweenRayleighBoundsWithFieldInTheGap() {
        int n = 16;
        Grid3D g = grid(n, n, 5, 0.5, 1.0);
        double[] s = new double[g.size()];
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    double x = g.x(i) - 4;
                    double y = g.y(j) - 4;
                    s[g.index(i, j, k)] = (k < 3 && x * x + y * y < 4) ? 7e4 : 1.0;
                }
            }
        }
        ConductingFilm film = new ConductingFilm(g, s);
        DeviceConductance.Read read = SOLVER.read(film, 0.5);
        assertThat(read.solve().converged()).isTrue();
        assertThat(read.conductance()).isGreaterThan(film.columnsInParallel() * (1 + 1e-3));
        assertThat(read.conductance()).isLessThan(film.layersInSeries() * (1 - 1e-3));
        double[] e = new double[g.size()];
        read.operator().gradientMagnitude(read.potential(), e);
        int centre = g.index(8, 8, 0);
        int gap = g.index(8, 8, 3);
        assertThat(e[gap]).isGreaterThan(10 * e[centre]);
    }

    @Test
    void incompleteCholeskyNeedsFewerIterationsThanJacobi() {
        int n = 24;
        Grid3D g = grid(n, n, 8, 0.5, 0.625);
        double[] s = new double[g.size()];
        for (int p = 0; p < s.length; p++) {
            s[p] = (p * 2654435761L % 7) < 2 ? 7e4 : 1e2; // rough random-looking contrast
        }
        ConductingFilm film = new ConductingFilm(g, s);
        var op = film.operator(1.0);
        double[] b = op.boundaryRightHandSide();
        SolveReport ic = new ConjugateGradient(op.matrix(), new IncompleteCholesky(op.matrix()), 1e-10, 10_000)
                .solve(b, new double[b.length]);
        SolveReport jacobi = new ConjugateGradient(op.matrix(), new JacobiPreconditioner(op.matrix()), 1e-10, 10_000)
                .solve(b, new double[b.length]);
        assertThat(ic.converged()).isTrue();
        assertThat(jacobi.converged()).isTrue();
        assertThat(ic.relativeResidual()).isLessThanOrEqualTo(1e-10);
        assertThat(ic.iterations()).isLessThan(jacobi.iterations() * 2 / 3);
    }

    @Test
    void conductanceQuantumComesFromCodataConstants() {
        // G0 = 2e²/h = 7.748091729...e-5 S (CODATA 2018, exact since the 2019 SI).
        assertThat(PhysicalConstants.CONDUCTANCE_QUANTUM_S).isCloseTo(7.748091729e-5, within(1e-13));
    }

    /**
     * The current balance is relative: on a non-uniform film solved to a loose residual, where the
     * two electrodes' currents measurably differ, the imbalance is the same at 0.1 V and at 1 V (the
     * problem and the CG iterates are linear in V; the imbalance is a difference of two fluxes
     * carrying ≈ 1e-16 relative round-off each, against an imbalance of ≥ 1e-9), and G in quanta is G / G0.
     */
    @Test
    void currentImbalanceIsRelativeAndTheSameAtEveryVoltage() {
        Grid3D g = grid(12, 10, 5, 0.5, 1.0);
        double[] s = new double[g.size()];
        SplittableRandom random = new SplittableRandom(7);
        for (int p = 0; p < s.length; p++) {
            s[p] = Math.pow(10, 4 * random.nextDouble());
        }
        DeviceConductance loose = new DeviceConductance(1e-4, 10_000);
        ConductingFilm film = new ConductingFilm(g, s);
        DeviceConductance.Read low = loose.read(film, 0.1);
        DeviceConductance.Read high = loose.read(film, 1.0);
        assertThat(low.currentImbalance()).isBetween(1e-9, 1e-2);
        assertThat(high.currentImbalance()).isCloseTo(low.currentImbalance(), within(1e-6 * low.currentImbalance()));
        assertThat(high.conductanceQuanta()).isCloseTo(high.conductance() / 7.748091729e-5, within(1e-9 * high.conductanceQuanta()));
    }

    @Test
    void solverSettingsOutsideTheirRangesAreRefused() {
        for (double tolerance : new double[] {0, 1, Double.NaN}) {
            assertThatThrownBy(() -> new DeviceConductance(tolerance, 10))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("conductance solver");
            assertThatThrownBy(() -> new JouleHeating(tolerance, 10, JouleHeating.DEFAULT.preconditioner()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("heat solver");
        }
        assertThatThrownBy(() -> new DeviceConductance(1e-6, 0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new JouleHeating(1e-6, 0, JouleHeating.DEFAULT.preconditioner()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new DeviceConductance(1e-6, 1).maxIterations()).isEqualTo(1);
        assertThat(new JouleHeating(1e-6, 1, JouleHeating.DEFAULT.preconditioner()).maxIterations()).isEqualTo(1);
    }
}
