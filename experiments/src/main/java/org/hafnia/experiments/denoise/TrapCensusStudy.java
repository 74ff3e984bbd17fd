package org.hafnia.experiments.denoise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;

import org.hafnia.experiments.ParallelJobs;
import org.hafnia.experiments.characterisation.Characterisation;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.postprocess.rtn.TrapCensus;
import org.hafnia.solver.device.FilmDevice;

/**
 * Where the read noise of a device case comes from, trap by trap ({@code hafnia traps},
 * docs/traps.md): the {@link TrapCensus} of each device of the ensemble as made and at each
 * programmed level of the characterisation protocol ({@link Characterisation#levels}, the states
 * whose read traces {@code extract} measures), and the change of the telegraph variance from the
 * device as made to each level, attributed to the traps that vanished (dissolved, completed or out
 * of reach), appeared, or persisted with another step.
 */
public final class TrapCensusStudy {

    /**
     * One device.
     *
     * @param seed   its seed
     * @param fresh  the census of the device as made
     * @param levels the census at each programmed level, in {@link Characterisation#levelFractions()} order
     */
    public record DeviceCensus(long seed, TrapCensus fresh, List<TrapCensus> levels) {
    }

    private TrapCensusStudy() {
    }

    /**
     * The census of devices {@code seed} … {@code seed + devices − 1} of {@code c}, one task per
     * device (the result does not depend on {@code threads}).
     */
    public static List<DeviceCensus> run(DeviceCaseFile c, int devices, long seed, int threads, IntConsumer progress) {
        if (c.traps() == null) {
            throw new InvalidInputException(c.name() + ": the case has no traps section; a trap census needs one");
        }
        DeviceCensus[] out = new DeviceCensus[devices];
        List<Runnable> jobs = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            final int index = i;
            jobs.add(() -> {
                out[index] = device(c, seed + index);
                progress.accept(index);
            });
        }
        ParallelJobs.run(threads, jobs, "trap census");
        return List.of(out);
    }

    /** The census of device {@code seed}: as made, then at each level of the protocol. */
    public static DeviceCensus device(DeviceCaseFile c, long seed) {
        FilmDevice dev = c.device(seed);
        TrapCensus fresh = census(c, seed, dev);
        List<TrapCensus> levels = new ArrayList<>();
        Characterisation.levels(dev, c.protocol(), (d, level) -> levels.add(census(c, seed, (FilmDevice) d)));
        return new DeviceCensus(seed, fresh, List.copyOf(levels));
    }

    /** The census of device {@code seed} of {@code c} (a case with traps) in its present state. */
    public static TrapCensus census(DeviceCaseFile c, long seed, FilmDevice dev) {
        return TrapCensus.of(c.traps(), seed, c.model().grid(), dev.phi().clone(), dev.conductance(), c.readVoltage(),
                c.readWidth(), c.model().heat().ambient());
    }

    /** The state names: {@code fresh}, then {@code level-F} for each level's SET fraction F of the train. */
    public static List<String> states() {
        List<String> s = new ArrayList<>(List.of("fresh"));
        for (double f : Characterisation.levelFractions()) {
            s.add(String.format(Locale.ROOT, "level-%.2f", f));
        }
        return s;
    }

    /**
     * {@code traps.json}: per state, the ensemble's mean G, traps per device, σ_T/G and σ/G (with the
     * Johnson floor), median path width and distance of the traps; per level, the attribution of the
     * change of Σ σ_T² over the ensemble from the devices as made, in S² and as fractions of the
     * as-made total, and the largest term by magnitude ({@code dominant}).
     */
    public static Map<String, Object> document(String caseName, DeviceCaseFile c, List<DeviceCensus> devices) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", caseName);
        doc.put("devices", devices.size());
        doc.put("read_V", c.readVoltage());
        doc.put("read_width_s", c.readWidth());
        doc.put("charged_fraction", devices.isEmpty() ? null : devices.get(0).fresh().chargedFraction());
        List<String> names = states();
        List<Map<String, Object>> states = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            List<TrapCensus> at = new ArrayList<>();
            for (DeviceCensus d : devices) {
                at.add(k == 0 ? d.fresh() : d.levels().get(k - 1));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("state", names.get(k));
            s.put("set_pulses", k == 0 ? null
                    : (int) Math.round(Characterisation.levelFractions()[k - 1] * c.protocol().trainPulses()));
            s.putAll(summary(at));
            if (k > 0) {
                final int level = k - 1;
                s.put("attribution", attribution(devices.stream().map(DeviceCensus::fresh).toList(),
                        devices.stream().map(d -> d.levels().get(level)).toList()));
            }
            states.add(s);
        }
        doc.put("states", states);
        return doc;
    }

    static Map<String, Object> summary(List<TrapCensus> at) {
        double g = 0;
        double traps = 0;
        double telegraphRel = 0;
        double readRel = 0;
        List<Double> width = new ArrayList<>();
        List<Double> distance = new ArrayList<>();
        for (TrapCensus t : at) {
            g += t.conductance();
            traps += t.traps().size();
            telegraphRel += Math.sqrt(t.telegraphVariance()) / t.conductance();
            readRel += t.readSigma() / t.conductance();
            for (TrapCensus.Entry e : t.traps()) {
                width.add(e.trap().width());
                distance.add(e.trap().distance());
            }
        }
        int n = at.size();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("g_mean_S", g / n);
        s.put("traps_per_device", traps / n);
        s.put("telegraph_sigma_rel_mean", telegraphRel / n);
        s.put("read_sigma_rel_mean", readRel / n);
        s.put("width_median_nm", median(width));
        s.put("distance_median_nm", median(distance));
        return s;
    }

    /** The causes of {@link #terms}, in order, as the keys of {@link #attribution} name them. */
    static final String[] CAUSES = {"vanished_dissolved", "vanished_completed", "vanished_out_of_reach", "appeared",
        "persisting_step_change"};

    /**
     * Σ σ_T² of the censuses {@code fresh} and {@code later} (device by device, in the same order) and
     * the change between them by cause, S²: {fresh, later, then {@link #CAUSES}, vanished terms negative}.
     */
    static double[] terms(List<TrapCensus> fresh, List<TrapCensus> later) {
        double[] t = new double[2 + CAUSES.length];
        for (int i = 0; i < fresh.size(); i++) {
            TrapCensus.Attribution a = later.get(i).against(fresh.get(i));
            t[0] += a.before();
            t[1] += a.now();
            // 0 − x, not −x: no "-0.0" in the file when nothing vanished.
            t[2] = t[2] + (0 - a.dissolved());
            t[3] = t[3] + (0 - a.completed());
            t[4] = t[4] + (0 - a.outOfReach());
            t[5] += a.appeared();
            t[6] += a.persisting();
        }
        return t;
    }

    /**
     * The change of Σ σ_T² over an ensemble from the censuses {@code fresh} to {@code later} (device by
     * device, in the same order), split by cause, with its fractions of the fresh total and the
     * largest term by magnitude (null when every term is 0).
     */
    public static Map<String, Object> attribution(List<TrapCensus> fresh, List<TrapCensus> later) {
        double[] t = terms(fresh, later);
        double before = t[0];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("telegraph_variance_fresh_S2", before);
        m.put("telegraph_variance_S2", t[1]);
        Map<String, Object> f = new LinkedHashMap<>();
        int dominant = 0;
        for (int k = 0; k < CAUSES.length; k++) {
            double v = t[2 + k];
            m.put(CAUSES[k] + "_S2", v);
            f.put(CAUSES[k], before > 0 ? v / before : null);
            if (Math.abs(v) > Math.abs(t[2 + dominant])) {
                dominant = k;
            }
        }
        m.put("fraction_of_fresh", f);
        m.put("dominant", t[2 + dominant] != 0 ? CAUSES[dominant] : null); // null: nothing changed
        return m;
    }

    private static Double median(List<Double> v) {
        if (v.isEmpty()) {
            return null;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }

    /** {@code traps.tsv}: one row per trap per device and state. */
    public static String table(List<DeviceCensus> devices) {
        StringBuilder b = new StringBuilder(
                "seed\tstate\tG_S\tkey\tx_nm\ty_nm\tdistance_nm\twidth_nm\tstep_S\tvariance_S2\tsince_fresh\n");
        List<String> names = states();
        for (DeviceCensus d : devices) {
            for (int k = 0; k < names.size(); k++) {
                TrapCensus t = k == 0 ? d.fresh() : d.levels().get(k - 1);
                for (TrapCensus.Entry e : t.traps()) {
                    var p = e.trap();
                    String since = k == 0 ? "-" : d.fresh().find(p) != null ? "persisting" : "appeared";
                    b.append(String.format(Locale.ROOT, "%d\t%s\t%.8g\t%d\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%.6g\t%s%n", d.seed(),
                            names.get(k), t.conductance(), p.key(), p.x(), p.y(), p.distance(), p.width(), e.step(),
                            e.variance(), since));
                }
            }
        }
        return b.toString();
    }
}
