package org.hafnia.experiments.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hafnia.meshes.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The study's measurements and window on {@link FixtureDevice}, whose rules give closed-form expectations. */
class DenoiseStudyTest {

    private static final double WIDTH = 1e-6;
    private static final int COUNT = 10;
    private static final double[] AMPLITUDES = {-1.0, -0.6, -0.3, -0.1, -0.02, 0.02, 0.1, 0.3, 0.6, 1.0};

    private static DenoiseStudy.Sweep sweep(int threads) {
        return new DenoiseStudy.Sweep(AMPLITUDES, new double[] {WIDTH}, new int[] {COUNT}, WIDTH, -0.15, 1e-6, 1e-5,
                200, 3, 11, 0.5, 0.9, 0.9);
    }

    @Test
    void aTraceOfTheFixtureShowsItsTrapStepAndMeanConductance() {
        FixtureDevice d = new FixtureDevice(3);
        ReadTrace t = ReadTrace.measure(d, -0.15, 1e-6, 1e-5, 2000);
        // Two-level means from ≈ 1000 samples each with white σ = 0.05 µS: standard error
        // 0.05 µS / √1000 ≈ 1.6 nS per level; 5 standard errors of the difference in current.
        assertThat(t.step()).isCloseTo(0.15 * FixtureDevice.TRAP_STEP, within(5 * 0.15 * Math.sqrt(2) * 1.6e-9));
        double g = 0;
        for (double p : d.phi()) {
            g += FixtureDevice.G_NODE * p;
        }
        // Mean of the trap term is −step/2; its standard error over 2000 fair coin flips is step/(2√2000).
        assertThat(t.conductance()).isCloseTo(g - FixtureDevice.TRAP_STEP / 2, within(5 * FixtureDevice.TRAP_STEP / (2 * Math.sqrt(2000))));
        // σ of a fair two-level signal is step/2, with the white noise in quadrature.
        assertThat(t.sigma()).isCloseTo(Math.hypot(FixtureDevice.TRAP_STEP / 2, FixtureDevice.WHITE), within(0.1e-6));
    }

    @Test
    void theWindowIsWhereTheFixtureFringeDissolvesAndItsCoreSurvives() {
        DenoiseStudy.Result r = DenoiseStudy.run(FixtureDevice::new, FixtureDevice.SIGMA, sweep(2), 2, () -> { });
        // Closed forms of the fixture: the fringe loses its traps when COUNT·WIDTH·rate·sinh(|a|/V)
        // exceeds FRINGE_PHI − TRAP_PHI; the core is intact while it keeps 90 % of its conductance.
        double dose = COUNT * WIDTH;
        double low = Double.NaN;
        double high = Double.NaN;
        for (double a : AMPLITUDES) {
            boolean dissolves = dose * FixtureDevice.FRINGE_RATE * Math.sinh(-a / FixtureDevice.FRINGE_V)
                    >= FixtureDevice.FRINGE_PHI - FixtureDevice.TRAP_PHI;
            double coreDrop = dose * FixtureDevice.CORE_RATE * Math.sinh(-a / FixtureDevice.CORE_V);
            // Log-linear σ: the core's conductance falls by exp(−Δφ ln(σ_on/σ_off)).
            boolean survives = Math.exp(-coreDrop * Math.log(FixtureDevice.SIGMA.onConductivity()
                    / FixtureDevice.SIGMA.offConductivity())) >= 0.9;
            if (a < 0 && dissolves && survives) {
                low = Double.isNaN(low) ? -a : Math.min(low, -a);
                high = Double.isNaN(high) ? -a : Math.max(high, -a);
            }
        }
        assertThat(low).isEqualTo(0.1);
        assertThat(high).isEqualTo(0.6);
        assertThat(r.window().low()).isEqualTo(low);
        assertThat(r.window().high()).isEqualTo(high);
    }

    @Test
    void controlsAndSetTrainsLeaveTheTelegraphStepWhileResetTrainsInTheWindowRemoveIt() {
        DenoiseStudy.Result r = DenoiseStudy.run(FixtureDevice::new, FixtureDevice.SIGMA, sweep(1), 1, () -> { });
        DenoiseStudy.Entry none = r.entries().get(0);
        DenoiseStudy.Entry zero = r.entries().get(1);
        assertThat(none.train().amplitudeOrNull()).isNull();
        assertThat(zero.train().amplitudeOrNull()).isEqualTo(0.0);
        for (DenoiseStudy.Entry e : r.entries()) {
            boolean reset = e.train().applied() && e.train().amplitude() <= -0.1 && e.train().amplitude() >= -0.6;
            if (reset) {
                // Step falls to the white-noise floor of two-means, 1.6 σ_white · |V|.
                assertThat(e.stepAfter()).isLessThan(0.1 * e.stepBefore());
                assertThat(e.intact()).isEqualTo(1.0);
            } else if (e.train().amplitude() >= 0) {
                // Same structure: only the coin flips differ, 200 reads → ≈ 10 % statistical spread.
                assertThat(e.stepRatio()).isCloseTo(1.0, within(0.2));
                assertThat(e.gAfter()).isCloseTo(e.gBefore(), within(0.1 * FixtureDevice.TRAP_STEP));
            }
        }
        DenoiseStudy.Entry broken = r.entries().stream().filter(e -> e.train().amplitude() == -1.0).findFirst().orElseThrow();
        assertThat(broken.intact()).isZero();
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        DenoiseStudy.Result one = DenoiseStudy.run(FixtureDevice::new, FixtureDevice.SIGMA, sweep(1), 1, () -> { });
        DenoiseStudy.Result two = DenoiseStudy.run(FixtureDevice::new, FixtureDevice.SIGMA, sweep(2), 2, () -> { });
        assertThat(two.entries()).isEqualTo(one.entries());
        assertThat(two.calibration().steps()).containsExactly(one.calibration().steps());
    }

    @Test
    void theTrainsHoldBothControlsPerTimingAndEachAmplitudeOnce() {
        DenoiseStudy.Sweep s = new DenoiseStudy.Sweep(new double[] {0.1, 0, -0.1, -0.1}, new double[] {1e-6, 2e-6},
                new int[] {5}, 0, -0.15, 1e-6, 1e-6, 10, 1, 0, 0.5, 0.9, 0.9);
        List<DenoiseStudy.Train> t = s.trains();
        assertThat(t).hasSize(8);
        assertThat(t.get(0).amplitudeOrNull()).isNull();
        assertThat(t.get(1).amplitudeOrNull()).isEqualTo(0.0);
        assertThat(t.get(2).amplitude()).isEqualTo(-0.1);
        assertThat(t.get(3).amplitude()).isEqualTo(0.1);
        assertThat(t.get(4).width()).isEqualTo(2e-6);
    }

    @Test
    void anUnmeasurableSweepIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> new DenoiseStudy.Sweep(AMPLITUDES, new double[] {WIDTH}, new int[] {COUNT}, 0, -0.15,
                1e-6, 1e-7, 200, 3, 11, 0.5, 0.9, 0.9)).isInstanceOf(InvalidInputException.class).hasMessageContaining("--read-interval");
        assertThatThrownBy(() -> new DenoiseStudy.Sweep(AMPLITUDES, new double[] {WIDTH}, new int[] {0}, 0, -0.15,
                1e-6, 1e-5, 200, 3, 11, 0.5, 0.9, 0.9)).isInstanceOf(InvalidInputException.class).hasMessageContaining("--counts");
    }
}
