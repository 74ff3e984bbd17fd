package org.hafnia.experiments.characterisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.extraction.CompactExtraction;
import org.hafnia.postprocess.extraction.Measured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extraction, run on a characterisation of synthetic compact devices whose parameters are
 * known, recovers them within their stated uncertainties.
 */
class CompactExtractionRecoveryTest {

    static final CompactDeviceParameters TRUE = new CompactDeviceParameters(
            20e-6, 150e-6, 0.05, 60, 60, 25, 15, 0.2, 0.1, 0.5e-6,
            0.003, 0.02, 8e-3, 4e-3, 0.2, 10, -0.01, 0.01, 0.002, 1.0,
            1.0, -1.0, 0.5, 1e-6, 0.15, 1e-6);

    static final CharacterisationData.Protocol PROTOCOL = new CharacterisationData.Protocol(
            1.0, -1.0, 1e-6, 90, 3, 0.05, 0.15, 1e-6, 2000, 2e-4, -0.3, 1e-6, 40,
            new double[] {1, 3, 10, 30, 100, 300, 1000}, 50,
            new double[] {0.55, 0.6, 0.7, 0.8, 0.9, 1.0}, 4);

    /**
     * TRUE with a telegraph step a_rtn = 0.1 G, which stays resolved after denoising: the denoising
     * figures are the telegraph step ratio of {@code hafnia denoise} (two-means), which cannot see a
     * step below its white-noise floor 1.6 σ_r, i.e. f below 1.6 × 0.003 / a_rtn ≈ 0.05 here, under
     * the true f∞ = 0.2 (with TRUE's a_rtn = 0.02 the floor, 0.24, lies above it). A step of 0.1 G
     * would blur TRUE's step statistics, so it has its own ensemble.
     */
    static final CompactDeviceParameters LOUD = withRtn(TRUE, 0.1, TRUE.incompleteAfterDenoise());

    static CompactExtraction.Result result;
    static CompactExtraction.Result loud;

    static CompactDeviceParameters withRtn(CompactDeviceParameters t, double rtn, double fInf) {
        return new CompactDeviceParameters(t.gMin(), t.gMax(), t.boundsDtoD(), t.pulsesLtp(), t.pulsesLtd(), t.aLtp(),
                t.aLtd(), t.stepCtoC(), t.stepDtoD(), t.writeNoise(), t.readNoise(), rtn, t.tau0(), t.tau1(), fInf,
                t.denoisePulses(), t.denoiseShift(), t.driftNu(), t.driftNuDtoD(), t.driftT0(), t.vSet(), t.vReset(),
                t.vThreshold(), t.pulseWidth(), t.readVoltage(), t.readWidth());
    }

    @BeforeAll
    static void characterise() {
        loud = CompactExtraction.extract(Characterisation.runWithDenoising(PROTOCOL,
                seed -> new ReadingCompactDevice(LOUD, seed), -PROTOCOL.readVoltage(), 8, 1000, 2, i -> { }), 100, 7);
        CharacterisationData data = Characterisation.runWithDenoising(PROTOCOL,
                seed -> new ReadingCompactDevice(TRUE, seed), -PROTOCOL.readVoltage(), 24, 1000, 2, i -> { });
        result = CompactExtraction.extract(data, 100, 7);
    }

    /** |estimate − truth| ≤ 3 standard uncertainties plus a stated model bias. */
    private static void recovers(String key, double truth, double bias) {
        recovers(result, key, truth, bias);
    }

    private static void recovers(CompactExtraction.Result r, String key, double truth, double bias) {
        Measured m = r.values().get(key);
        assertThat(m.value()).as(key + " = " + m.value() + " ± " + m.uncertainty() + " (true " + truth + ")")
                .isCloseTo(truth, org.assertj.core.data.Offset.offset(3 * m.uncertainty() + bias));
    }

