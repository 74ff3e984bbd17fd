package org.hafnia.postprocess.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.extraction.CharacterisationData.DenoisingTrain;
import org.hafnia.postprocess.extraction.CharacterisationData.Device;
import org.hafnia.postprocess.extraction.CharacterisationData.Protocol;
import org.hafnia.postprocess.extraction.CharacterisationData.ReadTrace;

/**
 * Extracts compact parameters from a {@link CharacterisationData} run (anchors.md, "Crossbar
 * simulators"). Every value's uncertainty is the standard deviation over a bootstrap that
 * resamples the devices with replacement, so it contains device-to-device and finite-sample
 * spread alike.
 *
 * <ul>
 * <li>Bounds: a device's Gmax (Gmin) is the median of the last tenth of its potentiation
 * (depression) trains; Gmin, Gmax are medians over devices, their spreads std/mean.</li>
 * <li>Pulses over the range: pulses from the start of a train to 95 % of the device's range.</li>
 * <li>Nonlinearity: {@link ExponentialCurveFit} of the mean normalised train up to w = 0.9;
 * NeuroSim's label NL by {@link NeuroSimNonlinearity} from A / (pulses to 95 %), the pulse count
 * written as its maxNumLevel.</li>
 * <li>Step table: mean step (normalised to the range) on {@value #NODES} equally spaced nodes of
 * w, in bins of one node spacing; Δ± are the mean steps with |w − ½| ≤ 0.1 (or, for a device
 * whose trains jump over that band so that no step starts in it, the mean step that crosses
 * w = ½: the device's step at mid-range is that jump); aihwkit's dw_min = Δ⁺ + |Δ⁻| (its weight
 * range is 2) and up_down = (Δ⁺ − |Δ⁻|)/(Δ⁺ + |Δ⁻|).</li>
 * <li>Step spreads: the residual r = ΔG − s_d m(w) Δ_d of each unsaturated step, with m(w) the
 * table, Δ_d the device range and s_d the device's step scale, has E[r²] = c² E[(s m Δ)²] + 2σ_e²
 * and E[r_k r_(k+1)] = −σ_e² (σ_e² = write noise² + read noise², both redrawn every pulse), so
 * c2c = √((E[r²] + 2E[r r'])/E[(s m Δ)²]) and write noise = √(−E[r r'] − E[σ_read²]).
 * d2d = √(var(s_d) − sampling variance)/mean(s_d), the sampling variance of s_d = ΣΔG/Σ m Δ
 * being c2c² Σ(s m Δ)²/(Σ m Δ)² (write and read noise telescope in the sum).</li>
 * <li>Read noise: {@link TwoLevelTrace} of each as-programmed trace whose RTN is resolved
 * ({@link #RESOLVED}): RTN ΔG/G, lifetimes (mean dwell × interval, pooled), white σ/G; of all traces: total σ/G (about the trace's straight-line trend,
 * so that drift during a trace does not count as noise).</li>
 * <li>Denoising, from the devices' own denoising measurement ({@link DenoisingTrain}, that of
 * {@code hafnia denoise}: fresh devices, the case's train of n pulses and its paired 0 V control):
 * the telegraph step ratio R(n) = (after/before)_train ÷ (after/before)_control of ensemble sums of
 * two-means steps ({@code denoise_step_ratio} at n = D, {@code denoise_step_ratio_quarter} at D/4);
 * the fraction of the telegraph amplitude left, f(n) = f∞ + (1 − f∞) e^(−n/n_d), gives f∞
 * ({@code incomplete_after_denoise}) and n_d ({@code denoise_pulses}) from f(D/4) = R(D/4) and
 * f(D) = R(D); {@code denoise_factor} is the same ratio of trace σ, {@code denoise_shift} the
 * difference of G after/before, {@code read_sigma_denoised} = read σ × factor;
 * {@code read_sigma_fresh} is σ/G of the traces before the train (the devices as made, the state of
 * the denoise study's read σ), beside {@code read_sigma} at the programmed levels.</li>
 * <li>Drift: least-squares slope of ln G on ln t per device, ν = −slope.</li>
 * <li>Threshold: zero crossing of the straight line through the sweep's mean |ΔG| against |V|
 * (points above 5 % of the largest step).</li>
 * <li>Levels: {@link DistinguishableLevels} over [Gmin, Gmax] with σ = (total σ/G)·G, as
 * programmed and after denoising: the read-noise bound ({@link #LEVELS_BOUND}).</li>
 * </ul>
 */
