package org.hafnia.experiments.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.physics.traps.LifetimeLaw;
import org.hafnia.physics.traps.TrapParameters;
import org.hafnia.physics.traps.TrapPopulation;
import org.hafnia.postprocess.rtn.RtnAnalysis;
import org.hafnia.postprocess.rtn.RtnTraceReader;
import org.hafnia.postprocess.rtn.TwoMeansThreshold;
import org.hafnia.postprocess.rtn.VoltageDependenceFit;
import org.hafnia.postprocess.rtn.VoltageWindowFinder;
import org.hafnia.postprocess.rtn.WindowStatistics;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.device.FilmDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The traps of {@code physics.traps} against the measured device of {@code reference/rtn},
 * analysed as {@code hafnia rtn} does by default (two-means classification, delayed-exponential
 * lifetimes, τ(V) = τ_p exp(−|V|/V0)): the lifetimes are a measured input and must be the fit;
 * the steps are emergent from the structure and land where docs/traps.md reports.
 */
class MeasuredTelegraphNoiseTest {

    private static List<WindowStatistics> windows;
    private static VoltageDependenceFit[] fits;

    @BeforeAll
    static void analyseTheReferenceTraces() {
        Path folder = ReferenceData.locate(null).rtnTraces().get(0).getParent();
        // The options of `hafnia rtn` by default (RtnCommand): 1000-sample windows, |V| ≥ 0.01 V, 25 samples, 5 mV.
        RtnDataset data = RtnDataset.load(List.of(folder), new RtnTraceReader(1000), new VoltageWindowFinder(1000, 0.01),
                25, 0.005);
        windows = new RtnAnalysis(new TwoMeansThreshold(TwoMeansThreshold.PUBLISHED_TOLERANCE))
                .run(data.traces(), data.consensus().windows());
        fits = new VoltageDependenceFit[] {RtnAnalysis.voltageDependence(windows, 0), RtnAnalysis.voltageDependence(windows, 1)};
    }

    /** Within one standard error of the fit in each of its two parameters (τ_p and s = 1/V0). */
    private static void assertMatches(LifetimeLaw law, VoltageDependenceFit fit) {
        assertThat(law.prefactor()).as("τ_p, fit %s", fit).isCloseTo(fit.prefactor(), within(fit.prefactorError()));
        assertThat(law.slope()).as("1/V0, fit %s", fit).isCloseTo(fit.slope(), within(fit.slopeError()));
    }

    @Test
    void chargedStateLifetimeIsTheFittedTau0OfTheReferenceDevice() {
        assertMatches(TrapParameters.MEASURED_CHARGED, fits[0]);
    }

    @Test
    void neutralStateLifetimeIsTheFittedTau1OfTheReferenceDevice() {
        assertMatches(TrapParameters.MEASURED_NEUTRAL, fits[1]);
    }

    /**
     * The default device case's own ensemble (devices 1–200, each its seeded initial map and
     * traps, as {@code hafnia denoise} creates them, at the case's 0.5 nm spacing, where the trap
     * placement is grid-converged to 3.6 % (TrapPopulationTest)): per device the dominant trap (largest current
     * step |ΔG| |V|, the reference traces show one dominant two-level trap), devices without a
     * trap left out. The median of those steps at each measured read voltage: at −0.15 V it is the
     * calibration target (the screening carrier density was set to it) and at −0.20 and −0.25 V a
     * prediction. Tolerance: the distribution-free confidence interval of a median of n values,
     * the order statistics n/2 ± z√n/2 (z = 1 at the calibration point, z = 2 for the
     * predictions), widened by the measured trace-to-trace standard deviation. ΔG must grow with |V|.
     */
    @Test
    void defaultDeviceStepsLandOnTheMeasuredSteps() {
        DeviceCaseFile c = DeviceCaseFile.defaultCase();
        List<TrapPopulation> devices = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            TrapPopulation t = new TrapPopulation(c.traps(), seed);
            new FilmDevice(c.model(), c.initialMap(seed), seed, t);
            if (!t.traps().isEmpty()) {
                devices.add(t);
            }
        }
        double previousConductance = 0;
        for (int w = 0; w < windows.size(); w++) {
            double v = windows.get(w).window().voltage();
            List<Double> steps = new ArrayList<>();
            for (TrapPopulation t : devices) {
                double dominant = 0;
                for (int k = 0; k < t.traps().size(); k++) {
                    dominant = Math.max(dominant, -t.step(k, v) * Math.abs(v));
                }
                steps.add(dominant);
            }
            steps.sort(null);
            int n = steps.size();
            double z = w == 0 ? 1 : 2;
            int half = (int) Math.ceil(z * Math.sqrt(n) / 2);
            double low = steps.get(Math.max(0, n / 2 - half));
            double high = steps.get(Math.min(n - 1, n / 2 + half));
            double measured = windows.get(w).separation();
            double sigma = windows.get(w).separationStd();
            assertThat(measured).as("measured step %s ± %s A at %s V against the median's interval [%s, %s] A of %d devices",
                    measured, sigma, v, low, high, n).isBetween(low - sigma, high + sigma);
            double median = steps.get(n / 2);
            assertThat(median / Math.abs(v)).as("ΔG grows with |V|").isGreaterThan(previousConductance);
            previousConductance = median / Math.abs(v);
        }
    }
}