    @Test
    void recoversBoundsAndTheirSpread() {
        recovers("g_min", TRUE.gMin(), 0);
        recovers("g_max", TRUE.gMax(), 0);
        recovers("g_min_dtod", TRUE.boundsDtoD(), 0);
        recovers("g_max_dtod", TRUE.boundsDtoD(), 0);
    }

    @Test
    void recoversNonlinearityOfBothPolarities() {
        // Averaging devices whose steps differ by 10 % (d2d) and 20 % (c2c) bends the mean curve
        // at second order in the spreads: ≈ ½(0.1² + 0.2²/n) ≈ 1 %; allow 2 % of A.
        recovers("a_ltp", TRUE.aLtp(), 0.02 * TRUE.aLtp());
        recovers("a_ltd", TRUE.aLtd(), 0.02 * TRUE.aLtd());
        recovers("p_max_ltp", TRUE.pulsesLtp(), 0.02 * TRUE.pulsesLtp());
        // NL = P95/A with P95 = −A ln(1 − 0.95 (1 − e^(−Pmax/A))) the pulses to 95 % of the range.
        double p95 = -TRUE.aLtp() * Math.log(1 - 0.95 * -Math.expm1(-TRUE.pulsesLtp() / TRUE.aLtp()));
        recovers("pulses_ltp", p95, 0.02 * p95);
        recovers("nl_ltp", p95 / TRUE.aLtp(), 0.04 * p95 / TRUE.aLtp());
    }

    @Test
    void recoversStepSpreadsAndWriteNoise() {
        recovers("step_ctoc", TRUE.stepCtoC(), 0);
        recovers("step_dtod", TRUE.stepDtoD(), 0);
        recovers("write_noise", TRUE.writeNoise(), 0);
    }

    @Test
    void recoversReadNoiseAndTelegraphStatistics() {
        recovers("read_noise", TRUE.readNoise(), 0);
        recovers("rtn_amplitude", TRUE.rtnAmplitude(), 0);
        // Dwell times: white noise crosses the midpoint (ΔG/2 = 3.3 σ) often enough to split a
        // few per cent of dwells, and sampling at 0.2 ms adds up to half a sample: allow 5 %.
        recovers("tau0", TRUE.tau0(), 0.05 * TRUE.tau0());
        recovers("tau1", TRUE.tau1(), 0.05 * TRUE.tau1());
    }

    @Test
    void recoversDenoisingDriftAndThreshold() {
        // From the denoising measurement (train and 0 V control on fresh devices): the two-means step
        // is a_rtn f G, and the train also shifts G by δ(n) = denoise_shift × the fraction of f it
        // removes, so R(n) = f(n)(1 + δ(n)), |δ| ≤ |denoise_shift|: that bias on f∞, and to first
        // order Δn_d/n_d ≤ e |δ| (f_q + f∞)/(1 − f∞) on n_d (r = (f_q − f∞)/(1 − f∞) = 1/e at n = D/4 = n_d).
        double shift = Math.abs(LOUD.denoiseShift());
        double fInf = LOUD.incompleteAfterDenoise();
        double fq = fInf + (1 - fInf) * Math.exp(-(PROTOCOL.denoisePulses() / 4) / LOUD.denoisePulses());
        recovers(loud, "incomplete_after_denoise", fInf, shift * fInf);
        recovers(loud, "denoise_pulses", LOUD.denoisePulses(), Math.E * shift * (fq + fInf) / (1 - fInf) * LOUD.denoisePulses());
        recovers("drift_nu", TRUE.driftNu(), 0);
        recovers("drift_nu_dtod", TRUE.driftNuDtoD(), 0);
        recovers("v_threshold", TRUE.vThreshold(), 0);
    }

