package org.hafnia.physics.traps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TrapStepTableTest {

    private static final TrapParameters P = TrapParameters.DEFAULT;

    /**
     * The shipped table is the model's output for the default parameters: sampled grid points,
     * solved afresh, agree to round-off (the same two solves). With
     * {@code -Dhafnia.regenerateTrapTable=true} the whole table is regenerated into the source tree first.
     */
    @Test
    void shippedTableIsTheScatteringModelForTheDefaultParameters() throws IOException {
        TrapStepTable shipped;
        if (Boolean.getBoolean("hafnia.regenerateTrapTable")) {
            Path file = Path.of("src/main/resources" + TrapStepTable.RESOURCE);
            Files.writeString(file, TrapStepTable.generate(P).format(), StandardCharsets.UTF_8);
            shipped = TrapStepTable.parse(Files.readString(file, StandardCharsets.UTF_8));
        } else {
            shipped = TrapStepTable.shipped();
        }
        assertThat(shipped).as("resource " + TrapStepTable.RESOURCE).isNotNull();
        assertThat(shipped.key()).isEqualTo(TrapStepTable.key(P));
        double[] w = shipped.widths();
        double[] d = shipped.distances();
        double[] e = shipped.energies();
        int[][] sample = {{0, 0, 0}, {4, 9, 12}, {w.length - 1, d.length - 1, e.length - 1}, {2, 3, e.length - 1},
            {7, 0, 5}, {w.length - 1, 1, 0}};
        for (int[] s : sample) {
            double fresh = TrapStepTable.solve(P, w[s[0]], d[s[1]], e[s[2]]);
            // Same two solves in the same order: equal up to the round-off of the decimal text (17 digits).
            assertThat(shipped.value(s[0], s[1], s[2])).as("a = %s, d = %s, E = %s", w[s[0]], d[s[1]], e[s[2]])
                    .isCloseTo(fresh, within(1e-15));
        }
    }

    /** Off the grid, the interpolated value is the model's within the interpolation bound ({@link #interpolationBound}). */
    @Test
    void interpolatedStepEqualsTheModelWithinTheInterpolationBound() {
        TrapStepTable table = TrapStepTable.of(P);
        double[][] points = {{2.66, 0.43, 0.2}, {1.27, 0.18, 0.131}, {3.9, 0.97, 0.283}};
        for (double[] x : points) {
            double bound = interpolationBound(table, x[0], x[1], x[2]);
            assertThat(table.deltaTransmission(x[0], x[1], x[2])).as("a = %s, d = %s, E = %s", x[0], x[1], x[2])
                    .isCloseTo(TrapStepTable.solve(P, x[0], x[1], x[2]), within(bound));
        }
    }

    @Test
    void windowAverageOfAStepLinearInEnergyIsItsValueAtTheFermiEnergy() {
        TrapStepTable table = TrapStepTable.of(P);
        double[] e = table.energies();
        double[] linear = new double[e.length];
        for (int k = 0; k < e.length; k++) {
            linear[k] = 0.3 - 0.5 * (e[k] - P.fermiEnergy());
        }
        for (double v : new double[] {0, -0.15, 0.2, -0.3, -0.9}) {
            // A symmetric window about E_F (clipped symmetrically): the mean of a linear function is its centre value.
            assertThat(table.windowAverage(linear, v)).isCloseTo(0.3, within(1e-12));
        }
    }

    /**
     * For any profile the window average is the mean of its piecewise-linear interpolant over
     * [E_F − |V|/2, E_F + |V|/2] (clipped to the table), here against the midpoint rule on 200 000
     * sub-intervals of an independently written interpolant: exact on a sub-interval without a node,
     * off by at most the slope's jump × Δ²/8 on one holding a node, below 1e-9 of the mean in all
     * here; at V = 0 it is the interpolant's value at E_F. (E_F is a node of the table's energies,
     * so pitest's mutants of the V = 0 interpolation weight are equivalent there, as are `b > a` →
     * `b ≥ a`, which adds empty intervals, and the search's boundary cases.)
     */
    @Test
    void windowAverageIsTheMeanOfTheInterpolatedProfileOverTheBiasWindow() {
        TrapStepTable table = TrapStepTable.of(P);
        double[] e = table.energies();
        double[] profile = new double[e.length];
        for (int k = 0; k < e.length; k++) {
            profile[k] = 0.2 + 0.15 * Math.sin(7.3 * k) + 0.01 * k;
        }
        double centre = 0.5 * (e[0] + e[e.length - 1]);
        for (double v : new double[] {-0.013, 0.1, -0.237, 0.51, -5}) {
            double half = Math.min(0.5 * Math.abs(v), centre - e[0]);
            int n = 200_000;
            double sum = 0;
            for (int m = 0; m < n; m++) {
                sum += interpolant(e, profile, centre - half + (m + 0.5) * 2 * half / n);
            }
            assertThat(table.windowAverage(profile, v)).as("%s V", v).isCloseTo(sum / n, within(1e-8));
        }
        assertThat(table.windowAverage(profile, 0)).isCloseTo(interpolant(e, profile, centre), within(1e-14));
    }

    /** The piecewise-linear interpolant of {@code f} on the increasing nodes {@code x} at {@code v}, by search. */
    private static double interpolant(double[] x, double[] f, double v) {
        int k = 0;
        while (k < x.length - 2 && v > x[k + 1]) {
            k++;
        }
        return f[k] + (f[k + 1] - f[k]) * (v - x[k]) / (x[k + 1] - x[k]);
    }

    /**
     * The interpolation bound at (a, d, E): the interpolated value f times (e^B − 1), B = (1/8)
     * Σ_{x = a, d} max |second difference of ln ΔT along x| (the linear-interpolation bound in
     * ln ΔT), plus (1/8) max |second difference of ΔT along E|. The maxima run over the cell's
     * corners and, along x, the grid lines on either side of the cell: second differences estimate
     * h² ∂²/∂x² at the grid lines, and the lines beside the cell cover its change across the cell.
     */
    static double interpolationBound(TrapStepTable t, double a, double d, double energy) {
        double[][] axes = {t.widths(), t.distances(), t.energies()};
        double[] x = {a, d, energy};
        int[] cell = new int[3];
        for (int q = 0; q < 3; q++) {
            double[] ax = axes[q];
            int k = 0;
            while (k < ax.length - 2 && ax[k + 1] <= x[q]) {
                k++;
            }
            cell[q] = k;
        }
        double logBound = 0;
        double linearBound = 0;
        for (int q = 0; q < 3; q++) {
            int n = axes[q].length;
            double max = 0;
            for (int c = 0; c < 4; c++) {
                for (int line = cell[q] - 1; line <= cell[q] + 2; line++) {
                    int[] at = new int[3];
                    int bit = 0;
                    for (int r = 0; r < 3; r++) {
                        at[r] = r == q ? Math.min(Math.max(line, 1), n - 2) : cell[r] + (c >> bit++ & 1);
                    }
                    int[] lo = at.clone();
                    int[] hi = at.clone();
                    lo[q]--;
                    hi[q]++;
                    double f0 = t.value(lo[0], lo[1], lo[2]);
                    double f1 = t.value(at[0], at[1], at[2]);
                    double f2 = t.value(hi[0], hi[1], hi[2]);
                    max = Math.max(max, Math.abs(q < 2 ? Math.log(f0) - 2 * Math.log(f1) + Math.log(f2) : f0 - 2 * f1 + f2));
                }
            }
            if (q < 2) {
                logBound += max / 8;
            } else {
                linearBound += max / 8;
            }
        }
        return t.deltaTransmission(a, d, energy) * Math.expm1(logBound) + linearBound;
    }
}
