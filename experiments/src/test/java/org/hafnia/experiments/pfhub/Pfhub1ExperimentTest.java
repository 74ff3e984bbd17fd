package org.hafnia.experiments.pfhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class Pfhub1ExperimentTest {

    private static final Pfhub1Experiment BENCHMARK = new Pfhub1Experiment(Pfhub1Experiment.Variation.A, 256, 1e-4);

    /** PFHub reports F(0) ≈ 319.0 (four digits: ±0.05) for the analytic initial condition. */
    @Test
    void initialFreeEnergyOnTheGridIsThePublished319() {
        assertThat(BENCHMARK.initialFreeEnergy()).isCloseTo(319.0, within(0.05));
    }

    @Test
    void reportTimesContainTheRequiredTimesAndEveryDecade() {
        double[] t = Pfhub1Experiment.reportTimes(10_000);
        assertThat(t).contains(0, 1, 5, 10, 20, 50, 100, 200, 500, 1000, 10_000);
        assertThat(t[t.length - 1]).isEqualTo(10_000);
    }

    /**
     * A short run on the benchmark grid: the discrete energy (from the discrete F(0), which
     * includes the wrap-around jump) falls between reports, and mass stays to round-off.
     */
    @Test
    void shortRunDecreasesEnergyAndConservesMass() {
        List<Pfhub1Experiment.Sample> s = BENCHMARK.run(2, t -> { });
        assertThat(s.get(0).time()).isZero();
        assertThat(s.get(s.size() - 1).time()).isEqualTo(2);
        double previous = BENCHMARK.discreteInitialFreeEnergy();
        for (int k = 1; k < s.size(); k++) {
            assertThat(s.get(k).freeEnergy()).isLessThan(previous);
            previous = s.get(k).freeEnergy();
            assertThat(Math.abs(s.get(k).mass() - s.get(0).mass()) / s.get(0).mass()).isLessThan(1e-12);
        }
        // mean c = 0.5 + O(ε) on 200 × 200
        assertThat(s.get(0).mass() / (200.0 * 200.0)).isCloseTo(0.5, within(0.01));
    }
}
