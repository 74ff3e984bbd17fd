package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.denoise.TrapCensusStudy;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia traps}: the trap census of a device case, as made and at the programmed levels. */
@Command(name = "traps", mixinStandardHelpOptions = true,
        header = "Trap by trap: where a device case's telegraph noise comes from, as made and at the programmed levels.",
        description = {"For each device of the ensemble: the traps of its channel map as made and at each programmed level",
            "of the characterisation protocol (the states whose read traces extract measures), each with its",
            "conductance step at the read voltage and its stationary telegraph variance; the change of the",
            "telegraph variance from the device as made attributed to traps that vanished (site dissolved,",
            "completed or out of reach), appeared, or persisted with another step. Writes traps.json, traps.tsv."})
public final class TrapsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", description = "Device case JSON (default: the shipped hfo2-device case).")
    Path casePath;

    @Option(names = "--out", defaultValue = "out/traps", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--devices", paramLabel = "N", description = "Ensemble size (default: from the case).")
    @Range(min = 1, max = 100_000)
    Integer devices;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        DeviceCaseFile c = casePath == null ? DeviceCaseFile.defaultCase() : DeviceCaseFile.read(casePath);
        int n = threads.resolve();
        int count = devices != null ? devices : c.devices();
        long t0 = System.nanoTime();
        List<TrapCensusStudy.DeviceCensus> census;
        try (Progress bar = new Progress("traps", count)) {
            census = TrapCensusStudy.run(c, count, c.seed(), n, i -> bar.step());
        }
        Map<String, Object> doc = TrapCensusStudy.document(c.name(), c, census);
        try (StagedOutput staged = StagedOutput.in(out)) {
            staged.write("traps.json", Json.content(doc));
            staged.writeString("traps.tsv", TrapCensusStudy.table(census));
            staged.commit();
        }
        print(log, c.name(), count, n, (System.nanoTime() - t0) * 1e-9, doc);
        return 0;
    }

    @SuppressWarnings("unchecked")
    private void print(PrintWriter log, String name, int count, int threads, double seconds, Map<String, Object> doc) {
        log.printf(Locale.ROOT, "traps: case %s, %d devices, %d thread(s), %.1f s%n", name, count, threads, seconds);
        log.printf(Locale.ROOT, "  %-11s %-9s %-6s %-9s %-9s %-8s %-8s  %s%n", "state", "G µS", "traps", "σ_T/G", "σ/G",
                "a nm", "d nm", "change of Σσ_T² from fresh (fractions of fresh)");
        for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("states")) {
            String change = "";
            if (s.get("attribution") instanceof Map<?, ?> a) {
                Map<String, Object> f = (Map<String, Object>) a.get("fraction_of_fresh");
                change = String.format(Locale.ROOT, "dissolved %s, completed %s, out of reach %s, appeared %s, persisting %s",
                        fraction(f.get("vanished_dissolved")), fraction(f.get("vanished_completed")),
                        fraction(f.get("vanished_out_of_reach")), fraction(f.get("appeared")),
                        fraction(f.get("persisting_step_change")));
            }
            log.printf(Locale.ROOT, "  %-11s %-9.4g %-6.2f %-9s %-9s %-8s %-8s  %s%n", s.get("state"),
                    1e6 * (double) s.get("g_mean_S"), (double) s.get("traps_per_device"),
                    percent(s.get("telegraph_sigma_rel_mean")), percent(s.get("read_sigma_rel_mean")),
                    number(s.get("width_median_nm")), number(s.get("distance_median_nm")), change);
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
    }

    private static String percent(Object v) {
        return String.format(Locale.ROOT, "%.3f %%", 100 * (double) v);
    }

    private static String fraction(Object v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%+.3f", (double) v);
    }

    private static String number(Object v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3g", (double) v);
    }
}