public final class CompactExtraction {

    /**
     * A trace's telegraph signal counts as resolved when its level separation is at least this many
     * white-noise σ: the midpoint is then 2σ from each level, so white noise alone crosses it in
     * under 2.3 % of samples and the dwell statistics are the telegraph's.
     */
    static final double RESOLVED = 4;

    /** Nodes of the step table (aihwkit's PiecewiseStepDevice accepts any count; NeuroSim ≤ 63). */
    public static final int NODES = 32;

    /**
     * What {@code levels} and {@code levels_denoised} are: the ±3σ packing of [Gmin, Gmax] by the
     * read σ alone, an upper bound that no programming scheme reaches (its own resolution and
     * pulse budget add to σ); the levels a scheme reaches are measured by {@code hafnia program}
     * and {@code hafnia denoise}.
     */
    public static final String LEVELS_BOUND = "upper bound: +-3 sigma packing of [g_min, g_max] with the read sigma alone, "
            + "programming resolution not included (programmed levels: hafnia program, hafnia denoise)";

    /** Keys, units and meaning of the extracted values, in output order. */
    public static final Map<String, String> UNITS = units();

    private CompactExtraction() {
    }

    /**
     * The extraction.
     *
     * @param values      every extracted value with unit and uncertainty
     * @param stepNodes   w of the step-table nodes
     * @param stepUp      mean SET step at each node, divided by the range
     * @param stepDown    mean RESET step magnitude at each node, divided by the range
     * @param readNoise   per as-programmed trace: {G (S), total σ (S), RTN ΔG (S), white σ (S)}
     * @param ltpCurve    mean normalised potentiation train
     * @param ltdCurve    mean normalised depression train, 1 − w
     * @param device      the compact device built from the point estimates
     * @param devices     devices in the ensemble
     * @param bootstrap   bootstrap resamples
     */
    public record Result(Map<String, Measured> values, double[] stepNodes, double[] stepUp, double[] stepDown,
                         List<double[]> readNoise, double[] ltpCurve, double[] ltdCurve,
                         CompactDeviceParameters device, int devices, int bootstrap) {

        public double value(String key) {
            return values.get(key).value();
        }
    }

