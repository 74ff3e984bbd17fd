package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

/**
 * The Langevin noise of the device's kinetics (physics.md §1.3) against equilibrium statistical
 * mechanics: in a harmonic well of curvature S per site a node of N sites holds φ with the
 * equipartition variance k_BT/(N S) at every step length, and nodes coupled by the gradient energy
 * hold the Gaussian of their Hessian, covariance k_BT (N H)⁻¹ (inverted by Commons Math); the draws are
 * seeded per device, reproducible, carried by a copy and resumed from the step counter. The statistical
 * tolerances are four standard errors of the sample variance, estimated by batch means of the series.
 */
class FilmDeviceNoiseTest {

    private static final Grid2D GRID = new Grid2D(4, 4, 0.5, 0.5, LengthUnit.NANOMETRE);
    private static final double THICKNESS = 5e-9;
    private static final double SITE_VOLUME = 0.036;
    /** Curvature of the test well, eV per site (the default double well's 32 W = 9.6 eV). */
    private static final double S = 10;
    /** A mobile ion (E_a 0.5 eV) so that a node relaxes in tens of ns at ambient: the statistics need no heat. */
    private static final double EA = 0.5;

    /** f = S/2 (φ − ½)²: its minimum inside [0, 1], so the clip never acts on a few-σ excursion. */
    private static final FreeEnergyDensity WELL = new FreeEnergyDensity() {
        @Override
        public double value(double phi) {
            return S / 2 * (phi - 0.5) * (phi - 0.5);
        }

        @Override
        public double derivative(double phi) {
            return S * (phi - 0.5);
        }

        @Override
        public double maxCurvature() {
            return S;
        }

        @Override
        public String name() {
            return "harmonic";
        }

        @Override
        public String unit() {
            return "eV";
        }
    };

    private static FilmDevice.Model model(FreeEnergyDensity energy, double kappa, double ambient, double damping) {
        return new FilmDevice.Model(GRID, THICKNESS, energy, SITE_VOLUME, kappa, 1e13, EA, 1, 2, 0.3,
                new LogLinearConductivity(1e-2, 1e5), new FilmHeat.Parameters(THICKNESS, 0.7, 2.8e6, 0, 0, 0, ambient),
                0, -0.15, 1e-6).withStepping(new FilmDevice.Stepping(0.5, 1, damping)).withThermalNoise(true);
    }

    /** φ of every node after each of {@code samples} idle segments of {@code dt} ({@code steps} steps each), after a burn-in. */
    private static double[][] series(FilmDevice.Model m, double dt, int steps, int samples, long seed) {
        double[] half = new double[GRID.size()];
        Arrays.fill(half, 0.5);
        FilmDevice d = new FilmDevice(m, half, seed, null);
        for (int n = 0; n < 200; n++) {
            d.idle(dt);
        }
        double[][] x = new double[samples][];
        for (int n = 0; n < samples; n++) {
            d.idle(dt);
            x[n] = d.phi();
        }
        assertThat(d.steps()).as("steps per idle segment").isEqualTo(steps * (200L + samples));
        return x;
    }

    /** Per node its sample covariance with node {@code other(k)}, and four batch-means standard errors of their mean. */
    private static double[] meanRatioAndTolerance(double[][] x, double[] expected, int[] partner) {
        boolean[] all = new boolean[expected.length];
        Arrays.fill(all, true);
        return meanRatioAndTolerance(x, expected, partner, all);
    }

    /** The same over the nodes marked in {@code of}. */
    private static double[] meanRatioAndTolerance(double[][] x, double[] expected, int[] partner, boolean[] of) {
        int samples = x.length;
        int nodes = expected.length;
        int marked = 0;
        for (boolean b : of) {
            marked += b ? 1 : 0;
        }
        double[] mean = new double[nodes];
        for (double[] row : x) {
            for (int k = 0; k < nodes; k++) {
                mean[k] += row[k] / samples;
            }
        }
        int batches = 50;
        int per = samples / batches;
        double[] batch = new double[batches];
        for (int b = 0; b < batches; b++) {
            double r = 0;
            for (int n = b * per; n < (b + 1) * per; n++) {
                for (int k = 0; k < nodes; k++) {
                    if (of[k]) {
                        r += (x[n][k] - mean[k]) * (x[n][partner[k]] - mean[partner[k]]) / expected[k];
                    }
                }
            }
            batch[b] = r / (per * marked);
        }
        double all = Arrays.stream(batch).average().orElseThrow();
        double var = Arrays.stream(batch).map(v -> (v - all) * (v - all)).sum() / (batches - 1);
        return new double[] {all, 4 * Math.sqrt(var / batches)};
    }

