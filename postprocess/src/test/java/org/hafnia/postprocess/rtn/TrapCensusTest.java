package org.hafnia.postprocess.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.traps.TrapParameters;
import org.hafnia.physics.traps.TrapPopulation;
import org.junit.jupiter.api.Test;

class TrapCensusTest {

    private static final TrapParameters P = TrapParameters.DEFAULT;
    private static final double VOLTS = -0.2;
    private static final double G = 1e-4;
    private static final Grid2D GRID = new Grid2D(48, 48, 0.25, 0.25, LengthUnit.NANOMETRE);

    /** A round tanh channel φ = (1 − tanh((r − 1.5 nm)/0.5 nm))/2 in the middle of the 12 nm square. */
    private static double[] channel() {
        return channel(1.5);
    }

    /** A round tanh channel of radius {@code radius} nm, interface 0.5 nm, in the middle of the 12 nm square. */
    private static double[] channel(double radius) {
        double[] phi = new double[GRID.size()];
        for (int j = 0; j < GRID.ny(); j++) {
            for (int i = 0; i < GRID.nx(); i++) {
                double r = Math.hypot(GRID.x(i) - 6, GRID.y(j) - 6);
                phi[GRID.index(i, j)] = 0.5 * (1 - Math.tanh((r - radius) / 0.5));
            }
        }
        return phi;
    }

    private static TrapCensus census(long seed, double[] phi) {
        return TrapCensus.of(P, seed, GRID, phi, G, VOLTS, 1e-6, 300);
    }

    /** The first seed from 0 whose traps on {@code phi} number at least {@code n}. */
    private static long seedWith(int n, double[] phi) {
        long seed = 0;
        while (census(seed, phi).traps().size() < n) {
            seed++;
        }
        return seed;
    }

    /**
     * The first seed from 0 with at least two traps, one of them more than 2 cells from the path (so
     * the four nodes of its cell are partially reduced oxide, none of the path).
     */
    private static long seedWithAFarTrap(double[] phi) {
        long seed = 0;
        while (census(seed, phi).traps().size() < 2 || farthest(census(seed, phi)).trap().distance() <= 2 * GRID.dx()) {
            seed++;
        }
        return seed;
    }

