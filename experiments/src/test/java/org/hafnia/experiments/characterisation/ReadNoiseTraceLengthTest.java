package org.hafnia.experiments.characterisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.experiments.denoise.DenoiseStudy;
import org.hafnia.experiments.denoise.ReadTrace;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.hafnia.physics.traps.TrapParameters;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.extraction.CompactExtraction;
import org.junit.jupiter.api.Test;

/**
 * The read noise that {@code extract} exports represents the telegraph noise of traps that switch
 * with the measured lifetimes, when its trace meets {@link ReadTrace#requirement}; a 40 ms trace,
 * the former shipped one, does not.
 */
class ReadNoiseTraceLengthTest {

    private static final TrapParameters TRAPS = TrapParameters.DEFAULT;
    /** The measured lifetimes at 0 V, where a trace of 1 µs reads spends all but 5·10⁻⁴ of its time (s). */
    private static final double TAU0 = TRAPS.chargedLifetime().tau(0);
    private static final double TAU1 = TRAPS.neutralLifetime().tau(0);
    private static final int DEVICES = 16;
    private static final long SEED = 500;

    /**
     * A compact device whose read noise is one trap with the measured lifetimes (step 5 % of G) and
     * white noise of 0.2 % of G; no drift and no denoising, so that σ/G is the same in every state.
     */
    static final CompactDeviceParameters TRAP = new CompactDeviceParameters(
            20e-6, 150e-6, 0.05, 30, 30, 10, 8, 0.1, 0.05, 0.2e-6,
            0.002, 0.05, TAU0, TAU1, 1.0, 10, 0, 0, 0, 1.0,
            1.0, -1.0, 0.5, 1e-6, 0.15, 1e-6);

    private static CharacterisationData.Protocol protocol(int reads, double interval) {
        return new CharacterisationData.Protocol(1.0, -1.0, 1e-6, 30, 1, 0.05, 0.15, 1e-6, reads, interval, -0.3, 1e-6,
                8, new double[] {1, 10, 100}, 5, new double[] {0.6, 0.8, 1.0}, 1);
    }

    /** Read σ/G that extract exports for a trace of {@code reads} reads every {@code interval}. */
    private static double extracted(int reads, double interval) {
        return CompactExtraction.extract(Characterisation.run(protocol(reads, interval),
                seed -> new ReadingCompactDevice(TRAP, seed), DEVICES, SEED, 2, i -> { }), 20, 3).value("read_sigma");
    }

    /** Read σ/G of the denoise study's traces (its defaults: 500 reads every 2 ms) on the same devices, as made. */
    private static double denoiseStudy() {
        DenoiseStudy.Sweep s = new DenoiseStudy.Sweep(new double[] {-0.3}, new double[] {1e-6}, new int[] {1}, 1e-6,
                -0.15, 1e-6, 2e-3, 500, DEVICES, SEED, 0.5, 0.9, 0.9);
        DenoiseStudy.Entry none = DenoiseStudy.run(seed -> new ReadingCompactDevice(TRAP, seed), new LogLinearConductivity(1e-2, 7e4), s,
                2, () -> { }).entries().get(0);
        return none.sigmaBefore() / none.gBefore();
    }

    @Test
    void theShippedTraceMeetsTheRequirementAndTheFormerOneDoesNot() {
        ReadTrace.Requirement now = ReadTrace.requirement(TRAPS, -0.15, 1e-6, 2e-3, 500);
        // Duty cycle d = 5·10⁻⁴ at −0.15 V: the dwells are those of 0 V but for a relative d (τ(0)/τ(V) − 1) ≤ 0.23 %.
        double duty = 1e-6 / 2e-3;
        double tau1 = TRAPS.neutralLifetime().tau(-0.15);
        double tau0 = TRAPS.chargedLifetime().tau(-0.15);
        assertThat(now.longestDwell()).isCloseTo(TAU1, within(duty * (TAU1 / tau1 - 1) * TAU1));
        assertThat(now.shortestDwell()).isCloseTo(TAU0, within(duty * (TAU0 / tau0 - 1) * TAU0));
        assertThat(now.met()).isTrue();
        assertThat(now.shortfall()).isNull();
        ReadTrace.Requirement former = ReadTrace.requirement(TRAPS, -0.15, 1e-6, 2e-4, 200);
        assertThat(former.met()).isFalse();
        assertThat(former.shortfall()).contains("too short");
        assertThat(DeviceExtraction.traceRequirement(DeviceCaseFile.defaultCase()).met()).isTrue();
    }

    /**
     * Extract's read σ/G (4 level traces per device, about their trend) against the denoise study's
     * (one trace per device, as made). Tolerance from the sample size: the sample variance of a
     * telegraph signal of occupancy p = τ0/(τ0 + τ1) over a trace of T ≫ τ_c = τ0τ1/(τ0 + τ1) has
     * relative standard error |1 − 2p| √(2τ_c/T) / √(p(1 − p)) (the square of a two-level signal
     * is linear in it, so it decorrelates with τ_c), 0.29 at T = 1 s, i.e. 0.14 on σ per trace; over
     * 4 × 16 and 16 traces the difference has a standard error of 0.14 √(1/64 + 1/16) = 0.040; three
     * of them, plus the finite-trace bias of the variance, 2τ_c/T (2 %).
     */
    @Test
    void extractsReadSigmaAgreesWithTheDenoiseStudyOnTheSameDevices() {
        double p = TAU0 / (TAU0 + TAU1);
        double tc = TAU0 * TAU1 / (TAU0 + TAU1);
        double perTrace = 0.5 * Math.abs(1 - 2 * p) * Math.sqrt(2 * tc / 1.0) / Math.sqrt(p * (1 - p));
        double tolerance = 3 * perTrace * Math.sqrt(1.0 / (4 * DEVICES) + 1.0 / DEVICES) + 2 * tc / 1.0;
        double study = denoiseStudy();
        assertThat(extracted(500, 2e-3)).isCloseTo(study, within(tolerance * study));
        // Control: the former 40 ms trace, shorter than τ1, misses most of the telegraph variance.
        assertThat(extracted(200, 2e-4)).isLessThan((1 - tolerance) * study);
    }
}
