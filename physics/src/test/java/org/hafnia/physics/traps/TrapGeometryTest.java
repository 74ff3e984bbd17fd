package org.hafnia.physics.traps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.hafnia.meshes.Grid2D;
import org.junit.jupiter.api.Test;

/**
 * The exact pieces of the trap placement against independent answers: the sub-cell area fraction
 * of marching squares, the Poisson count by inversion, and the chord of a path cut by the map's edge.
 */
class TrapGeometryTest {

    /**
     * For a field linear in x and y the edge-linear crossings are exact, so the fraction is the
     * area of the half-plane a + bx + cy ≥ 0 in the unit square: here ∫₀¹ L(y) dy with L(y) the
     * length of {x ∈ [0, 1] : a + bx + cy ≥ 0}, by the trapezoidal rule on 20 000 intervals (L is
     * piecewise linear with at most two kinks: error ≤ 2 Δy² max|L'| ≈ 5e-9 · max|c/b|).
     */
    @Test
    void theInsideFractionOfALinearFieldIsTheHalfPlanesArea() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 200; n++) {
            double a = random.nextDouble(-1.5, 1.5);
            double b = random.nextDouble(-2, 2);
            double c = random.nextDouble(-2, 2);
            double exact = halfPlaneArea(a, b, c);
            double fraction = TrapPopulation.insideFraction(a, a + b, a + b + c, a + c);
            assertThat(fraction).as("a %s, b %s, c %s", a, b, c).isCloseTo(exact, within(1e-6 * (1 + Math.abs(c / b))));
        }
    }

    private static double halfPlaneArea(double a, double b, double c) {
        int intervals = 20_000;
        double sum = 0;
        for (int k = 0; k <= intervals; k++) {
            double y = (double) k / intervals;
            double length;
            double v = a + c * y;
            // a + c y + b x ≥ 0 for x ≥ −v/b (b > 0) or x ≤ −v/b (b < 0).
            if (b > 0) {
                length = 1 - Math.min(1, Math.max(0, -v / b));
            } else {
                length = Math.min(1, Math.max(0, -v / b));
            }
            sum += (k == 0 || k == intervals ? 0.5 : 1) * length;
        }
        return sum / intervals;
    }

    @Test
    void theInsideFractionCountsCornersOnTheLevelAndKeepsTheSaddlesCentre() {
        assertThat(TrapPopulation.insideFraction(1, 2, 3, 4)).isEqualTo(1);
        assertThat(TrapPopulation.insideFraction(-1, -2, -3, -4)).isEqualTo(0);
        // A corner exactly on the level is inside: a point polygon has no area, the rest is outside.
        assertThat(TrapPopulation.insideFraction(0, -1, -1, -1)).isEqualTo(0);
        assertThat(TrapPopulation.insideFraction(0, 0, 0, 0)).isEqualTo(1);
        // One corner: the triangle of its two crossings, at 1/4 and 3/4 along its edges.
        assertThat(TrapPopulation.insideFraction(1, -3, -1, -1)).isCloseTo(0.5 * 0.25 * 0.5, within(1e-15));
        assertThat(TrapPopulation.insideFraction(-1, -1, 3, -1)).isCloseTo(0.5 * 0.75 * 0.75, within(1e-15));
        // Saddles: both diagonals' corners with the four mid-edge crossings, a hexagon of 3/4.
        assertThat(TrapPopulation.insideFraction(1, -1, 1, -1)).isCloseTo(0.75, within(1e-15));
        assertThat(TrapPopulation.insideFraction(-1, 1, -1, 1)).isCloseTo(0.75, within(1e-15));
    }

    /**
     * The count of a bin is the inverse of the Poisson distribution function at its uniform u: the
     * smallest k with F(k) > u (Commons Math's F), on both sides of every step of F, cut at
     * {@link TrapPopulation#MAX_PER_BIN} − 1.
     */
    @Test
    void theBinCountInvertsThePoissonDistributionFunction() {
        for (double mean : new double[] {0.15, 2.5, 30}) {
            PoissonDistribution poisson = new PoissonDistribution(mean);
            for (int k = 0; k < 60 && poisson.cumulativeProbability(k) < 1 - 1e-9; k++) {
                double f = poisson.cumulativeProbability(k);
                double gap = 1e-9 * f;
                assertThat(TrapPopulation.poisson(mean, f - gap)).as("mean %s, below F(%d)", mean, k).isEqualTo(k);
                assertThat(TrapPopulation.poisson(mean, f + gap)).as("mean %s, above F(%d)", mean, k).isEqualTo(k + 1);
            }
            assertThat(TrapPopulation.poisson(mean, 0)).isEqualTo(0);
        }
        assertThat(TrapPopulation.poisson(200, 0.5)).isEqualTo(TrapPopulation.MAX_PER_BIN - 1);
    }

    /**
     * A round channel of radius R centred on the map's left edge: the traps beside it meet the
     * contour r = R, and the chord from there along the contour normal, through the centre, ends at
     * the map's edge after R, so the width is the disc's on that chord, (√π/2)·R, smaller than the
     * half-disc area's side √(π/2)·R. The contour lies within δ = h²/(8(R − h)) of r = R
     * (TrapPopulationTest); the chord's direction from central differences of the interpolant, off
     * by an angle θ, lengthens it by R(1/cos θ − 1): the bound below allows 2δ + 0.02 R (θ ≤ 11°).
     */
    @Test
    void aPathCutByTheMapsEdgeEndsItsChordThere() {
        double h = 0.25;
        double r = 2.0;
        Grid2D g = TrapPopulationTest.grid(h, 10);
        double[] phi = new double[g.size()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                double d = Math.hypot(g.x(i), g.y(j) - 0.5 * g.height());
                phi[g.index(i, j)] = 0.5 * (1 - Math.tanh((d - r) / 0.5));
            }
        }
        double delta = h * h / (8 * (r - h));
        int seen = 0;
        for (long seed = 0; seed < 10; seed++) {
            TrapPopulation t = new TrapPopulation(TrapParameters.DEFAULT.toBuilder().arealDensity(0.5).build(), seed);
            t.update(g, phi);
            for (TrapPopulation.Trap trap : t.traps()) {
                double radial = Math.hypot(trap.x(), trap.y() - 0.5 * g.height()) - r;
                assertThat(trap.distance()).as("trap %s", trap).isCloseTo(radial, within(h / 4));
                assertThat(trap.width()).as("trap %s", trap)
                        .isCloseTo(0.5 * Math.sqrt(Math.PI) * r, within(0.5 * Math.sqrt(Math.PI) * (2 * delta + 0.02 * r)));
                seen++;
            }
        }
        assertThat(seen).isGreaterThan(20);
    }

    /** An elliptic channel of semi-axes (ax, ay) nm centred at (cx, cy): its φ = 1/2 contour is the ellipse itself. */
    private static double[] ellipse(Grid2D g, double cx, double cy, double ax, double ay) {
        double[] phi = new double[g.size()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                double rho = Math.hypot((g.x(i) - cx) / ax, (g.y(j) - cy) / ay) - 1;
                phi[g.index(i, j)] = 0.5 * (1 - Math.tanh(rho * Math.min(ax, ay) / 0.5));
            }
        }
        return phi;
    }

    /** The widths of the traps of seeds 0–19 beside {@code phi}, at density 0.5 nm⁻². */
    private static double[] widths(Grid2D g, double[] phi) {
        List<Double> out = new ArrayList<>();
        for (long seed = 0; seed < 20; seed++) {
            TrapPopulation t = new TrapPopulation(TrapParameters.DEFAULT.toBuilder().arealDensity(0.5).build(), seed);
            t.update(g, phi);
            t.traps().forEach(trap -> out.add(trap.width()));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Beside an elongated channel the width is the smaller of the side of its area's square and the
     * disc on the chord where the trap meets it: across the channel (its sides) the chord is short,
     * along it (its tips) the area's side √(π a b) is the smaller. So every width is at most √(π a b)
     * and the tips' traps reach it: the area counts, here whole inside the map and, for the same
     * ellipse cut in half by the map's edge (its half and quarter edge cells), half of it. Tolerance:
     * the marching-squares area is off by at most P·7h²/(24ρ) (contour shift h²/(8ρ) and chords'
     * cut h²/(6ρ) per length of the perimeter P, ρ = b²/a the smallest radius of curvature), so a
     * by half that relative error (measured: the largest width of the sampled traps is 0.15 % below
     * √(π a b) whole and half).
     */
    @Test
    void anElongatedChannelsWidthIsCappedByTheSideOfItsArea() {
        double h = 0.25;
        Grid2D g = TrapPopulationTest.grid(h, 12);
        double a = 4;
        double b = 1.5;
        double perimeter = Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
        double rho = b * b / a;
        double areaError = perimeter * 7 * h * h / (24 * rho);
        double whole = Math.PI * a * b;
        double[][] cases = {{6, 6, whole}, {6, 0, whole / 2}};
        for (double[] c : cases) {
            // The major axis along y; at y = 0 the map's edge cuts the ellipse across it, and the chord from
            // the one tip left to that edge, (√π/2)·a = 3.54 nm, stays above the half area's side, 3.07 nm.
            double[] w = widths(g, ellipse(g, c[0], c[1], b, a));
            double side = Math.sqrt(c[2]);
            double tolerance = side * 0.5 * areaError / c[2];
            assertThat(w).as("centre y = %s", c[1]).isNotEmpty();
            assertThat(Arrays.stream(w).max().orElseThrow()).as("centre y = %s", c[1])
                    .isBetween(side - tolerance, side + tolerance);
            assertThat(Arrays.stream(w).min().orElseThrow()).as("across, centre y = %s", c[1])
                    .isLessThan(0.9 * side);
        }
    }
}
