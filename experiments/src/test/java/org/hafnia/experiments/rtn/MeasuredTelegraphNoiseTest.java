package org.hafnia.experiments.rtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
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
     * The representative channel of docs/traps.md: φ = (1 − tanh((r − 1.5 nm)/0.5 nm))/2, a 3 nm
     * channel with its partially reduced fringe, on a 0.25 nm grid 12 nm across; every trap of
     * 200 seeds. Its median current step |ΔG| |V| at each measured read voltage: at −0.15 V it
     * is the calibration target (the carrier density was set to it) and must lie within the
     * measured trace-to-trace standard deviation; at −0.20 and −0.25 V it is a prediction, held
     * within two standard deviations, and the step must grow with |V| faster than V (ΔG grows).
     */
    @Test
    void representativeChannelStepsLandOnTheMeasuredSteps() {
        TrapParameters p = TrapParameters.DEFAULT;
        Grid2D g = new Grid2D(48, 48, 0.25, 0.25, LengthUnit.NANOMETRE);
        double[] phi = new double[g.size()];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                phi[g.index(i, j)] = 0.5 * (1 - Math.tanh((Math.hypot(g.x(i) - 6, g.y(j) - 6) - 1.5) / 0.5));
            }
        }
        List<TrapPopulation> devices = new ArrayList<>();
        for (long seed = 0; seed < 200; seed++) {
            TrapPopulation t = new TrapPopulation(p, seed);
            t.update(g, phi);
            devices.add(t);
        }
        double previousConductance = 0;
        for (int w = 0; w < windows.size(); w++) {
            double v = windows.get(w).window().voltage();
            List<Double> steps = new ArrayList<>();
            for (TrapPopulation t : devices) {
                for (int k = 0; k < t.traps().size(); k++) {
                    steps.add(-t.step(k, v) * Math.abs(v));
                }
            }
            steps.sort(null);
            double median = steps.get(steps.size() / 2);
            double measured = windows.get(w).separation();
            double sigma = windows.get(w).separationStd();
            assertThat(median).as("median step at %s V (measured %s ± %s A)", v, measured, sigma)
                    .isCloseTo(measured, within((w == 0 ? 1 : 2) * sigma));
            assertThat(median / Math.abs(v)).as("ΔG grows with |V|").isGreaterThan(previousConductance);
            previousConductance = median / Math.abs(v);
        }
    }
}