    /** The zero-flux grid's neighbours of each node. */
    private static int[][] neighbours() {
        int[][] n = new int[GRID.size()][];
        for (int j = 0; j < GRID.ny(); j++) {
            for (int i = 0; i < GRID.nx(); i++) {
                int[] list = new int[4];
                int count = 0;
                for (int[] o : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    int ii = i + o[0];
                    int jj = j + o[1];
                    if (ii >= 0 && ii < GRID.nx() && jj >= 0 && jj < GRID.ny()) {
                        list[count++] = GRID.index(ii, jj);
                    }
                }
                n[GRID.index(i, j)] = Arrays.copyOf(list, count);
            }
        }
        return n;
    }

    /** Each node's east neighbour (its west one on the last column). */
    private static int[] east() {
        int[] e = new int[GRID.size()];
        for (int j = 0; j < GRID.ny(); j++) {
            for (int i = 0; i < GRID.nx(); i++) {
                e[GRID.index(i, j)] = GRID.index(i < GRID.nx() - 1 ? i + 1 : i - 1, j);
            }
        }
        return e;
    }

    /** m(k, partner[k]) per node. */
    private static double[] entries(RealMatrix m, int[] partner) {
        double[] v = new double[partner.length];
        Arrays.setAll(v, k -> m.getEntry(k, partner[k]));
        return v;
    }

    private static int[] self() {
        int[] p = new int[GRID.size()];
        Arrays.setAll(p, k -> k);
        return p;
    }

    @Test
    void anIsolatedNodeHoldsTheEquipartitionVarianceAtAnyStepLengthAndTemperature() {
        double n = model(WELL, 0, 300, 100).sitesPerNode();
        assertThat(n).isCloseTo(0.5 * 0.5 * 5 / SITE_VOLUME, within(1e-9));
        for (double ambient : new double[] {300, 600}) {
            FilmDevice.Model m = model(WELL, 0, ambient, 100);
            double kT = PhysicalConstants.BOLTZMANN_EV_PER_K * ambient;
            double[] equipartition = new double[GRID.size()];
            Arrays.fill(equipartition, kT / (n * S));
            // a = Δt λ S, the step's own damping: from well resolved (Euler–Maruyama would be 9 % low at 0.2)
            // to ten relaxation times per step (Euler–Maruyama: 1/6 of the variance).
            for (double a : new double[] {0.2, 1, 10}) {
                double dt = a / (m.siteMobility(ambient) * S);
                double[][] x = series(m, dt, 1, 20_000, 7);
                double[] r = meanRatioAndTolerance(x, equipartition, self());
                assertThat(Math.abs(r[0] - 1)).as("variance / k_BT(N S) at %s K, a = %s: %s ± %s", ambient, a, r[0], r[1])
                        .isLessThanOrEqualTo(r[1]);
                assertThat(r[1]).as("the test resolves Euler–Maruyama's 2/(2 + a)").isLessThan(a / (2 + a));
                double mean = Arrays.stream(x).flatMapToDouble(Arrays::stream).average().orElseThrow();
                assertThat(Math.abs(mean - 0.5)).as("no drift at 0 V").isLessThan(4 * Math.sqrt(kT / (n * S)) / 20);
            }
        }
    }

    @Test
    void nodesCoupledByTheGradientEnergyHoldTheGaussianOfTheirHessian() {
        // vκ/h² = 0.47 S, the default case's coupling (κ 31 eV/nm, v 0.036 nm³, h 0.5 nm, 32 W = 9.6 eV).
        double c = 0.47 * S;
        double kappa = c * 0.25 / SITE_VOLUME;
        FilmDevice.Model m = model(WELL, kappa, 300, 0.1);
        int size = GRID.size();
        RealMatrix h = MatrixUtils.createRealIdentityMatrix(size).scalarMultiply(S);
        int[][] neighbours = neighbours();
        for (int k = 0; k < size; k++) {
            for (int l : neighbours[k]) {
                h.addToEntry(k, k, c);
                h.addToEntry(k, l, -c);
            }
        }
        double scale = PhysicalConstants.BOLTZMANN_EV_PER_K * 300 / m.sitesPerNode();
        RealMatrix cov = new LUDecomposition(h).getSolver().getInverse().scalarMultiply(scale);
        double[] variance = entries(cov, self());
        int[] east = east();
        double[] eastCov = entries(cov, east);
        // An idle of Δt λ S = 0.5 is a damping a = Δt λ (S + 4c) = 1.44 at the hottest node: 15 steps of 0.1.
        double dt = 0.5 / (m.siteMobility(300) * S);
        double[][] x = series(m, dt, 15, 4000, 11);
        // At damping 0.1 the linearised step's stationary covariance (its discrete Lyapunov equation on this grid)
        // is low by 0.5 % in the node variances and by 4.1 % in the neighbour covariances: the scheme's first-order
        // bias, on top of the statistics.
        double[] r = meanRatioAndTolerance(x, variance, self());
        assertThat(Math.abs(r[0] - 1)).as("node variance / exact: %s ± %s", r[0], r[1]).isLessThanOrEqualTo(0.005 + r[1]);
        double[] e = meanRatioAndTolerance(x, eastCov, east);
        assertThat(Math.abs(e[0] - 1)).as("neighbour covariance / exact: %s ± %s", e[0], e[1]).isLessThanOrEqualTo(0.041 + e[1]);
        // Why the damping is bounded: in one step of a = 1.44 neighbours updated together lose half their covariance.
        double[][] y = series(model(WELL, kappa, 300, 100), 2 * dt, 1, 4000, 11);
        double[] loose = meanRatioAndTolerance(y, eastCov, east);
        assertThat(loose[0] + loose[1]).as("neighbour covariance at one long step").isLessThan(0.7);
    }