    @Test
    void telegraphVarianceIsTheStationaryVarianceOfTheSampledTraps() {
        double[] phi = channel();
        long seed = seedWith(3, phi);
        TrapCensus c = census(seed, phi);
        TrapPopulation t = new TrapPopulation(P, seed);
        t.update(GRID, phi);
        // Samples 20 (τ0 + τ1) apart are independent to e⁻²⁰ (the chain's correlation decays as
        // exp(−t (1/τ0 + 1/τ1))).
        double gap = 20 * (P.chargedLifetime().tau(VOLTS) + P.neutralLifetime().tau(VOLTS));
        int n = 20_000;
        double[] x = new double[n];
        double mean = 0;
        for (int k = 0; k < n; k++) {
            t.advance(gap, VOLTS);
            x[k] = t.conductanceChange(VOLTS);
            mean += x[k] / n;
        }
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d / n;
            m4 += d * d * d * d / n;
        }
        // The sample variance's standard error is √((μ4 − σ⁴)/N); 4 of them.
        assertThat(m2).isCloseTo(c.telegraphVariance(), within(4 * Math.sqrt((m4 - m2 * m2) / n)));
        assertThat(c.telegraphVariance()).isPositive();
    }

    /** Sets φ of the four nodes around {@code t} (the cell its interpolated φ comes from) to {@code value}. */
    private static void setAround(double[] phi, TrapPopulation.Trap t, double value) {
        int i0 = Math.max(0, Math.min((int) Math.floor(t.x() / GRID.dx() - 0.5), GRID.nx() - 2));
        int j0 = Math.max(0, Math.min((int) Math.floor(t.y() / GRID.dy() - 0.5), GRID.ny() - 2));
        for (int j = j0; j <= j0 + 1; j++) {
            for (int i = i0; i <= i0 + 1; i++) {
                phi[GRID.index(i, j)] = value;
            }
        }
    }

    /** Σ variance of the traps of {@code from} whose key {@code to} does not hold. */
    private static double missing(TrapCensus from, TrapCensus to) {
        return from.traps().stream().filter(e -> to.traps().stream().noneMatch(f -> f.trap().key() == e.trap().key()))
                .mapToDouble(TrapCensus.Entry::variance).sum();
    }

    /** The trap of {@code c} farthest from its path (its cell is partially reduced oxide, not path). */
    private static TrapCensus.Entry farthest(TrapCensus c) {
        return c.traps().stream().max(java.util.Comparator.comparingDouble(e -> e.trap().distance())).orElseThrow();
    }

    /** The trap of {@code c} nearest to its path. */
    private static TrapCensus.Entry nearest(TrapCensus c) {
        return c.traps().stream().min(java.util.Comparator.comparingDouble(e -> e.trap().distance())).orElseThrow();
    }

    @Test
    void aTrapWhoseRegionDissolvesIsCountedDissolvedAndTheOthersPersistUnchanged() {
        double[] phi = channel();
        long seed = seedWithAFarTrap(phi);
        TrapCensus fresh = census(seed, phi);
        TrapCensus.Entry gone = farthest(fresh);
        double[] changed = phi.clone();
        setAround(changed, gone.trap(), 0.02);
        TrapCensus now = census(seed, changed);
        TrapCensus.Attribution a = now.against(fresh);
        assertThat(now.find(gone.trap())).isNull();
        assertThat(a.dissolved()).isGreaterThanOrEqualTo(gone.variance()).isEqualTo(missing(fresh, now));
        assertThat(a.completed()).isZero();
        assertThat(a.outOfReach()).isZero();
        assertThat(a.appeared()).isZero();
        // The conducting region is untouched, so every other trap keeps its geometry and step.
        assertThat(a.persisting()).isZero();
        assertThat(a.now()).isCloseTo(a.before() - a.dissolved(), within(1e-12 * a.before()));
    }

    @Test
    void aTrapWhoseRegionCompletesIsCountedCompletedAndTheBalanceCloses() {
        double[] phi = channel();
        long seed = seedWith(2, phi);
        TrapCensus fresh = census(seed, phi);
        TrapCensus.Entry gone = nearest(fresh);
        double[] changed = phi.clone();
        setAround(changed, gone.trap(), 0.97);
        TrapCensus now = census(seed, changed);
        TrapCensus.Attribution a = now.against(fresh);
        assertThat(now.find(gone.trap())).isNull();
        assertThat(a.completed()).isGreaterThanOrEqualTo(gone.variance());
        assertThat(a.dissolved()).isZero();
        assertThat(a.vanished()).isEqualTo(missing(fresh, now));
        assertThat(a.appeared()).isEqualTo(missing(now, fresh));
        // The path grew: the others' steps change, and the balance still closes.
        assertThat(a.now()).isCloseTo(a.before() - a.vanished() + a.appeared() + a.persisting(),
                within(1e-12 * a.before()));
    }

    @Test
    void aTrapWhoseRegionReturnsToTheWindowAppears() {
        double[] phi = channel();
        long seed = seedWithAFarTrap(phi);
        TrapCensus fresh = census(seed, phi);
        double[] dissolved = phi.clone();
        setAround(dissolved, farthest(fresh).trap(), 0.02);
        TrapCensus gone = census(seed, dissolved);
        // From the dissolved map back to the seeded one: those traps appear again, the rest persist.
        TrapCensus.Attribution a = fresh.against(gone);
        assertThat(a.appeared()).isPositive().isEqualTo(missing(fresh, gone));
        assertThat(a.vanished()).isZero();
        assertThat(a.persisting()).isZero();
    }

    @Test
    void vanishedTrapsAddUpOverTheirCauses() {
        double[] phi = channel();
        long seed = seedWithAFarTrap(phi);
        TrapCensus fresh = census(seed, phi);
        double[] changed = phi.clone();
        setAround(changed, farthest(fresh).trap(), 0.02);
        setAround(changed, nearest(fresh).trap(), 0.97);
        TrapCensus.Attribution a = census(seed, changed).against(fresh);
        assertThat(a.dissolved()).isPositive();
        assertThat(a.completed()).isPositive();
        assertThat(a.vanished()).isEqualTo(a.dissolved() + a.completed() + a.outOfReach());
    }

    @Test
    void trapsLeftWithoutAPathAreOutOfReachAndTheDissolvedOnesApart() {
        double[] phi = channel();
        long seed = seedWithAFarTrap(phi);
        TrapCensus fresh = census(seed, phi);
        double[] noPath = phi.clone();
        for (int p = 0; p < noPath.length; p++) {
            noPath[p] = Math.min(noPath[p], 0.45);
        }
        TrapCensus.Entry gone = farthest(fresh);
        setAround(noPath, gone.trap(), 0.02);
        TrapCensus now = census(seed, noPath);
        TrapCensus.Attribution a = now.against(fresh);
        assertThat(now.traps()).isEmpty();
        assertThat(a.dissolved()).isGreaterThanOrEqualTo(gone.variance());
        assertThat(a.outOfReach()).isPositive();
        assertThat(a.vanished()).isCloseTo(fresh.telegraphVariance(), within(1e-12 * fresh.telegraphVariance()));
        assertThat(a.completed() + a.appeared() + a.persisting()).isZero();
    }

    @Test
    void theTrapsThatPersistBesideAWiderPathCarryTheirStepChange() {
        long seed = seedWith(4, channel());
        TrapCensus fresh = census(seed, channel());
        TrapCensus wider = census(seed, channel(1.8));
        TrapCensus.Attribution a = wider.against(fresh);
        double change = 0;
        int persisting = 0;
        for (TrapCensus.Entry e : fresh.traps()) {
            TrapCensus.Entry later = wider.find(e.trap());
            if (later != null) {
                change += later.variance() - e.variance();
                persisting++;
            }
        }
        assertThat(persisting).isPositive();
        assertThat(change).isNotZero();
        assertThat(a.persisting()).isEqualTo(change);
        assertThat(a.now()).isCloseTo(a.before() - a.vanished() + a.appeared() + a.persisting(),
                within(1e-12 * Math.max(a.before(), a.now())));
    }

    @Test
    void theReadSigmaAddsTheJohnsonFloorOfOneRead() {
        double[] phi = channel();
        TrapCensus c = census(seedWith(1, phi), phi);
        double johnson = 4 * 1.380649e-23 * 300 * G / (2 * 1e-6);
        assertThat(c.johnson()).isCloseTo(johnson, within(1e-12 * johnson));
        assertThat(c.readSigma()).isCloseTo(Math.sqrt(c.telegraphVariance() + johnson), within(1e-15));
    }
}