    @Test
    void denoisingIncreasesDistinguishableLevelsWhenNoiseComesFromIncompleteChannels() {
        // The synthetic device's RTN scales with the incomplete-channel fraction, which the
        // denoising train lowers from 1 to 0.2.
        assertThat(result.value("levels_denoised")).isGreaterThan(result.value("levels") + 3 * (
                result.values().get("levels").uncertainty() + result.values().get("levels_denoised").uncertainty()));
    }
    /**
     * Nothing imposed on the exported model: on a device without any denoising effect (f∞ = 1) and
     * with a threshold (0.2 V) below the protocol's denoising amplitude (0.3 V), the compact model
     * gets no denoising effect (the measured f∞ is within its noise of 1) and the fitted threshold,
     * not the denoising amplitude; the device above, whose train does remove incomplete channels,
     * keeps its measured f∞.
     */
    @Test
    void theCompactModelCarriesOnlyWhatTheMeasurementResolves() {
        CompactDeviceParameters t = TRUE;
        CompactDeviceParameters plain = new CompactDeviceParameters(t.gMin(), t.gMax(), t.boundsDtoD(), t.pulsesLtp(),
                t.pulsesLtd(), t.aLtp(), t.aLtd(), t.stepCtoC(), t.stepDtoD(), t.writeNoise(), t.readNoise(),
                t.rtnAmplitude(), t.tau0(), t.tau1(), 1.0, t.denoisePulses(), 0, t.driftNu(), t.driftNuDtoD(),
                t.driftT0(), t.vSet(), t.vReset(), 0.2, t.pulseWidth(), t.readVoltage(), t.readWidth());
        CharacterisationData data = Characterisation.runWithDenoising(PROTOCOL,
                seed -> new ReadingCompactDevice(plain, seed), -PROTOCOL.readVoltage(), 8, 1000, 2, i -> { });
        CompactExtraction.Result r = CompactExtraction.extract(data, 100, 7);
        assertThat(r.device().incompleteAfterDenoise()).isEqualTo(1.0);
        // The fitted threshold within 3 of its bootstrap σ of the truth (as recoversDenoisingDriftAndThreshold),
        // and below the 0.3 V denoising amplitude it used to be raised to.
        Measured vth = r.values().get("v_threshold");
        assertThat(r.device().vThreshold()).isEqualTo(vth.value()).isLessThan(0.3);
        assertThat(loud.device().incompleteAfterDenoise()).isEqualTo(loud.value("incomplete_after_denoise"))
                .isLessThan(1);
    }

    /**
     * The control of the denoising measurement: on the device whose RESET train removes most of its
     * telegraph amplitude (LOUD, f∞ = 0.2, resolved above), a train of the same timing at 0 V gives
     * a step ratio of exactly 1 against its paired 0 V control (both devices fresh from the same
     * seed, so neither the elapsed time nor the reads are credited to the train) and no denoising
     * effect in the compact model.
     */
    @Test
    void aZeroVoltTrainGivesNoDenoisingEffect() {
        CharacterisationData.Protocol p = PROTOCOL;
        CharacterisationData.Protocol zero = new CharacterisationData.Protocol(p.vSet(), p.vReset(), p.pulseWidth(),
                p.trainPulses(), p.cycles(), p.settle(), p.readVoltage(), p.readWidth(), p.traceReads(), p.traceInterval(),
                0, p.denoiseWidth(), p.denoisePulses(), p.driftTimes(), p.driftReads(), p.sweepAmplitudes(),
                p.sweepRepeats());
        CompactExtraction.Result r = CompactExtraction.extract(Characterisation.runWithDenoising(zero,
                seed -> new ReadingCompactDevice(LOUD, seed), -p.readVoltage(), 8, 1000, 2, i -> { }), 100, 7);
        assertThat(r.value("denoise_step_ratio")).isEqualTo(1.0);
        assertThat(r.value("denoise_step_ratio_quarter")).isEqualTo(1.0);
        assertThat(r.device().incompleteAfterDenoise()).isEqualTo(1.0);
        assertThat(loud.value("denoise_step_ratio")).isLessThan(0.5);
    }
}
