package org.hafnia.experiments.programming;

import static org.assertj.core.api.Assertions.assertThat;

import org.hafnia.physics.compact.CompactDeviceParameters;
import org.junit.jupiter.api.Test;

/** The programming schemes on synthetic compact devices whose noise sources are known. */
class ProgrammingSchemeTest {

    /** A device of given step spreads and read noise; RTN from incomplete channels as given. */
    static CompactDeviceParameters device(double c2c, double d2d, double readNoise, double rtn, double fInf) {
        return new CompactDeviceParameters(20e-6, 150e-6, 0.02, 60, 60, 25, 15, c2c, d2d, 0.1e-6,
                readNoise, rtn, 8e-3, 4e-3, fInf, 5, 0, 0, 0, 1.0,
                1.0, -1.0, 0.5, 1e-6, 0.15, 1e-6);
    }

    static CrossbarProgramming.Merit run(ProgrammingScheme s, CompactDeviceParameters p, int levels, int devices) {
        double[] g = CrossbarProgramming.levels(p, levels);
        double[] targets = new double[devices];
        for (int i = 0; i < devices; i++) {
            targets[i] = g[i % levels];
        }
        CrossbarProgramming.Outcome o = CrossbarProgramming.program(s, p, targets, g[1] - g[0], 11, 2);
        return CrossbarProgramming.merit(o, g, CrossbarProgramming.window(p));
    }

    @Test
    void writeVerifyLandsEveryDeviceWithinTheToleranceOnAQuietDevice() {
        CompactDeviceParameters quiet = device(0.1, 0.05, 0.001, 0, 1);
        CrossbarProgramming.Merit m = run(ProgrammingScheme.WRITE_VERIFY, quiet, 8, 256);
        assertThat(m.failures()).isZero();
        // Errors lie in ±tolerance = ±spacing/4 plus a 0.1 % read: RMSE ≤ (1/4)/(N − 1) of the window.
        assertThat(m.rmsePercent()).isLessThan(100.0 / 4 / 7);
        assertThat(m.levelsDistinguishable()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void denoisingIncreasesDistinguishableLevelsWhenRtnComesFromIncompleteChannels() {
        // RTN of 5 % of G from incomplete channels, which the denoising train cuts to 5 % of itself.
        CompactDeviceParameters noisy = device(0.1, 0.05, 0.001, 0.05, 0.05);
        CrossbarProgramming.Merit plain = run(ProgrammingScheme.WRITE_VERIFY, noisy, 32, 512);
        CrossbarProgramming.Merit denoised = run(ProgrammingScheme.WRITE_VERIFY_DENOISE, noisy, 32, 512);
        assertThat(denoised.levelsDistinguishable()).isGreaterThan(2 * plain.levelsDistinguishable());
        assertThat(denoised.sigmaMean()).isLessThan(plain.sigmaMean() / 2);
        assertThat(denoised.pulsesMean()).isGreaterThan(plain.pulsesMean());
    }

    @Test
    void aDenoisingTrainStaysWithinThePulseBudgetWhateverTheExtractedTimeConstant() {
        // n_d = 10⁵ pulses (an extraction that did not resolve it): 3·n_d per train would be 3·10⁵.
        CompactDeviceParameters slow = new CompactDeviceParameters(20e-6, 150e-6, 0.02, 60, 60, 25, 15, 0.1, 0.05, 0.1e-6,
                0.001, 0.05, 8e-3, 4e-3, 0.5, 1e5, 0, 0, 0, 1.0, 1.0, -1.0, 0.5, 1e-6, 0.15, 1e-6);
        double[] g = CrossbarProgramming.levels(slow, 4);
        CrossbarProgramming.Outcome o = CrossbarProgramming.program(ProgrammingScheme.WRITE_VERIFY_DENOISE, slow,
                new double[] {g[1], g[2]}, g[1] - g[0], 5, 1);
        // At most DENOISE_ROUNDS × (write-verify + train) + one touch-up, each within the budget.
        int budget = (ProgrammingScheme.DENOISE_ROUNDS * 2 + 1) * CrossbarProgramming.MAX_PULSES;
        for (int pulses : o.pulses()) {
            assertThat(pulses).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void openLoopErrorGrowsWithDeviceToDeviceVariation() {
        // Cycle-to-cycle scatter averages over the n pulses of a level (∝ 1/√n); a device's own step
        // scale does not, so open-loop error is set by d2d once it exceeds the pulse-count rounding.
        CrossbarProgramming.Merit steady = run(ProgrammingScheme.OPEN_LOOP, device(0.05, 0, 0.001, 0, 1), 8, 256);
        CrossbarProgramming.Merit variable = run(ProgrammingScheme.OPEN_LOOP, device(0.05, 0.2, 0.001, 0, 1), 8, 256);
        assertThat(variable.rmsePercent()).isGreaterThan(2 * steady.rmsePercent());
        assertThat(steady.pulsesMean()).isEqualTo(variable.pulsesMean());
    }

    @Test
    void feedforwardBeatsOpenLoopOnANonlinearDevice() {
        // reset-voltage-control needs a device whose single RESET spans the window: FaithfulSchemesTest.
        CompactDeviceParameters p = device(0.05, 0.05, 0.001, 0, 1);
        double open = run(ProgrammingScheme.OPEN_LOOP, p, 8, 256).rmsePercent();
        assertThat(run(ProgrammingScheme.FEEDFORWARD, p, 8, 256).rmsePercent()).isLessThan(open);
    }

    @Test
    void programmingIsIndependentOfTheThreadCount() {
        CompactDeviceParameters p = device(0.2, 0.1, 0.003, 0.02, 0.2);
        double[] g = CrossbarProgramming.levels(p, 4);
        double[] targets = {g[0], g[1], g[2], g[3], g[1], g[2]};
        CrossbarProgramming.Outcome one = CrossbarProgramming.program(ProgrammingScheme.WRITE_VERIFY_DENOISE, p, targets,
                g[1] - g[0], 3, 1);
        CrossbarProgramming.Outcome two = CrossbarProgramming.program(ProgrammingScheme.WRITE_VERIFY_DENOISE, p, targets,
                g[1] - g[0], 3, 2);
        assertThat(two.reads()).containsExactly(one.reads());
        assertThat(two.pulses()).containsExactly(one.pulses());
    }
}