    /** Runs the extraction with {@code bootstrap} resamples drawn from {@code seed}. */
    public static Result extract(CharacterisationData data, int bootstrap, long seed) {
        List<Device> devices = data.devices();
        if (devices.size() < 2) {
            throw new IllegalArgumentException("need at least 2 devices, got " + devices.size());
        }
        Point point = estimate(data.protocol(), devices);
        int nKeys = UNITS.size();
        double[] sum = new double[nKeys];
        double[] sumSq = new double[nKeys];
        int[] count = new int[nKeys];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < bootstrap; b++) {
            List<Device> sample = new ArrayList<>(devices.size());
            for (int i = 0; i < devices.size(); i++) {
                sample.add(devices.get(random.nextInt(devices.size())));
            }
            Point p = estimate(data.protocol(), sample);
            int k = 0;
            for (String key : UNITS.keySet()) {
                double v = p.values.get(key);
                if (Double.isFinite(v)) {
                    sum[k] += v;
                    sumSq[k] += v * v;
                    count[k]++;
                }
                k++;
            }
        }
        Map<String, Measured> values = new LinkedHashMap<>();
        String method = "bootstrap over devices (" + bootstrap + " resamples)";
        int k = 0;
        for (Map.Entry<String, String> e : UNITS.entrySet()) {
            double sd = count[k] > 1
                    ? Math.sqrt(Math.max(0, (sumSq[k] - sum[k] * sum[k] / count[k]) / (count[k] - 1))) : Double.NaN;
            values.put(e.getKey(), new Measured(point.values.get(e.getKey()), sd, e.getValue(),
                    e.getKey().startsWith("levels") ? LEVELS_BOUND + "; " + method : method));
            k++;
        }
        return new Result(values, point.nodes, point.stepUp, point.stepDown, point.readNoise, point.ltp, point.ltd,
                compactDevice(point.values, data.protocol(), values.get("incomplete_after_denoise").uncertainty(),
                        values.get("denoise_step_ratio").uncertainty()),
                devices.size(), bootstrap);
    }

    private static Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        for (String s : new String[] {"g_min:S", "g_max:S", "g_min_dtod:1", "g_max_dtod:1", "pulses_ltp:pulses",
            "pulses_ltd:pulses", "a_ltp:pulses", "a_ltd:pulses", "p_max_ltp:pulses", "p_max_ltd:pulses", "nl_ltp:1",
            "nl_ltd:1", "dw_min:1", "up_down:1", "step_ctoc:1", "step_dtod:1", "write_noise:S", "read_noise:1",
            "rtn_amplitude:1", "tau0:s", "tau1:s", "read_sigma:1", "read_sigma_fresh:1", "read_sigma_denoised:1", "denoise_factor:1",
            "denoise_step_ratio:1", "denoise_step_ratio_quarter:1", "incomplete_after_denoise:1", "denoise_pulses:pulses", "denoise_shift:1", "drift_nu:1",
            "drift_nu_dtod:1", "v_threshold:V", "levels:1", "levels_denoised:1"}) {
            int c = s.indexOf(':');
            u.put(s.substring(0, c), s.substring(c + 1));
        }
        return u;
    }

    /** A point estimate from one list of devices. */
    private static final class Point {
        final Map<String, Double> values = new LinkedHashMap<>();
        double[] nodes;
        double[] stepUp;
        double[] stepDown;
        double[] ltp;
        double[] ltd;
        final List<double[]> readNoise = new ArrayList<>();
    }

    private static Point estimate(Protocol protocol, List<Device> devices) {
        Point pt = new Point();
        Map<String, Double> v = pt.values;
        int nd = devices.size();
        double[] lo = new double[nd];
        double[] hi = new double[nd];
        for (int d = 0; d < nd; d++) {
            hi[d] = tailMedian(devices.get(d).potentiation());
            lo[d] = tailMedian(devices.get(d).depression());
        }
        v.put("g_min", median(lo));
        v.put("g_max", median(hi));
        v.put("g_min_dtod", sd(lo) / mean(lo));
        v.put("g_max_dtod", sd(hi) / mean(hi));

        // Pulses over the range and mean normalised trains.
        int n = protocol.trainPulses();
        pt.ltp = new double[n + 1];
        pt.ltd = new double[n + 1];
        double p95Ltp = 0;
        double p95Ltd = 0;
        int trains = 0;
        for (int d = 0; d < nd; d++) {
            double range = hi[d] - lo[d];
            Device dev = devices.get(d);
            for (int c = 0; c < dev.potentiation().length; c++) {
                double[] up = dev.potentiation()[c];
                double[] down = dev.depression()[c];
                int kUp = n;
                int kDown = n;
                for (int k = n; k >= 0; k--) {
                    double wu = (up[k] - lo[d]) / range;
                    double wd = (hi[d] - down[k]) / range;
                    pt.ltp[k] += wu;
                    pt.ltd[k] += wd;
                    kUp = wu >= 0.95 ? k : kUp;
                    kDown = wd >= 0.95 ? k : kDown;
                }
                p95Ltp += kUp;
                p95Ltd += kDown;
                trains++;
            }
        }
        for (int k = 0; k <= n; k++) {
            pt.ltp[k] /= trains;
            pt.ltd[k] /= trains;
        }
        v.put("pulses_ltp", p95Ltp / trains);
        v.put("pulses_ltd", p95Ltd / trains);
        fitCurve(v, "ltp", pt.ltp, p95Ltp / trains);
        fitCurve(v, "ltd", pt.ltd, p95Ltd / trains);

        readNoise(pt, protocol, devices);
        stepStatistics(pt, protocol, devices, lo, hi);
        drift(v, protocol, devices);
        threshold(v, protocol, devices);

        double gMin = v.get("g_min");
        double gMax = v.get("g_max");
        double rel = v.get("read_sigma");
        double relDenoised = v.get("read_sigma_denoised");
        v.put("levels", (double) DistinguishableLevels.count(gMin, gMax, g -> rel * g));
        v.put("levels_denoised", Double.isFinite(relDenoised)
                ? (double) DistinguishableLevels.count(gMin, gMax, g -> relDenoised * g) : Double.NaN);
        return pt;
    }

    private static void fitCurve(Map<String, Double> v, String name, double[] w, double p95) {
        int last = 0;
        while (last + 1 < w.length && w[last + 1] <= 0.9) {
            last++;
        }
        double a = Double.NaN;
        double pMax = Double.NaN;
        if (last + 1 >= 3) {
            ExponentialCurveFit fit = ExponentialCurveFit.fit(w, last + 1, Math.max(1, p95 / 2));
            a = fit.a();
            pMax = Math.min(fit.pulsesToBound(), 1e6);
        }
        v.put("a_" + name, a);
        v.put("p_max_" + name, pMax);
        // NeuroSim normalises A by maxNumLevel, which the exports set to the pulses to 95 % of the range.
        double nl = NeuroSimNonlinearity.label(a / p95);
        v.put("nl_" + name, name.equals("ltp") ? nl : -nl);
    }

    private static void stepStatistics(Point pt, Protocol protocol, List<Device> devices, double[] lo, double[] hi) {
        int nd = devices.size();
        pt.nodes = new double[NODES];
        double[] sumUp = new double[NODES];
        double[] sumDown = new double[NODES];
        int[] cUp = new int[NODES];
        int[] cDown = new int[NODES];
        double midUp = 0;
        double midDown = 0;
        int cMidUp = 0;
        int cMidDown = 0;
        double crossUp = 0;
        double crossDown = 0;
        int cCrossUp = 0;
        int cCrossDown = 0;
        for (int j = 0; j < NODES; j++) {
            pt.nodes[j] = (double) j / (NODES - 1);
        }
        for (int d = 0; d < nd; d++) {
            double range = hi[d] - lo[d];
            for (double[][] trains : new double[][][] {devices.get(d).potentiation(), devices.get(d).depression()}) {
                boolean up = trains == devices.get(d).potentiation();
                for (double[] t : trains) {
                    for (int k = 0; k + 1 < t.length; k++) {
                        double w = (t[k] - lo[d]) / range;
                        double step = (t[k + 1] - t[k]) / range;
                        if (step != 0 && (w - 0.5) * (w + step - 0.5) <= 0) {
                            if (up) {
                                crossUp += step;
                                cCrossUp++;
                            } else {
                                crossDown -= step;
                                cCrossDown++;
                            }
                        }
                        int j = (int) Math.round(Math.max(0, Math.min(1, w)) * (NODES - 1));
                        if (up) {
                            sumUp[j] += step;
                            cUp[j]++;
                        } else {
                            sumDown[j] -= step;
                            cDown[j]++;
                        }
                        if (Math.abs(w - 0.5) <= 0.1) {
                            if (up) {
                                midUp += step;
                                cMidUp++;
                            } else {
                                midDown -= step;
                                cMidDown++;
                            }
                        }
                    }
                }
            }
        }
        pt.stepUp = binMeans(sumUp, cUp);
        pt.stepDown = binMeans(sumDown, cDown);
        double dUp = cMidUp > 0 ? midUp / cMidUp : crossUp / Math.max(1, cCrossUp);
        double dDown = cMidDown > 0 ? midDown / cMidDown : crossDown / Math.max(1, cCrossDown);
        Map<String, Double> v = pt.values;
        v.put("dw_min", dUp + dDown);
        v.put("up_down", (dUp - dDown) / (dUp + dDown));

        // Residuals of unsaturated steps about each device's scaled mean step.
        double rr = 0;
        double rrLag = 0;
        double mm = 0;
        double readVar = 0;
        int nr = 0;
        int nLag = 0;
        double[] scale = new double[nd];
        double[] sumMm = new double[nd];
        double[] sumM = new double[nd];
        // The read σ right after a write, relative to G (as-programmed traces).
        double readRel = pt.values.get("read_sigma");
        for (int pass = 0; pass < 2; pass++) {
            for (int d = 0; d < nd; d++) {
                double range = hi[d] - lo[d];
                double sStep = 0;
                double sMean = 0;
                for (double[][] trains : new double[][][] {devices.get(d).potentiation(), devices.get(d).depression()}) {
                    boolean up = trains == devices.get(d).potentiation();
                    double[] table = up ? pt.stepUp : pt.stepDown;
                    for (double[] t : trains) {
                        double prev = Double.NaN;
                        for (int k = 0; k + 1 < t.length; k++) {
                            double w = (t[k] - lo[d]) / range;
                            boolean active = up ? (w >= 0.02 && w <= 0.85) : (w >= 0.15 && w <= 0.98);
                            if (!active) {
                                prev = Double.NaN;
                                continue;
                            }
                            double m = interpolate(pt.nodes, table, w) * range * (up ? 1 : -1);
                            double step = t[k + 1] - t[k];
                            if (pass == 0) {
                                sStep += Math.abs(step);
                                sMean += Math.abs(m);
                                continue;
                            }
                            double r = step - scale[d] * m;
                            rr += r * r;
                            mm += scale[d] * scale[d] * m * m;
                            readVar += readRel * readRel * t[k + 1] * t[k + 1];
                            sumMm[d] += scale[d] * scale[d] * m * m;
                            sumM[d] += Math.abs(m);
                            nr++;
                            if (!Double.isNaN(prev)) {
                                rrLag += prev * r;
                                nLag++;
                            }
                            prev = r;
                        }
                    }
                }
                if (pass == 0) {
                    scale[d] = sMean > 0 ? sStep / sMean : Double.NaN;
                }
            }
        }
        double e2 = rr / Math.max(1, nr);
        double lag = rrLag / Math.max(1, nLag);
        double c2c = Math.sqrt(Math.max(0, (e2 + 2 * lag) / (mm / Math.max(1, nr))));
        v.put("step_ctoc", c2c);
        v.put("write_noise", Math.sqrt(Math.max(0, -lag - readVar / Math.max(1, nr))));
        // Sampling variance of s_d from the step spread only: write and read noise telescope in Σ ΔG.
        double[] sampling1 = new double[nd];
        for (int d = 0; d < nd; d++) {
            sampling1[d] = c2c * c2c * sumMm[d] / (sumM[d] * sumM[d]);
        }
        double sampling = mean(sampling1);
        v.put("step_dtod", Math.sqrt(Math.max(0, sd(scale) * sd(scale) - sampling)) / mean(scale));
    }

    private static void readNoise(Point pt, Protocol protocol, List<Device> devices) {
        Map<String, Double> v = pt.values;
        double white = 0;
        double rtn = 0;
        double total = 0;
        int n = 0;
        double dwellLow = 0;
        double dwellHigh = 0;
        int cLow = 0;
        int cHigh = 0;
        int resolved = 0;
        for (Device dev : devices) {
            for (ReadTrace t : dev.traces()) {
                TwoLevelTrace a = TwoLevelTrace.of(t.samples());
                double g = mean(t.samples());
                double s = detrendedSd(t.samples());
                total += s / g;
                n++;
                pt.readNoise.add(new double[] {g, s, a.step(), a.whiteSigma()});
                if (a.step() < RESOLVED * a.whiteSigma()) {
                    continue;
                }
                white += a.whiteSigma() / g;
                rtn += a.step() / g;
                resolved++;
                if (a.dwellsLow() > 0) {
                    dwellLow += a.meanDwellLow() * a.dwellsLow();
                    cLow += a.dwellsLow();
                }
                if (a.dwellsHigh() > 0) {
                    dwellHigh += a.meanDwellHigh() * a.dwellsHigh();
                    cHigh += a.dwellsHigh();
                }
            }
        }
        v.put("read_noise", white / resolved);
        v.put("rtn_amplitude", rtn / resolved);
        v.put("tau0", cLow > 0 ? dwellLow / cLow * protocol.traceInterval() : Double.NaN);
        v.put("tau1", cHigh > 0 ? dwellHigh / cHigh * protocol.traceInterval() : Double.NaN);
        v.put("read_sigma", total / n);
        denoising(v, protocol, devices);
    }

    /**
     * The denoising figures from the devices' own denoising measurement ({@link DenoisingTrain}:
     * the train and its paired 0 V control on fresh devices, as {@code hafnia denoise} measures),
     * with the study's statistic: a ratio after/before of ensemble sums, divided by the same ratio of
     * the 0 V control, so that neither the elapsed time nor the reads are credited to the train.
     * The telegraph step is the published two-means separation ({@link TwoLevelTrace}); σ the sample
     * standard deviation of a trace; G its mean. NaN when the devices were not measured so.
     */
    private static void denoising(Map<String, Double> v, Protocol protocol, List<Device> devices) {
        int full = protocol.denoisePulses();
        int quarter = full / 4;
        double[] q = trainRatios(devices, quarter);
        double[] f = trainRatios(devices, full);
        v.put("read_sigma_fresh", f[3]);
        v.put("denoise_step_ratio", f[0]);
        v.put("denoise_step_ratio_quarter", q[0]);
        v.put("denoise_factor", f[1]);
        v.put("read_sigma_denoised", v.get("read_sigma") * f[1]);
        v.put("denoise_shift", f[2]);
        // f(n) = f∞ + (1 − f∞) e^(−n/n_d): the fraction of the telegraph amplitude left after n pulses.
        double fq = Math.min(1, q[0]);
        double fEnd = Math.min(1, f[0]);
        // The ratio is one of telegraph amplitudes only where the traces before the train hold a
        // resolved telegraph signal; otherwise it compares white-noise floors and f∞ is not measured.
        double fInf = Double.isFinite(fq) && Double.isFinite(fEnd) && f[4] > 0 ? asymptote(fq, fEnd) : Double.NaN;
        double ratio = (fq - fInf) / (1 - fInf);
        v.put("incomplete_after_denoise", fInf);
        // Not resolvable when the quarter train already reached the end value: the train is long.
        v.put("denoise_pulses", !Double.isFinite(fInf) ? Double.NaN
                : ratio > 0 && ratio < 1 ? -quarter / Math.log(ratio) : quarter / 4.0);
    }

    /**
     * {step ratio, σ ratio, G shift, σ/G as made, telegraph devices} of the {@code pulses}-pulse train relative to its
     * 0 V control: (Σ after / Σ before)_train ÷ (Σ after / Σ before)_control for the step and σ,
     * (ΣG after / ΣG before)_train − (…)_control for G, and Σσ / ΣG of the traces before the
     * train (the devices as made, the state and statistic of the read σ of {@code hafnia denoise}),
     * and the number of devices whose trace before the train resolves a telegraph signal
     * ({@link #RESOLVED}); NaN (and 0) when no device holds that train.
     */
    private static double[] trainRatios(List<Device> devices, int pulses) {
        double[] sum = new double[12];
        int m = 0;
        int telegraph = 0;
        for (Device dev : devices) {
            for (DenoisingTrain t : dev.denoising()) {
                if (t.pulses() != pulses) {
                    continue;
                }
                double[][] traces = {t.trainBefore(), t.trainAfter(), t.controlBefore(), t.controlAfter()};
                for (int k = 0; k < 4; k++) {
                    sum[k] += TwoLevelTrace.of(traces[k]).step();
                    sum[4 + k] += sd(traces[k]);
                    sum[8 + k] += mean(traces[k]);
                }
                TwoLevelTrace before = TwoLevelTrace.of(t.trainBefore());
                telegraph += before.step() >= RESOLVED * before.whiteSigma() ? 1 : 0;
                m++;
            }
        }
        if (m == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0};
        }
        return new double[] {sum[1] / sum[0] / (sum[3] / sum[2]), sum[5] / sum[4] / (sum[7] / sum[6]),
            sum[9] / sum[8] - sum[11] / sum[10], sum[4] / sum[8], telegraph};
    }

    /**
     * f∞ of f(n) = f∞ + (1 − f∞) e^(−n/n_d) from f(q) and f(4q): ((f_q − f∞)/(1 − f∞))⁴ =
     * (f_4q − f∞)/(1 − f∞), solved by bisection on [0, f_4q]; f_4q itself when there is no root.
     */
    static double asymptote(double fq, double f4q) {
        if (!(fq > f4q) || !(fq < 1)) {
            return f4q;
        }
        java.util.function.DoubleUnaryOperator h = f -> Math.pow((fq - f) / (1 - f), 4) - (f4q - f) / (1 - f);
        double a = 0;
        double b = f4q;
        if (h.applyAsDouble(a) > 0) {
            return f4q;
        }
        for (int it = 0; it < 100; it++) {
            double m = 0.5 * (a + b);
            if (h.applyAsDouble(m) > 0) {
                b = m;
            } else {
                a = m;
            }
        }
        return 0.5 * (a + b);
    }

    private static void drift(Map<String, Double> v, Protocol protocol, List<Device> devices) {
        double[] t = protocol.driftTimes();
        double[] nu = new double[devices.size()];
        for (int d = 0; d < devices.size(); d++) {
            double[] g = devices.get(d).drift();
            SimpleRegression fit = new SimpleRegression();
            for (int i = 0; i < t.length; i++) {
                fit.addData(Math.log(t[i]), Math.log(g[i]));
            }
            nu[d] = -fit.getSlope();
        }
        v.put("drift_nu", mean(nu));
        v.put("drift_nu_dtod", sd(nu));
    }

    private static void threshold(Map<String, Double> v, Protocol protocol, List<Device> devices) {
        double[] amps = protocol.sweepAmplitudes();
        double[] mean = new double[amps.length];
        for (Device dev : devices) {
            for (int i = 0; i < amps.length; i++) {
                mean[i] += (dev.sweepSet()[i] - dev.sweepReset()[i]) / 2 / devices.size();
            }
        }
        double max = Arrays.stream(mean).max().orElse(0);
        SimpleRegression fit = new SimpleRegression();
        for (int i = 0; i < amps.length; i++) {
            if (mean[i] > 0.05 * max) {
                fit.addData(amps[i], mean[i]);
            }
        }
        double slope = fit.getSlope();
        double intercept = fit.getIntercept();
        int m = (int) fit.getN();
        v.put("v_threshold", m >= 2 && slope > 0 ? Math.max(0, -intercept / slope) : Double.NaN);
    }

    /**
     * The compact device of the point estimates. A quantity the run could not resolve (NaN, e.g. no
     * trace with a resolved telegraph signal) falls back to the neutral choice: spreads 0, white
     * read noise = the total read σ/G with no RTN, no denoising effect (f∞ = 1), drift 0.
     *
     * <p>Nothing is imposed: the threshold is the fitted one (bounded only by what the
     * characterisation showed, that its SET and RESET trains switched: below 0.95 × their
     * amplitudes), never raised to the denoising amplitude; and a denoising effect enters the model
     * only when the measurement resolves it: a telegraph signal resolved before the train, f∞ more
     * than two bootstrap σ ({@code incompleteSd}) below 1 and the measured step ratio of the full
     * train more than two of its σ ({@code ratioSd}) below 1 (else f∞ = 1, no effect), so that an
     * insignificant difference, or one between white-noise floors, is not handed to a crossbar
     * simulator as a denoising gain.
     */
    private static CompactDeviceParameters compactDevice(Map<String, Double> v, Protocol p, double incompleteSd,
                                                         double ratioSd) {
        double fitted = Double.isFinite(v.get("v_threshold")) ? v.get("v_threshold") : 0;
        double vth = Math.min(fitted, 0.95 * Math.min(p.vSet(), -p.vReset()));
        double f = v.get("incomplete_after_denoise");
        double r = v.get("denoise_step_ratio");
        boolean resolved = Double.isFinite(f) && (Double.isNaN(incompleteSd) || 1 - f > 2 * incompleteSd)
                && (Double.isNaN(ratioSd) || 1 - r > 2 * ratioSd);
        boolean rtnResolved = Double.isFinite(v.get("rtn_amplitude"));
        return new CompactDeviceParameters(v.get("g_min"), v.get("g_max"),
                zeroIfNaN(0.5 * (v.get("g_min_dtod") + v.get("g_max_dtod"))),
                finiteOr(v.get("p_max_ltp"), v.get("pulses_ltp")), finiteOr(v.get("p_max_ltd"), v.get("pulses_ltd")),
                finiteOr(v.get("a_ltp"), 1e6), finiteOr(v.get("a_ltd"), 1e6),
                zeroIfNaN(v.get("step_ctoc")), zeroIfNaN(v.get("step_dtod")), zeroIfNaN(v.get("write_noise")),
                rtnResolved ? v.get("read_noise") : zeroIfNaN(v.get("read_sigma")),
                rtnResolved ? v.get("rtn_amplitude") : 0, finiteOr(v.get("tau0"), 1e-3),
                finiteOr(v.get("tau1"), 1e-3),
                resolved ? Math.max(0, Math.min(1, f)) : 1,
                finiteOr(v.get("denoise_pulses"), 1), finiteOrZero(v.get("denoise_shift")),
                finiteOrZero(v.get("drift_nu")), zeroIfNaN(v.get("drift_nu_dtod")), p.driftTimes()[0],
                p.vSet(), p.vReset(), vth, p.pulseWidth(), p.readVoltage(), p.readWidth());
    }

    /** A spread or noise: the value if finite, else 0; never negative. */
    private static double zeroIfNaN(double x) {
        return Double.isFinite(x) ? Math.max(0, x) : 0;
    }

    /** A signed value: the value if finite, else 0. */
    private static double finiteOrZero(double x) {
        return Double.isFinite(x) ? x : 0;
    }

    private static double finiteOr(double x, double fallback) {
        return Double.isFinite(x) && x > 0 ? x : fallback;
    }

    private static double[] binMeans(double[] sum, int[] count) {
        double[] m = new double[sum.length];
        for (int j = 0; j < m.length; j++) {
            m[j] = count[j] > 0 ? sum[j] / count[j] : Double.NaN;
        }
        // Empty bins take the value of the nearest filled bin.
        for (int j = 0; j < m.length; j++) {
            if (Double.isNaN(m[j])) {
                for (int r = 1; r < m.length; r++) {
                    if (j - r >= 0 && count[j - r] > 0) {
                        m[j] = sum[j - r] / count[j - r];
                        break;
                    }
                    if (j + r < m.length && count[j + r] > 0) {
                        m[j] = sum[j + r] / count[j + r];
                        break;
                    }
                }
            }
        }
        return m;
    }

    static double interpolate(double[] x, double[] y, double at) {
        double u = Math.max(0, Math.min(1, at)) * (x.length - 1);
        int i = Math.min(x.length - 2, (int) u);
        double f = u - i;
        return y[i] * (1 - f) + y[i + 1] * f;
    }

    private static double tailMedian(double[][] trains) {
        List<Double> tail = new ArrayList<>();
        for (double[] t : trains) {
            int keep = Math.max(1, t.length / 10);
            for (int k = t.length - keep; k < t.length; k++) {
                tail.add(t[k]);
            }
        }
        return median(tail.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** σ of a trace about its least-squares straight line (drift during the trace removed). */
    static double detrendedSd(double[] x) {
        int n = x.length;
        double tm = (n - 1) / 2.0;
        double xm = mean(x);
        double stt = 0;
        double stx = 0;
        for (int i = 0; i < n; i++) {
            stt += (i - tm) * (i - tm);
            stx += (i - tm) * (x[i] - xm);
        }
        double slope = stt > 0 ? stx / stt : 0;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double r = x[i] - xm - slope * (i - tm);
            ss += r * r;
        }
        return Math.sqrt(ss / Math.max(1, n - 2));
    }

    static double median(double[] x) {
        return StatUtils.percentile(x, 50);
    }

    static double mean(double[] x) {
        return StatUtils.mean(x);
    }

    /** Sample standard deviation (n − 1). */
    static double sd(double[] x) {
        return Math.sqrt(StatUtils.variance(x));
    }
}
