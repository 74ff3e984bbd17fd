package org.hafnia.experiments.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The window's stated limit is read off the measured entries, with the Arrhenius ratio computed by hand here. */
class DenoiseReportTest {

    private static final double WIDTH = 1e-8;
    private static final int COUNT = 20;

    private static DenoiseStudy.Sweep sweep() {
        return new DenoiseStudy.Sweep(new double[] {-0.3, -0.5}, new double[] {WIDTH}, new int[] {COUNT}, 1e-7, -0.15,
                1e-6, 1e-5, 200, 4, 1, 0.5, 0.9, 0.75);
    }

    private static DenoiseStudy.Entry entry(double amplitude, double stepRatio, double intact, double peak, double incomplete) {
        return new DenoiseStudy.Entry(new DenoiseStudy.Train(amplitude, WIDTH, COUNT, true), 1e-6, stepRatio * 1e-6,
                1e-7, 1e-7, 1e-4, 1e-4, intact, intact, peak, incomplete);
    }

    private static DenoiseStudy.Result result(DenoiseStudy.Window window, double activation) {
        List<DenoiseStudy.Entry> entries = List.of(entry(0, 1.0, 1, 300, 300), entry(-0.3, 0.98, 1, 800, 400),
                entry(-0.5, 0.2, 0.5, 1100, 450));
        return new DenoiseStudy.Result(entries, List.of(window), new DenoiseStudy.Calibration(1e-4, new double[3]), activation);
    }

    @Test
    void anEmptyWindowNamesTheLargestSurvivingAmplitudeAndTheTemperaturesItsPulseReached() {
        String why = DenoiseReport.windowLimitedBy(result(new DenoiseStudy.Window(WIDTH, COUNT, Double.NaN, Double.NaN), 1.2),
                sweep());
        // −0.5 V breaks the channel in half the devices (intact 0.5 < 0.75): −0.3 V is the largest survivor.
        assertThat(why).contains("(-0.300 V)").contains("0.980").contains("800 K").contains("400 K");
        // exp(1.2 eV / 8.617333e-5 eV/K × (1/400 − 1/800) K⁻¹) = exp(17.407) = 3.63e7
        assertThat(why).contains("3.6e+07 times slower");
    }

    @Test
    void anEmptyWindowOfAStateThatDoesNotHoldWithoutVoltageIsNamedARetentionFailure() {
        DenoiseStudy.Train idle = new DenoiseStudy.Train(0, WIDTH, COUNT, false);
        // The no-train control keeps 40 % of G: below the 0.9 the intact criterion asks.
        DenoiseStudy.Entry melting = new DenoiseStudy.Entry(idle, 1e-6, 1e-6, 1e-7, 1e-7, 1e-4, 0.4e-4, 1, 1, 300, 300);
        DenoiseStudy.Entry holding = new DenoiseStudy.Entry(idle, 1e-6, 1e-6, 1e-7, 1e-7, 1e-4, 0.95e-4, 1, 1, 300, 300);
        DenoiseStudy.Window none = new DenoiseStudy.Window(WIDTH, COUNT, Double.NaN, Double.NaN);
        DenoiseStudy.Calibration cal = new DenoiseStudy.Calibration(1e-4, new double[3]);
        List<DenoiseStudy.Entry> rest = List.of(entry(0, 1.0, 1, 300, 300), entry(-0.3, 0.98, 1, 800, 400));
        String why = DenoiseReport.windowLimitedBy(new DenoiseStudy.Result(
                Stream.concat(Stream.of(melting), rest.stream()).toList(),
                List.of(none), cal, 0.7), sweep());
        assertThat(why).contains("not retained").contains("40.0 %").contains("100 uS").contains("0.70 eV");
        String held = DenoiseReport.windowLimitedBy(new DenoiseStudy.Result(
                Stream.concat(Stream.of(holding), rest.stream()).toList(),
                List.of(none), cal, 1.2), sweep());
        assertThat(held).doesNotContain("not retained").contains("(-0.300 V)");
    }

    @Test
    void aFoundWindowNeedsNoExplanationAndADeviceWithoutHeatGivesOnlyTheMeasuredRatio() {
        assertThat(DenoiseReport.windowLimitedBy(result(new DenoiseStudy.Window(WIDTH, COUNT, 0.3, 0.3), 1.2), sweep()))
                .isNull();
        List<DenoiseStudy.Entry> cold = List.of(entry(0, 1.0, 1, Double.NaN, Double.NaN),
                entry(-0.3, 0.98, 1, Double.NaN, Double.NaN));
        String why = DenoiseReport.windowLimitedBy(new DenoiseStudy.Result(cold,
                List.of(new DenoiseStudy.Window(WIDTH, COUNT, Double.NaN, Double.NaN)),
                new DenoiseStudy.Calibration(1e-4, new double[3]), Double.NaN), sweep());
        assertThat(why).contains("(-0.300 V)").doesNotContain(" K");
    }
}
