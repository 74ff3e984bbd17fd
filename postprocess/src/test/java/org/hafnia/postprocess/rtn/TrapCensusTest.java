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
        double[] phi = new double[GRID.size()];
        for (int j = 0; j < GRID.ny(); j++) {
            for (int i = 0; i < GRID.nx(); i++) {
                double r = Math.hypot(GRID.x(i) - 6, GRID.y(j) - 6);
                phi[GRID.index(i, j)] = 0.5 * (1 - Math.tanh((r - 1.5) / 0.5));
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

    @Test
    void aTrapWhoseSiteDissolvesIsCountedDissolvedAndTheOthersPersistUnchanged() {
        double[] phi = channel();
        long seed = seedWith(2, phi);
        TrapCensus fresh = census(seed, phi);
        TrapCensus.Entry gone = fresh.traps().get(0);
        double[] changed = phi.clone();
        changed[gone.trap().site()] = 0.02;
        TrapCensus.Attribution a = census(seed, changed).against(fresh);
        double own = fresh.traps().stream().filter(e -> e.trap().site() == gone.trap().site())
                .mapToDouble(TrapCensus.Entry::variance).sum();
        assertThat(a.dissolved()).isEqualTo(own);
        assertThat(a.completed()).isZero();
        assertThat(a.outOfReach()).isZero();
        assertThat(a.appeared()).isZero();
        // The conducting region is untouched, so every other trap keeps its geometry and step.
        assertThat(a.persisting()).isZero();
        assertThat(a.now()).isCloseTo(a.before() - own, within(1e-12 * a.before()));
    }

    @Test
    void aTrapWhoseSiteCompletesIsCountedCompletedAndTheBalanceCloses() {
        double[] phi = channel();
        long seed = seedWith(2, phi);
        TrapCensus fresh = census(seed, phi);
        TrapCensus.Entry gone = fresh.traps().get(0);
        double[] changed = phi.clone();
        changed[gone.trap().site()] = 0.97;
        TrapCensus.Attribution a = census(seed, changed).against(fresh);
        double own = fresh.traps().stream().filter(e -> e.trap().site() == gone.trap().site())
                .mapToDouble(TrapCensus.Entry::variance).sum();
        assertThat(a.completed()).isEqualTo(own);
        assertThat(a.dissolved()).isZero();
        // The path grew by one node: the others' steps change, and the balance still closes.
        assertThat(a.now()).isCloseTo(a.before() - a.vanished() + a.appeared() + a.persisting(),
                within(1e-12 * a.before()));
    }

    @Test
    void aTrapWhoseSiteReturnsToTheWindowAppears() {
        double[] phi = channel();
        long seed = seedWith(2, phi);
        TrapCensus fresh = census(seed, phi);
        TrapCensus.Entry back = fresh.traps().get(0);
        double[] dissolved = phi.clone();
        dissolved[back.trap().site()] = 0.02;
        // From the dissolved map back to the seeded one: the site's traps appear again, the rest persist.
        TrapCensus.Attribution a = fresh.against(census(seed, dissolved));
        double own = fresh.traps().stream().filter(e -> e.trap().site() == back.trap().site())
                .mapToDouble(TrapCensus.Entry::variance).sum();
        assertThat(a.appeared()).isEqualTo(own);
        assertThat(a.vanished()).isZero();
        assertThat(a.persisting()).isZero();
    }

    @Test
    void vanishedTrapsAddUpOverTheirCauses() {
        double[] phi = channel();
        long seed = seedWith(2, phi);
        TrapCensus fresh = census(seed, phi);
        TrapCensus.Entry first = fresh.traps().get(0);
        TrapCensus.Entry other = fresh.traps().stream().filter(e -> e.trap().site() != first.trap().site()).findFirst()
                .orElseThrow();
        double[] changed = phi.clone();
        changed[first.trap().site()] = 0.02;
        changed[other.trap().site()] = 0.97;
        TrapCensus.Attribution a = census(seed, changed).against(fresh);
        assertThat(a.dissolved()).isPositive();
        assertThat(a.completed()).isPositive();
        assertThat(a.vanished()).isEqualTo(a.dissolved() + a.completed() + a.outOfReach());
    }

    @Test
    void trapsLeftWithoutAPathAreOutOfReachAndTheDissolvedOnesApart() {
        double[] phi = channel();
        long seed = seedWith(2, phi);
        TrapCensus fresh = census(seed, phi);
        double[] noPath = phi.clone();
        for (int p = 0; p < noPath.length; p++) {
            noPath[p] = Math.min(noPath[p], 0.45);
        }
        TrapCensus.Entry gone = fresh.traps().get(0);
        noPath[gone.trap().site()] = 0.02;
        // A site left exactly at φ_min is still partially reduced (φ_min ≤ φ): out of reach, not dissolved.
        fresh.traps().stream().filter(e -> e.trap().site() != gone.trap().site()).findFirst()
                .ifPresent(e -> noPath[e.trap().site()] = P.phiMin());
        TrapCensus now = census(seed, noPath);
        TrapCensus.Attribution a = now.against(fresh);
        double own = fresh.traps().stream().filter(e -> e.trap().site() == gone.trap().site())
                .mapToDouble(TrapCensus.Entry::variance).sum();
        assertThat(now.traps()).isEmpty();
        assertThat(a.dissolved()).isEqualTo(own);
        double rest = fresh.telegraphVariance() - own;
        assertThat(a.outOfReach()).isPositive().isCloseTo(rest, within(1e-12 * fresh.telegraphVariance()));
        assertThat(a.vanished()).isCloseTo(fresh.telegraphVariance(), within(1e-12 * fresh.telegraphVariance()));
        assertThat(a.completed() + a.appeared() + a.persisting()).isZero();
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
