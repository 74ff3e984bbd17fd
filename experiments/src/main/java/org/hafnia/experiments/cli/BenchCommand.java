package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.hafnia.experiments.bench.AllenCahnBenchmark;
import org.hafnia.experiments.bench.AllenCahnBenchmark.Case;
import org.hafnia.experiments.bench.AllenCahnBenchmark.Result;
import org.hafnia.experiments.bench.CReference;
import org.hafnia.experiments.bench.DevicePulseBenchmark;
import org.hafnia.experiments.fig4.Fig4Experiment;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.postprocess.io.Json;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.backend.AllenCahnBackend;
import org.hafnia.solver.backend.AllenCahnBackends;
import org.hafnia.solver.backend.JavaBackend;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hafnia bench}: throughput of the solver kernels. With {@code --case}, one JSON line
 * {@code {"case", "backend", "size", "threads", "steps", "mcells_per_s", "checksum", …}} (the
 * contract keys first, then {@code kernel}, {@code devices} for a batch, and for the 2D case the
 * C reference's figure {@code c_mcells_per_s} and {@code ratio_to_c} when gcc built it in the same
 * run); {@code device-pulse} prints its own line. Without {@code --case}, a standard set as a table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure the Allen-Cahn kernels (Mcell-updates/s, seeded checksum) and the device pulse.",
        description = {"Measure the explicit Allen-Cahn step (published tabulated f', zero-flux faces, kappa = L = 1, b = 0.5,",
            "dt = half the stability limit) from a seeded initial state (SplittableRandom(20230315), uniform on [0, 1)).",
            "Warms up, then prints one JSON line: case, backend, size, threads, steps, mcells_per_s, checksum (sum of phi),",
            "kernel (simd or scalar), and for allen-cahn-2d, when gcc is on the PATH, the figure of the vectorising C",
            "reference " + CReference.SOURCE + " built and run in the same run, and the ratio Java/C.",
            "allen-cahn-batch: --devices independent N x N devices. device-pulse: one SET pulse, settle and read of the",
            "default device per device and pulse (--devices, --steps = pulses), with its cost breakdown.",
            "Without --case, runs a standard set and prints a table."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--case", description = "allen-cahn-2d (N x N), allen-cahn-3d (N x N x N), allen-cahn-batch "
            + "(devices of N x N) or device-pulse; omit for the standard set.")
    String caseName;

    @Option(names = "--size", description = "Grid edge N (default: 2048 in 2D, 256 in 3D, 32 for a batch).")
    @Range(min = 3, max = 1 << 16)
    Integer size;

    @Option(names = "--steps", description = "Timed steps (default: 50 in 2D and for a batch, 10 in 3D); pulses per device for device-pulse (default 4).")
    @Range(min = 1)
    Integer steps;

    @Option(names = "--devices", description = "Devices of allen-cahn-batch (default 4096) or device-pulse (default 64).")
    @Range(min = 1)
    Integer devices;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    @Range(min = 1)
    Integer threads;

    @Option(names = "--backend", description = "java or nd4j (default: java).")
    String backend;

    @Option(names = "--energy", defaultValue = "published", description = "published (table, nearest-node forward slope) or spline (default: ${DEFAULT-VALUE}).")
    String energy;

    @Option(names = "--reference", description = "Reference data folder holding the energy table (default: $HAFNIA_REFERENCE, then ../shared/reference).")
    Path reference;

    @Option(names = "--no-c-reference", description = "Do not build and run the C reference.")
    boolean noCReference;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int processors = Runtime.getRuntime().availableProcessors();
        if (DevicePulseBenchmark.LABEL.equals(caseName)) {
            if (size != null || backend != null) {
                throw new InvalidInputException("device-pulse takes --devices, --steps (pulses) and --threads, "
                        + "not --size or --backend");
            }
            out.println(jsonLine(DevicePulseBenchmark.run(devices != null ? devices : 64, steps != null ? steps : 4,
                    threads != null ? threads : processors)));
            out.flush();
            return 0;
        }
        FreeEnergyDensity f = Fig4Experiment.energy(energy,
                Fig4Experiment.profileOf(ReferenceData.locate(reference).fig4EnergyTable()));
        if (caseName == null) {
            if (size != null || steps != null || threads != null || backend != null || devices != null) {
                throw new InvalidInputException("--size, --steps, --threads, --devices and --backend need --case; "
                        + "without --case the standard set runs");
            }
            standardSet(out, f, processors);
        } else {
            Case c = Case.of(caseName);
            int t = threads != null ? ThreadsOption.capped(threads, spec.commandLine().getErr()) : processors;
            Result r;
            if (c == Case.ALLEN_CAHN_BATCH) {
                if (backend != null && !JavaBackend.NAME.equals(backend)) {
                    throw new InvalidInputException("allen-cahn-batch runs on the java backend only, got --backend " + backend);
                }
                int n = size != null ? size : 32;
                int d = devices != null ? devices : 4096;
                // φ and its next state of every device.
                org.hafnia.meshes.MemoryBudget.requireDoubles(n, n, d, 2,
                        "--size " + n + " --devices " + d + " (" + d + " devices of " + n + "² nodes)");
                r = AllenCahnBenchmark.runBatch(f, n, d, steps != null ? steps : 50, t);
            } else {
                if (devices != null) {
                    throw new InvalidInputException("--devices is for allen-cahn-batch and device-pulse");
                }
                boolean twoD = c == Case.ALLEN_CAHN_2D;
                int n = size != null ? size : (twoD ? 2048 : 256);
                // φ, its next state and the initial copy: three arrays of the grid.
                org.hafnia.meshes.MemoryBudget.requireDoubles(n, n, twoD ? 1 : n, 3,
                        "--size " + n + " (" + (twoD ? n + "² " : n + "³ ") + "nodes)");
                r = AllenCahnBenchmark.run(c, AllenCahnBackends.named(backend == null ? JavaBackend.NAME : backend),
                        f, n, steps != null ? steps : (twoD ? 50 : 10), t);
            }
            CReference.Outcome cRef = c == Case.ALLEN_CAHN_2D && !noCReference
                    ? CReference.run(CReference.source(), r.size(), r.steps(), r.threads()) : null;
            out.println(jsonLine(r, cRef));
        }
        out.flush();
        return 0;
    }

    /** The result as one JSON line: the keys of the contract, in order, then the added ones. */
    static String jsonLine(Result r, CReference.Outcome cRef) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", r.benchCase().label());
        m.put("backend", r.backend());
        m.put("size", r.size());
        m.put("threads", r.threads());
        m.put("steps", r.steps());
        m.put("mcells_per_s", round1(r.mcellsPerSecond()));
        m.put("checksum", r.checksum());
        if (r.backend().equals(JavaBackend.NAME)) {
            m.put("kernel", r.vectorised() ? "simd" : "scalar");
        }
        if (r.benchCase() == Case.ALLEN_CAHN_BATCH) {
            m.put("devices", r.devices());
        }
        if (cRef != null && cRef.available()) {
            m.put("c_mcells_per_s", cRef.mcellsPerSecond());
            m.put("ratio_to_c", CReference.ratio(r.mcellsPerSecond(), cRef.mcellsPerSecond()));
        }
        return json(m);
    }

    static String jsonLine(DevicePulseBenchmark.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", DevicePulseBenchmark.LABEL);
        m.put("device", r.device());
        m.put("devices", r.devices());
        m.put("pulses", r.pulses());
        m.put("threads", r.threads());
        m.put("us_per_device_pulse", round1(r.wallMicros()));
        m.put("pulse_us", round1(r.pulseMicros()));
        m.put("settle_us", round1(r.settleMicros()));
        m.put("read_us", round1(r.readMicros()));
        m.put("make_us", round1(r.makeMicros()));
        m.put("projected_hours_65536x200", Math.round(r.projectedHours() * 1000) / 1000.0);
        m.put("checksum", r.checksum());
        m.put("cpu_us_per_device_pulse", round1(r.cpuMicros()));
        m.put("projected_cpu_hours_65536x200", Math.round(r.projectedCpuHours() * 1000) / 1000.0);
        m.put("heat_us", round1(r.stages().heatMicros()));
        m.put("kinetics_us", round1(r.stages().kineticsMicros()));
        m.put("conductance_us", round1(r.stages().conductanceMicros()));
        m.put("traps_us", round1(r.stages().trapMicros()));
        m.put("other_us", round1(r.stages().otherMicros()));
        phase(m, "pulse", r.pulse());
        phase(m, "settle", r.settle());
        phase(m, "read", r.read());
        return json(m);
    }

    /** Steps, trial steps, halvings and heat advances of one phase per device-pulse, as {@code <phase>_steps} etc. */
    private static void phase(Map<String, Object> m, String name, DevicePulseBenchmark.Phase p) {
        m.put(name + "_steps", round1(p.steps()));
        m.put(name + "_trials", round1(p.trials()));
        m.put(name + "_halvings", round1(p.halvings()));
        m.put(name + "_heat_advances", round1(p.heatAdvances()));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String json(Map<String, Object> m) {
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void standardSet(PrintWriter out, FreeEnergyDensity f, int processors) {
        record Run(Case c, String backend, int size, int steps, int threads) {
        }
        List<Run> runs = new ArrayList<>(List.of(
                new Run(Case.ALLEN_CAHN_2D, JavaBackend.NAME, 2048, 50, 1),
                new Run(Case.ALLEN_CAHN_2D, JavaBackend.NAME, 2048, 50, processors),
                new Run(Case.ALLEN_CAHN_3D, JavaBackend.NAME, 256, 10, processors),
                new Run(Case.ALLEN_CAHN_BATCH, JavaBackend.NAME, 32, 50, processors),
                new Run(Case.ALLEN_CAHN_2D, AllenCahnBackends.ND4J, 1024, 5, processors)));
        out.printf(Locale.ROOT, "%-16s %-7s %-6s %6s %7s %6s %12s %22s%n", "case", "backend", "kernel", "size",
                "threads", "steps", "Mcell/s", "checksum");
        out.flush();
        double twoD = Double.NaN;
        for (Run run : runs) {
            AllenCahnBackend b;
            try {
                b = AllenCahnBackends.named(run.backend());
            } catch (InvalidInputException e) {
                out.printf(Locale.ROOT, "%-16s %-7s unavailable: %s%n", run.c().label(), run.backend(), e.getMessage());
                continue;
            }
            Result r = run.c() == Case.ALLEN_CAHN_BATCH
                    ? AllenCahnBenchmark.runBatch(f, run.size(), 4096, run.steps(), run.threads())
                    : AllenCahnBenchmark.run(run.c(), b, f, run.size(), run.steps(), run.threads());
            String kernel = r.backend().equals(JavaBackend.NAME) ? (r.vectorised() ? "simd" : "scalar") : "-";
            String note = "";
            if (run.c() == Case.ALLEN_CAHN_2D && run.backend().equals(JavaBackend.NAME) && run.threads() == processors) {
                twoD = r.mcellsPerSecond();
            } else if (run.c() != Case.ALLEN_CAHN_2D && !Double.isNaN(twoD)) {
                note = String.format(Locale.ROOT, "  %.2f × the 2D rate", r.mcellsPerSecond() / twoD);
            }
            out.printf(Locale.ROOT, "%-16s %-7s %-6s %6d %7d %6d %12.1f %22.12f%s%n", r.benchCase().label(), r.backend(),
                    kernel, r.size(), r.threads(), r.steps(), r.mcellsPerSecond(), r.checksum(), note);
            out.flush();
            if (run.c() == Case.ALLEN_CAHN_2D && run.backend().equals(JavaBackend.NAME)) {
                CReference.Outcome c = CReference.run(CReference.source(), run.size(), run.steps(), run.threads());
                if (c.available()) {
                    out.printf(Locale.ROOT, "%-16s %-7s %-6s %6d %7d %6d %12.1f %22s  Java/C = %.2f%n", "c-reference",
                            "gcc", "simd", run.size(), run.threads(), run.steps(), c.mcellsPerSecond(), "-",
                            r.mcellsPerSecond() / c.mcellsPerSecond());
                } else {
                    out.printf(Locale.ROOT, "%-16s unavailable: %s%n", "c-reference", c.detail());
                }
                out.flush();
            }
        }
        DevicePulseBenchmark.Result d = DevicePulseBenchmark.run(64, 4, processors);
        out.printf(Locale.ROOT, "%-16s %s, %d devices × %d pulses, %d threads: %.1f µs per device-pulse "
                        + "(pulse %.1f, settle %.1f, read %.1f, make %.1f µs thread time; %.1f µs CPU); "
                        + "65536 × 200: %.2f h (%.2f h from CPU time)%n",
                DevicePulseBenchmark.LABEL, d.device(), d.devices(), d.pulses(), d.threads(), d.wallMicros(),
                d.pulseMicros(), d.settleMicros(), d.readMicros(), d.makeMicros(), d.cpuMicros(), d.projectedHours(),
                d.projectedCpuHours());
        DevicePulseBenchmark.Stages st = d.stages();
        out.printf(Locale.ROOT, "%-16s stages (µs thread time per device-pulse): heat %.1f, kinetics %.1f, conductance %.1f, "
                        + "traps %.1f, other %.1f; steps (trials, halvings) per pulse %.1f (%.1f, %.1f), settle %.1f (%.1f, %.1f), "
                        + "read %.1f (%.1f, %.1f)%n", "", st.heatMicros(), st.kineticsMicros(), st.conductanceMicros(),
                st.trapMicros(), st.otherMicros(), d.pulse().steps(), d.pulse().trials(), d.pulse().halvings(),
                d.settle().steps(), d.settle().trials(), d.settle().halvings(), d.read().steps(), d.read().trials(),
                d.read().halvings());
        out.flush();
    }
}
