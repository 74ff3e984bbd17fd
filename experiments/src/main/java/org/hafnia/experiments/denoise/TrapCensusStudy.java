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

    private static TrapCensus census(DeviceCaseFile c, long seed, FilmDevice dev) {
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
                s.put("attribution", attribution(devices, k - 1));
            }
            states.add(s);
        }
        doc.put("states", states);
        return doc;
    }

    private static Map<String, Object> summary(List<TrapCensus> at) {
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

    private static Map<String, Object> attribution(List<DeviceCensus> devices, int level) {
        double before = 0;
        double now = 0;
        double dissolved = 0;
        double completed = 0;
        double outOfReach = 0;
        double appeared = 0;
        double persisting = 0;
        for (DeviceCensus d : devices) {
            TrapCensus.Attribution a = d.levels().get(level).against(d.fresh());
            before += a.before();
            now += a.now();
            dissolved += a.dissolved();
            completed += a.completed();
            outOfReach += a.outOfReach();
            appeared += a.appeared();
            persisting += a.persisting();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("telegraph_variance_fresh_S2", before);
        m.put("telegraph_variance_S2", now);
        // 0 − x, not −x: no "-0.0" in the file when nothing vanished.
        m.put("vanished_dissolved_S2", 0 - dissolved);
        m.put("vanished_completed_S2", 0 - completed);
        m.put("vanished_out_of_reach_S2", 0 - outOfReach);
        m.put("appeared_S2", appeared);
        m.put("persisting_step_change_S2", persisting);
        Map<String, Object> f = new LinkedHashMap<>();
        String[] keys = {"vanished_dissolved", "vanished_completed", "vanished_out_of_reach", "appeared", "persisting_step_change"};
        double[] v = {0 - dissolved, 0 - completed, 0 - outOfReach, appeared, persisting};
        int dominant = 0;
        for (int k = 0; k < keys.length; k++) {
            f.put(keys[k], before > 0 ? v[k] / before : null);
            if (Math.abs(v[k]) > Math.abs(v[dominant])) {
                dominant = k;
            }
        }
        m.put("fraction_of_fresh", f);
        m.put("dominant", keys[dominant]);
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
