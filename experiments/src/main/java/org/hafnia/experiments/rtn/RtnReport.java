package org.hafnia.experiments.rtn;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hafnia.postprocess.plots.FigureGrid;
import org.hafnia.postprocess.plots.LineFigure;
import org.hafnia.postprocess.rtn.LifetimeFit;
import org.hafnia.postprocess.rtn.SmearedDensity;
import org.hafnia.postprocess.rtn.VoltageDependenceFit;
import org.hafnia.postprocess.rtn.VoltageWindow;
import org.hafnia.postprocess.rtn.WindowStatistics;

/**
 * The outputs of {@code hafnia rtn} from the per-window statistics: the {@code rtn.json} report,
 * the smeared densities of {@code rtn_hist.tsv} on the published grid, the figure and the summary
 * table.
 *
 * @param method           classification method name
 * @param samplingInterval Δt, s
 * @param windows          per-window statistics, in time order
 * @param dependence       τ(V) fits of state 0 (τ0) and 1 (τ1)
 */
public record RtnReport(String method, double samplingInterval, List<WindowStatistics> windows,
                        VoltageDependenceFit[] dependence) {

    /** Published read windows (physics.md §4), samples: checked against, never used. */
    public static final int[][] PUBLISHED_WINDOWS = {{2000, 7000}, {7500, 12500}, {13000, 18000}};
    private static final String[] STATE = {"tau0", "tau1"};
    private static final double[] SIGMA = {SmearedDensity.PUBLISHED_SIGMA_LOW, SmearedDensity.PUBLISHED_SIGMA_HIGH};

    /** The {@code rtn.json} content. */
    public Map<String, Object> json(int traces, Map<Path, String> skipped, int maxDeviation) {
        Map<String, Object> r = new LinkedHashMap<>();
        List<Map<String, Object>> ws = new ArrayList<>();
        for (WindowStatistics w : windows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("voltage_V", w.window().voltage());
            m.put("n_tau0", w.low().count());
            m.put("n_tau1", w.high().count());
            m.put("tau0_s", finite(w.low().tau()));
            m.put("tau0_err_s", finite(w.low().tauError()));
            m.put("tau1_s", finite(w.high().tau()));
            m.put("tau1_err_s", finite(w.high().tauError()));
            m.put("tau_d0_s", finite(w.low().delay()));
            m.put("tau_d1_s", finite(w.high().delay()));
            m.put("delta_I_A", finite(w.separation()));
            m.put("tau_d0_err_s", finite(w.low().delayError()));
            m.put("tau_d1_err_s", finite(w.high().delayError()));
            m.put("delta_I_std_A", finite(w.separationStd()));
            m.put("start_sample", w.window().start());
            m.put("end_sample", w.window().end());
            m.put("traces", w.traces());
            m.put("log_likelihood_tau0", finite(w.low().logLikelihood()));
            m.put("log_likelihood_tau1", finite(w.high().logLikelihood()));
            ws.add(m);
        }
        r.put("windows", ws);
        Map<String, Object> dep = new LinkedHashMap<>();
        dep.put("model", "tau(V) = tau_prefactor * exp(-|V| / V0), weighted least squares with weights 1/tau_err^2");
        for (int s = 0; s < 2; s++) {
            VoltageDependenceFit f = dependence[s];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tau_prefactor_s", finite(f.prefactor()));
            m.put("tau_prefactor_err_s", finite(f.prefactorError()));
            m.put("V0_V", finite(f.v0()));
            m.put("V0_err_V", finite(f.v0Error()));
            m.put("inverse_V0_per_V", finite(f.slope()));
            m.put("inverse_V0_err_per_V", finite(f.slopeError()));
            m.put("chi_square", finite(f.chiSquare()));
            m.put("degrees_of_freedom", f.degreesOfFreedom());
            m.put("points", f.points());
            dep.put(STATE[s], m);
        }
        r.put("voltage_dependence", dep);
        r.put("method", method);
        r.put("traces", traces);
        List<Map<String, String>> skip = new ArrayList<>();
        skipped.forEach((file, why) -> skip.add(Map.of("file", file.toString(), "reason", why)));
        r.put("skipped", skip);
        r.put("sampling_interval_s", samplingInterval);
        r.put("model", "dwell density p(t) = (exp(-t/tau) - exp(-t/tau_d)) / (tau - tau_d), tau >= tau_d;"
                + " maximum likelihood on pooled dwell times, errors from the observed Fisher information");
        r.put("window_check", windowCheck(maxDeviation));
        Map<String, Object> hist = new LinkedHashMap<>();
        hist.put("file", "rtn_hist.tsv");
        hist.put("sigma_tau0_s", SIGMA[0]);
        hist.put("sigma_tau1_s", SIGMA[1]);
        hist.put("grid_step_s", SmearedDensity.PUBLISHED_GRID_STEP);
        hist.put("grid_points", SmearedDensity.PUBLISHED_GRID_POINTS);
        r.put("histograms", hist);
        return r;
    }

    /** Largest offset of a found window boundary from the published ones; -1 when the counts differ. */
    public int offsetFromPublished() {
        if (windows.size() != PUBLISHED_WINDOWS.length) {
            return -1;
        }
        int off = 0;
        for (int k = 0; k < windows.size(); k++) {
            VoltageWindow w = windows.get(k).window();
            off = Math.max(off, Math.max(Math.abs(w.start() - PUBLISHED_WINDOWS[k][0]),
                    Math.abs(w.end() - PUBLISHED_WINDOWS[k][1])));
        }
        return off;
    }

    private Map<String, Object> windowCheck(int maxDeviation) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("found", windows.stream().map(w -> new int[] {w.window().start(), w.window().end()}).toList());
        c.put("published", PUBLISHED_WINDOWS);
        c.put("max_offset_from_published_samples", offsetFromPublished() < 0 ? null : offsetFromPublished());
        c.put("max_trace_deviation_samples", maxDeviation);
        return c;
    }

    /** The smeared densities on the published grid: header, then time (ms) and one column per state × window (1/ms). */
    public String histogramTable() {
        double[] grid = SmearedDensity.publishedGrid();
        List<double[]> cols = new ArrayList<>();
        StringBuilder sb = new StringBuilder("time_ms");
        for (int s = 0; s < 2; s++) {
            for (WindowStatistics w : windows) {
                sb.append('\t').append(String.format(Locale.ROOT, "%s_%.3fV_per_ms", STATE[s], w.window().voltage()));
                cols.add(SmearedDensity.ofSamples(w.dwells(s), SIGMA[s], grid));
            }
        }
        sb.append('\n');
        for (int j = 0; j < grid.length; j++) {
            sb.append(String.format(Locale.ROOT, "%.1f", grid[j] * 1e3));
            for (double[] c : cols) {
                sb.append('\t').append(String.format(Locale.ROOT, "%.6g", c[j] * 1e-3));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Smeared densities with the equally smeared fitted model, one panel per state and window. */
    public void writeFigure(Path file) {
        FigureGrid grid = new FigureGrid(windows.size(), 380, 300);
        double[] t = SmearedDensity.publishedGrid();
        double[] tMs = new double[t.length];
        for (int j = 0; j < t.length; j++) {
            tMs[j] = t[j] * 1e3;
        }
        for (int s = 0; s < 2; s++) {
            for (WindowStatistics w : windows) {
                LifetimeFit f = w.fit(s);
                LineFigure fig = new LineFigure(String.format(Locale.ROOT, "%s at %.3f V: %s", s == 0 ? "τ0 (low)" : "τ1 (high)",
                        w.window().voltage(), f.valid() ? String.format(Locale.ROOT, "τ = %.2f ms", f.tau() * 1e3) : "no fit"),
                        "dwell time (ms)", "density (1/ms)");
                fig.series("measured (σ = " + SIGMA[s] * 1e3 + " ms)", tMs, perMs(SmearedDensity.ofSamples(w.dwells(s), SIGMA[s], t)));
                if (f.valid()) {
                    fig.series("ML fit, same smearing", tMs, perMs(SmearedDensity.ofModel(f.model()::density, SIGMA[s], t)));
                }
                grid.add(fig.chart());
            }
        }
        grid.writePng(file, "Dwell-time densities (Rao et al. 2023, Fig. S14), " + method + " classification");
    }

    private static double[] perMs(double[] perSecond) {
        double[] d = new double[perSecond.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = perSecond[k] * 1e-3;
        }
        return d;
    }

    /** The one-screen summary. */
    public void printSummary(PrintWriter out) {
        out.printf(Locale.ROOT, "  %8s  %6s  %-16s %7s  %6s  %-16s %7s  %8s%n", "V (V)", "n0", "τ0 (ms)", "τd0 (ms)",
                "n1", "τ1 (ms)", "τd1 (ms)", "ΔI (nA)");
        for (WindowStatistics w : windows) {
            out.printf(Locale.ROOT, "  %8.4f  %6d  %-16s %7.3f   %6d  %-16s %7.3f   %8.2f%n", w.window().voltage(),
                    w.low().count(), pm(w.low().tau(), w.low().tauError()), w.low().delay() * 1e3,
                    w.high().count(), pm(w.high().tau(), w.high().tauError()), w.high().delay() * 1e3,
                    w.separation() * 1e9);
        }
        for (int s = 0; s < 2; s++) {
            VoltageDependenceFit f = dependence[s];
            out.printf(Locale.ROOT, "  %s(V) = %s ms · exp(−|V| / V0), 1/V0 = %.2f ± %.2f /V (V0 = %.3g ± %.2g V), χ² = %.2f for %d dof%n",
                    s == 0 ? "τ0" : "τ1", pm(f.prefactor(), f.prefactorError()), f.slope(), f.slopeError(), f.v0(),
                    f.v0Error(), f.chiSquare(), f.degreesOfFreedom());
        }
    }

    private static String pm(double value, double error) {
        return String.format(Locale.ROOT, "%.2f ± %.2f", value * 1e3, error * 1e3);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