    /**
     * In the harmonic well the step is linear, y' = A y + w with A = (I + r C)/(1 + a) per row (r = Δt λ, C the
     * neighbour weights vκ/h², a = r (S + D) with D each node's own sum of them) and var w = 2 r k_BT (1 + a/2)/N
     * /(1 + a)², so its stationary covariance solves the discrete Lyapunov equation P = A P Aᵀ + Q exactly, at any
     * damping. One step of Δt λ S = 2 per sample (a = 2.9 at the corners, 5.8 inside), where neighbours decorrelate
     * and each node's own D in its factor matters: corner, edge and interior nodes are compared apart, variances and
     * neighbour covariances, against P (summed by doubling with Commons Math); the tolerances are statistical alone.
     */
    @Test
    void atAnyDampingTheStepHoldsTheStationaryCovarianceOfItsLinearisation() {
        double c = 0.47 * S;
        double kappa = c * 0.25 / SITE_VOLUME;
        FilmDevice.Model m = model(WELL, kappa, 300, 100);
        double lambda = m.siteMobility(300);
        double dt = 2 / (lambda * S);
        double r = dt * lambda;
        double kT = PhysicalConstants.BOLTZMANN_EV_PER_K * 300;
        int size = GRID.size();
        RealMatrix a = MatrixUtils.createRealMatrix(size, size);
        RealMatrix q = MatrixUtils.createRealMatrix(size, size);
        int[][] neighbours = neighbours();
        for (int k = 0; k < size; k++) {
            double damping = r * (S + c * neighbours[k].length);
            a.setEntry(k, k, 1 / (1 + damping));
            for (int l : neighbours[k]) {
                a.setEntry(k, l, r * c / (1 + damping));
            }
            q.setEntry(k, k, 2 * r * kT * (1 + damping / 2) / m.sitesPerNode() / ((1 + damping) * (1 + damping)));
        }
        // P = Σ Aⁿ Q (Aⁿ)ᵀ by doubling: P_2n = P_n + Aⁿ P_n (Aⁿ)ᵀ; ‖A‖ < 0.8 here, so 2⁸ terms leave < 10⁻²⁴ of it.
        RealMatrix p = q;
        RealMatrix power = a;
        for (int n = 0; n < 8; n++) {
            p = p.add(power.multiply(p).multiply(power.transpose()));
            power = power.multiply(power);
        }
        double[][] x = series(m, dt, 1, 40_000, 13);
        double[] variance = entries(p, self());
        int[] east = east();
        double[] eastCov = entries(p, east);
        for (int count = 2; count <= 4; count++) {
            int kind = count;
            boolean[] nodes = new boolean[size];
            for (int k = 0; k < size; k++) {
                nodes[k] = neighbours[k].length == kind;
            }
            double[] v = meanRatioAndTolerance(x, variance, self(), nodes);
            assertThat(Math.abs(v[0] - 1)).as("variance / Lyapunov, %s neighbours: %s ± %s", kind, v[0], v[1])
                    .isLessThanOrEqualTo(v[1]);
            double[] e = meanRatioAndTolerance(x, eastCov, east, nodes);
            assertThat(Math.abs(e[0] - 1)).as("covariance / Lyapunov, %s neighbours: %s ± %s", kind, e[0], e[1])
                    .isLessThanOrEqualTo(e[1]);
            assertThat(v[1]).as("resolved").isLessThan(0.1);
        }
    }

