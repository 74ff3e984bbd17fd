package org.hafnia.experiments.denoise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hafnia.physics.PhysicalConstants;

import org.hafnia.postprocess.extraction.DistinguishableLevels;

/**
 * The document {@code denoise.json} of {@code hafnia denoise}: the sweep and its criteria, one
 * entry per train and control, the derived windows, the calibration reads and the levels.
 * Undefined values are written as null.
 */
public final class DenoiseReport {

    /**
     * The measured device of {@code reference/rtn} as issue 10 quotes it: G ≈ 98 µS at −0.15 V
     * (physics.md §6) and telegraph steps ≈ 0.32 / 0.52 / 0.74 µA at −0.15 / −0.20 / −0.25 V.
     */
    static final double MEASURED_G_S = 98e-6;
    static final double[] MEASURED_STEPS_A = {0.32e-6, 0.52e-6, 0.74e-6};

    private DenoiseReport() {
    }

    /**
     * @param thermalNoise whether the devices ran with their Langevin noise (which device physics ran)
     * @param levels the levels result, or null when the levels were not measured; {@code levelsNote} then says why
     */
    public static Map<String, Object> document(String caseName, boolean thermalNoise, DenoiseStudy.Sweep s,
                                               DenoiseStudy.Result r, PhysicalLevels.Result levels, String levelsNote,
                                               PhysicalLevels.Settings levelSettings) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", caseName);
        doc.put("thermal_noise", thermalNoise);
        doc.put("devices", s.devices());
        doc.put("seed", s.seed());
        doc.put("read_voltage_V", s.readVolts());
        doc.put("read_width_s", s.readWidth());
        doc.put("read_interval_s", s.readInterval());
        doc.put("trace_reads", s.traceReads());
        doc.put("gap_s", s.gap());
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("denoise_ratio", s.denoiseRatio());
        criteria.put("denoise_rule", "RESET train with (rtn_step_after/rtn_step_before) <= denoise_ratio x the 0 V control's ratio");
        criteria.put("intact_conductance", s.intactConductance());
        criteria.put("intact_rule", "largest 4-connected phi >= 1/2 region keeps >= intact_conductance of its conductance sum(sigma(phi))");
        criteria.put("intact_devices", s.intactDevices());
        doc.put("criteria", criteria);
        List<Map<String, Object>> trains = new ArrayList<>();
        for (DenoiseStudy.Entry e : r.entries()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("amplitude_V", e.train().amplitudeOrNull());
            t.put("control", !e.train().applied() ? "no train" : (e.train().amplitude() == 0 ? "0 V" : null));
            t.put("width_s", e.train().width());
            t.put("count", e.train().count());
            t.put("rtn_step_before_A", finite(e.stepBefore()));
            t.put("rtn_step_after_A", finite(e.stepAfter()));
            t.put("rtn_step_ratio", finite(e.stepRatio()));
            t.put("read_sigma_before_S", finite(e.sigmaBefore()));
            t.put("read_sigma_after_S", finite(e.sigmaAfter()));
            t.put("g_before_S", finite(e.gBefore()));
            t.put("g_after_S", finite(e.gAfter()));
            t.put("complete_channel_intact", e.intact());
            t.put("complete_channel_conductance_retained", finite(e.retained()));
            t.put("peak_temperature_K", finite(e.peakT()));
            t.put("incomplete_temperature_K", finite(e.incompleteT()));
            if (e.trapsBefore() != null) {
                // The trap census before and after the train: what the train did to the traps, by cause.
                Map<String, Object> traps = new LinkedHashMap<>();
                traps.put("before", TrapCensusStudy.summary(e.trapsBefore()));
                traps.put("after", TrapCensusStudy.summary(e.trapsAfter()));
                traps.put("attribution", TrapCensusStudy.attribution(e.trapsBefore(), e.trapsAfter()));
                t.put("traps", traps);
            }
            trains.add(t);
        }
        doc.put("trains", trains);
        doc.put("window_V", window(r.window()));
        doc.put("window_limited_by", windowLimitedBy(r, s));
        doc.put("window_width_s", r.window().width());
        doc.put("window_count", r.window().count());
        List<Map<String, Object>> windows = new ArrayList<>();
        for (DenoiseStudy.Window w : r.windows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("width_s", w.width());
            m.put("count", w.count());
            m.put("window_V", window(w));
            windows.add(m);
        }
        doc.put("windows", windows);
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("g_read_S", finite(r.calibration().gRead()));
        cal.put("g_read_voltage_V", DenoiseStudy.CALIBRATION_VOLTS[0]);
        cal.put("rtn_step_A", finiteAll(r.calibration().steps()));
        cal.put("rtn_step_voltages_V", DenoiseStudy.CALIBRATION_VOLTS);
        cal.put("measured_g_read_S", MEASURED_G_S);
        cal.put("measured_rtn_step_A", MEASURED_STEPS_A);
        cal.put("measured_source", "reference/rtn as quoted in issue 10 and physics.md section 6");
        doc.put("calibration", cal);
        doc.put("levels", levels(levels, levelsNote, levelSettings));
        return doc;
    }

    private static Map<String, Object> levels(PhysicalLevels.Result l, String note, PhysicalLevels.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("without_denoising", l == null ? null : l.without().levels());
        m.put("with_denoising", l == null ? null : l.with().levels());
        m.put("sigma_without_S", l == null ? null : finite(l.without().sigma()));
        m.put("sigma_with_S", l == null ? null : finite(l.with().sigma()));
        m.put("limited_by", l == null ? note : l.limitedBy());
        if (l == null) {
            return m;
        }
        m.put("limited_by_without_denoising", l.without().limitedBy());
        m.put("paper_levels", 2048);
        m.put("window_S", l.window());
        m.put("probe_targets_S", l.targets());
        m.put("aim_levels", s.aim());
        m.put("read_delay_s", s.delay());
        m.put("reads_per_trace", s.reads());
        m.put("devices", s.devices());
        m.put("without", scheme(PhysicalLevels.WITHOUT.label(), l.without(), l.window()));
        m.put("with", scheme(PhysicalLevels.WITH.label(), l.with(), l.window()));
        return m;
    }

    private static Map<String, Object> scheme(String name, PhysicalLevels.SchemeLevels x, double[] window) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", name);
        m.put("levels", x.levels());
        m.put("sigma_S", finite(x.sigma()));
        m.put("sigma_read_S", finite(x.sigmaRead()));
        m.put("sigma_programming_S", finite(x.sigmaProgramming()));
        m.put("sigma_drift_S", finite(x.sigmaDrift()));
        m.put("tolerance_S", x.tolerance());
        m.put("failures", x.failures());
        m.put("programmings", x.programmings());
        m.put("pulses_mean", x.pulsesMean());
        m.put("limited_by", x.limitedBy());
        // The count if programming were exact: the ±3σ packing with the read σ alone.
        m.put("read_noise_bound_levels", x.sigmaRead() > 0
                ? DistinguishableLevels.count(window[0], window[1], g -> x.sigmaRead()) : null);
        return m;
    }

    /**
     * Why the reference timing has no window, from the measurements: the largest RESET amplitude
     * that leaves the complete channel intact, the temperatures its first pulse reaches at the
     * channel core and in the incomplete regions, and the Arrhenius ratio of hopping there,
     * exp(E_a/k_B (1/T_incomplete − 1/T_peak)); or, before all that, that the no-train control does not keep the
     * state (retention). Null when the window is not empty.
     */
    static String windowLimitedBy(DenoiseStudy.Result r, DenoiseStudy.Sweep s) {
        DenoiseStudy.Window w = r.window();
        if (!w.empty()) {
            return null;
        }
        // Nothing to denoise when the state does not hold without any voltage: the no-train control
        // of the same timing must keep the conductance the intact criterion asks of the channel.
        DenoiseStudy.Entry idle = r.entries().stream()
                .filter(e -> e.train().width() == w.width() && e.train().count() == w.count() && !e.train().applied())
                .findFirst().orElse(null);
        if (idle != null && idle.gAfter() < s.intactConductance() * idle.gBefore()) {
            return String.format(Locale.ROOT, "the state is not retained at ambient: with no train at all the devices "
                    + "keep %.3g %% of their read conductance (%.3g uS before) over the train's time; ion hopping without "
                    + "bias%s dissolves the channel, so there is no stable state to denoise (retention)",
                    100 * idle.gAfter() / idle.gBefore(), 1e6 * idle.gBefore(),
                    Double.isFinite(r.activationEnergy())
                            ? String.format(Locale.ROOT, " (E_a = %.2f eV)", r.activationEnergy()) : "");
        }
        DenoiseStudy.Entry survivor = r.entries().stream()
                .filter(e -> e.train().width() == w.width() && e.train().count() == w.count() && e.train().applied()
                        && e.train().amplitude() < 0 && e.intact() >= s.intactDevices())
                .min((a, b) -> Double.compare(a.train().amplitude(), b.train().amplitude())).orElse(null);
        if (survivor == null) {
            return "every RESET amplitude of the sweep breaks the complete channel in more than "
                    + Math.round(100 * (1 - s.intactDevices())) + " % of the devices";
        }
        String head = String.format(Locale.ROOT, "no RESET amplitude lowers the telegraph step to %.2f x the 0 V control's "
                + "change while the complete channel survives; at the largest surviving amplitude (%.3g V) the telegraph "
                + "step ratio is %.3f", s.denoiseRatio(), survivor.train().amplitude(), survivor.stepRatio());
        String erosion = fringeErosion(r, survivor);
        if (erosion != null) {
            return head + erosion;
        }
        if (!Double.isFinite(survivor.peakT()) || !Double.isFinite(survivor.incompleteT())) {
            return head;
        }
        String thermal = String.format(Locale.ROOT, "; its first pulse heats the channel core to %.0f K but the incomplete "
                + "regions (%.1f <= phi < 0.5) only to %.0f K", survivor.peakT(), DenoiseStudy.INCOMPLETE_MIN,
                survivor.incompleteT());
        if (!Double.isFinite(r.activationEnergy())) {
            return head + thermal;
        }
        double slower = Math.exp(r.activationEnergy() / PhysicalConstants.BOLTZMANN_EV_PER_K
                * (1 / survivor.incompleteT() - 1 / survivor.peakT()));
        return head + thermal + String.format(Locale.ROOT, ", where ion hopping (E_a = %.2f eV) is %.1e times slower: "
                + "Joule heating is confined to the conducting path, so the train moves the channel's hot edge "
                + "and leaves the incomplete regions frozen (thermal confinement)", r.activationEnergy(), slower)
                + (survivor.trapsBefore() != null && TrapCensusStudy.terms(survivor.trapsBefore(), survivor.trapsAfter())[2] == 0
                        ? "; the trap census agrees: no trap dissolved" : "");
    }

    /**
     * The limit the trap census shows, when it shows one: the largest surviving RESET train raised the
     * telegraph step above the 0 V control's, no trap dissolved, and traps that appeared are the
     * largest term of the variance's change — the train eroded the complete channel's fringe into
     * new partially reduced oxide beside a narrower path. Null otherwise (or without a census).
     */
    private static String fringeErosion(DenoiseStudy.Result r, DenoiseStudy.Entry survivor) {
        if (survivor.trapsBefore() == null) {
            return null;
        }
        DenoiseStudy.Entry control = r.entries().stream()
                .filter(e -> e.train().width() == survivor.train().width() && e.train().count() == survivor.train().count()
                        && e.train().applied() && e.train().amplitude() == 0)
                .findFirst().orElse(null);
        Map<String, Object> a = TrapCensusStudy.attribution(survivor.trapsBefore(), survivor.trapsAfter());
        double appeared = (Double) a.get("appeared_S2");
        int n = survivor.trapsBefore().size();
        if (control == null || !(survivor.stepRatio() > control.stepRatio()) || (Double) a.get("vanished_dissolved_S2") != 0
                || !(appeared > 0) || !"appeared".equals(a.get("dominant"))) {
            return null;
        }
        Map<String, Object> before = TrapCensusStudy.summary(survivor.trapsBefore());
        Map<String, Object> after = TrapCensusStudy.summary(survivor.trapsAfter());
        return String.format(Locale.ROOT, " against the 0 V control's %.3f: the trap census shows no trap dissolved and "
                + "traps appearing (+%.3g uS^2 of telegraph variance per device, %.3g uS^2 before; traps per device %.3g -> %.3g) "
                + "beside a conducting path whose median width fell from %s to %s nm: the train erodes the complete "
                + "channel's fringe into new partially reduced oxide next to a narrower path, which adds telegraph noise "
                + "(fringe erosion)%s", control.stepRatio(), 1e12 * appeared / n,
                1e12 * (Double) a.get("telegraph_variance_fresh_S2") / n,
                (Double) before.get("traps_per_device"), (Double) after.get("traps_per_device"),
                nm(before.get("width_median_nm")), nm(after.get("width_median_nm")),
                Double.isFinite(survivor.incompleteT()) ? String.format(Locale.ROOT, "; its first pulse heats the channel core "
                        + "to %.0f K and the incomplete regions (%.1f <= phi < 0.5) to %.0f K", survivor.peakT(),
                        DenoiseStudy.INCOMPLETE_MIN, survivor.incompleteT()) : "");
    }

    private static String nm(Object width) {
        return width == null ? "-" : String.format(Locale.ROOT, "%.3g", (Double) width);
    }

    private static double[] window(DenoiseStudy.Window w) {
        return w.empty() ? null : new double[] {w.low(), w.high()};
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Double[] finiteAll(double[] v) {
        Double[] out = new Double[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = finite(v[k]);
        }
        return out;
    }
}
