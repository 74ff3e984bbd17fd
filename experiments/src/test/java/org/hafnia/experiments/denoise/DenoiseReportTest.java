package org.hafnia.experiments.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.traps.TrapParameters;
import org.hafnia.physics.traps.TrapPopulation;
import org.hafnia.postprocess.rtn.TrapCensus;
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

    private static final Grid2D GRID = new Grid2D(4, 4, 0.5, 0.5, org.hafnia.meshes.LengthUnit.NANOMETRE);

    /**
     * The censuses of two identical devices on a uniform map φ holding the traps {key, path width (nm),
     * variance (S²)}: the ensemble sums are twice a device's, the per-device figures one device's.
     */
    private static List<TrapCensus> census(double phi, double[]... traps) {
        double[] map = new double[GRID.size()];
        Arrays.fill(map, phi);
        List<TrapCensus.Entry> entries = Arrays.stream(traps).map(t -> new TrapCensus.Entry(
                new TrapPopulation.Trap((long) t[0], 1, 1, 0.5, t[1], false), -2 * Math.sqrt(t[2]), t[2])).toList();
        TrapCensus one = new TrapCensus(1e-4, GRID, map, TrapParameters.DEFAULT, 0.5, entries, 0);
        return List.of(one, one);
    }

    private static DenoiseStudy.Result withCensus(double ratio, List<TrapCensus> before, List<TrapCensus> after) {
        DenoiseStudy.Entry control = entry(0, 1.1, 1, 300, 300);
        DenoiseStudy.Entry survivor = new DenoiseStudy.Entry(new DenoiseStudy.Train(-0.3, WIDTH, COUNT, true), 1e-6,
                ratio * 1e-6, 1e-7, 1e-7, 1e-4, 1e-4, 1, 1, 800, 400, before, after);
        return new DenoiseStudy.Result(List.of(control, survivor),
                List.of(new DenoiseStudy.Window(WIDTH, COUNT, Double.NaN, Double.NaN)),
                new DenoiseStudy.Calibration(1e-4, new double[3]), 1.2);
    }

    @Test
    void aResetTrainThatAddsTrapsBesideANarrowerPathIsNamedFringeErosion() {
        // One trap before (1 µS², path 3.5 nm); after: it persists and a second one appears (20 µS², path 3 nm).
        List<TrapCensus> before = census(0.3, new double[] {1, 3.5, 1e-12});
        List<TrapCensus> after = census(0.3, new double[] {1, 3.0, 1e-12}, new double[] {2, 3.0, 20e-12});
        String why = DenoiseReport.windowLimitedBy(withCensus(3.0, before, after), sweep());
        assertThat(why).contains("(-0.300 V)").contains("ratio is 3.000 against the 0 V control's 1.100")
                .contains("no trap dissolved").contains("+20.0 uS^2").contains("1.00 uS^2 before")
                .contains("traps per device 1.00 -> 2.00").contains("from 3.50 to 3.00 nm").contains("(fringe erosion)")
                .contains("800 K").contains("400 K").doesNotContain("thermal confinement");
        // The same census under a train that lowered the step (0.98 < 1.1): not erosion; the heat is the limit.
        String cold = DenoiseReport.windowLimitedBy(withCensus(0.98, before, after), sweep());
        assertThat(cold).contains("thermal confinement").contains("the trap census agrees: no trap dissolved");
    }

    @Test
    void aNoisierTrainWhoseLargestTermIsAPersistingTrapsStepIsNotErosion() {
        // A trap appears (1 µS²) but the persisting one's step grows more (1 → 6 µS²): not the fringe's new traps.
        List<TrapCensus> before = census(0.3, new double[] {1, 3.5, 1e-12});
        List<TrapCensus> after = census(0.3, new double[] {1, 3.0, 6e-12}, new double[] {2, 3.0, 1e-12});
        String why = DenoiseReport.windowLimitedBy(withCensus(3.0, before, after), sweep());
        assertThat(why).doesNotContain("fringe erosion").contains("thermal confinement");
    }

    @Test
    void aTrainThatDissolvedATrapIsNeitherErosionNorConfirmedConfinement() {
        // The trap's oxide fell below the trap window (φ 0 after): dissolved, even though another appeared.
        List<TrapCensus> before = census(0.3, new double[] {1, 3.5, 1e-12});
        List<TrapCensus> after = census(0.0, new double[] {2, 3.0, 20e-12});
        String why = DenoiseReport.windowLimitedBy(withCensus(3.0, before, after), sweep());
        assertThat(why).doesNotContain("fringe erosion").contains("thermal confinement").doesNotContain("census agrees");
    }
}