    /**
     * The bound on the damping costs steps only where the mobility is high: a read near ambient (E_a 1.2 eV) is one
     * step with noise as without, while the steps of a hot pulse (its channel reaches ≈ 2 000 K in its first
     * picoseconds) grow as the bound tightens, ≈ 1/damping where it binds (here 7× from 1 to 0.1 of an ideal 10×,
     * the first steps being bound by the growth control instead), and a bound of 100 binds nowhere.
     */
    @Test
    void theNoiseCostsStepsOnlyWhereTheFilmIsHot() {
        FilmDevice.Model m = model(new DoubleWellEnergy(0.3, -0.0176, "eV"), 31, 300, 0.1).withActivationEnergy(1.2);
        double[] start = new double[GRID.size()];
        Arrays.setAll(start, k -> 0.2 + 0.04 * k);
        FilmDevice noisy = new FilmDevice(m, start, 5, null);
        FilmDevice plain = new FilmDevice(m.withThermalNoise(false), start, 5, null);
        for (FilmDevice d : new FilmDevice[] {noisy, plain}) {
            d.pulse(-0.15, 1e-6);
        }
        assertThat(plain.steps()).as("a quiet read is one step").isOne();
        assertThat(noisy.steps()).as("with noise too").isOne();
        // A channel across the map (its left half at φ = 1) carries the pulse's current and heats.
        double[] channel = new double[GRID.size()];
        Arrays.setAll(channel, k -> k % GRID.nx() < GRID.nx() / 2 ? 1 : 0.2);
        long[] steps = new long[4];
        double[] damping = {Double.NaN, 100, 1, 0.1};
        for (int n = 0; n < 4; n++) {
            FilmDevice.Model v = n == 0 ? m.withThermalNoise(false) : m.withStepping(new FilmDevice.Stepping(0.5, 1, damping[n]));
            FilmDevice d = new FilmDevice(v, channel, 5, null);
            d.pulse(-0.9, 5e-9);
            steps[n] = d.steps();
        }
        assertThat(steps[1]).as("no bound binds: %s", Arrays.toString(steps)).isEqualTo(steps[0]);
        assertThat(steps[2]).isGreaterThan(steps[1]);
        assertThat(steps[3]).isGreaterThan(4 * steps[2]);
    }

    @Test
    void theDrawsAreSeededPerDeviceReproducibleCopiedAndResumedFromTheStepCounter() {
        FilmDevice.Model m = model(new DoubleWellEnergy(0.3, -0.0176, "eV"), 31, 300, 0.1);
        double[] start = new double[GRID.size()];
        Arrays.setAll(start, k -> 0.2 + 0.04 * k);
        FilmDevice a = new FilmDevice(m, start, 5, null);
        FilmDevice b = new FilmDevice(m, start, 5, null);
        FilmDevice other = new FilmDevice(m, start, 6, null);
        FilmDevice quiet = new FilmDevice(m.withThermalNoise(false), start, 5, null);
        FilmDevice quietOther = new FilmDevice(m.withThermalNoise(false), start, 6, null);
        for (FilmDevice d : new FilmDevice[] {a, b, other, quiet, quietOther}) {
            d.pulse(-0.3, 1e-8);
            d.idle(1e-6);
        }
        assertThat(a.phi()).isEqualTo(b.phi());
        assertThat(a.phi()).isNotEqualTo(other.phi());
        assertThat(quiet.phi()).as("without noise the seed moves nothing").isEqualTo(quietOther.phi());
        assertThat(a.phi()).isNotEqualTo(quiet.phi());

        FilmDevice copy = a.copy();
        FilmDevice rebuilt = new FilmDevice(m, a.phi(), 5, null);
        rebuilt.heat().restore(savedHeat(a));
        rebuilt.resumeSteps(a.steps());
        FilmDevice notResumed = new FilmDevice(m, a.phi(), 5, null);
        notResumed.heat().restore(savedHeat(a));
        for (FilmDevice d : new FilmDevice[] {a, copy, rebuilt, notResumed}) {
            d.pulse(0.3, 1e-8);
            d.idle(1e-6);
        }
        assertThat(copy.phi()).isEqualTo(a.phi());
        assertThat(rebuilt.phi()).as("a checkpointed device resumed at its step counter").isEqualTo(a.phi());
        assertThat(notResumed.phi()).as("the counter keys the draws").isNotEqualTo(a.phi());
        assertThatThrownBy(() -> rebuilt.resumeSteps(-1)).isInstanceOf(IllegalArgumentException.class);
        notResumed.resumeSteps(0);
        assertThat(notResumed.steps()).isZero();
    }

    private static double[] savedHeat(FilmDevice d) {
        double[] s = new double[2 * GRID.size()];
        d.heat().save(s);
        return s;
    }
}
