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
 * {@code {"case", "backend", "size", "threads", "steps", "mcells_per_s", "checksum"}}; without,
 * a standard set printed as a table.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure the Allen-Cahn kernels (Mcell-updates/s, seeded checksum).",
        description = {"Measure the explicit Allen-Cahn step (published tabulated f', zero-flux faces, kappa = L = 1, b = 0.5,",
            "dt = half the stability limit) from a seeded initial state (SplittableRandom(20230315), uniform on [0, 1)).",
            "Warms up, then prints one JSON line: case, backend, size, threads, steps, mcells_per_s, checksum (sum of phi).",
            "Without --case, runs a standard set and prints a table."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--case", description = "allen-cahn-2d (N x N) or allen-cahn-3d (N x N x N); omit for the standard set.")
    String caseName;

    @Option(names = "--size", description = "Grid edge N (default: 2048 in 2D, 256 in 3D).")
    @Range(min = 3, max = 1 << 16)
    Integer size;

    @Option(names = "--steps", description = "Timed steps (default: 50 in 2D, 10 in 3D).")
    @Range(min = 1)
    Integer steps;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    @Range(min = 1)
    Integer threads;

    @Option(names = "--backend", description = "java or nd4j (default: java).")
    String backend;

    @Option(names = "--energy", defaultValue = "published", description = "published (table, nearest-node forward slope) or spline (default: ${DEFAULT-VALUE}).")
    String energy;

    @Option(names = "--reference", description = "Reference data folder holding the energy table (default: $HAFNIA_REFERENCE, then ../shared/reference).")
    Path reference;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FreeEnergyDensity f = Fig4Experiment.energy(energy,
                Fig4Experiment.profileOf(ReferenceData.locate(reference).fig4EnergyTable()));
        int processors = Runtime.getRuntime().availableProcessors();
        if (caseName == null) {
            if (size != null || steps != null || threads != null || backend != null) {
                throw new InvalidInputException("--size, --steps, --threads and --backend need --case; "
                        + "without --case the standard set runs");
            }
            standardSet(out, f, processors);
        } else {
            Case c = Case.of(caseName);
            boolean twoD = c == Case.ALLEN_CAHN_2D;
            int n = size != null ? size : (twoD ? 2048 : 256);
            // φ, its next state and the initial copy: three arrays of the grid.
            org.hafnia.meshes.MemoryBudget.requireDoubles(n, n, twoD ? 1 : n, 3,
                    "--size " + n + " (" + (twoD ? n + "² " : n + "³ ") + "nodes)");
            Result r = AllenCahnBenchmark.run(c, AllenCahnBackends.named(backend == null ? JavaBackend.NAME : backend),
                    f, n, steps != null ? steps : (twoD ? 50 : 10),
                    threads != null ? ThreadsOption.capped(threads, spec.commandLine().getErr()) : processors);
            out.println(jsonLine(r));
        }
        out.flush();
        return 0;
    }

    /** The result as one JSON line with the keys of the contract, in order. */
    static String jsonLine(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", r.benchCase().label());
        m.put("backend", r.backend());
        m.put("size", r.size());
        m.put("threads", r.threads());
        m.put("steps", r.steps());
        m.put("mcells_per_s", Math.round(r.mcellsPerSecond() * 10) / 10.0);
        m.put("checksum", r.checksum());
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
                new Run(Case.ALLEN_CAHN_2D, AllenCahnBackends.ND4J, 1024, 5, processors)));
        out.printf(Locale.ROOT, "%-14s %-7s %6s %7s %6s %12s %22s%n", "case", "backend", "size", "threads", "steps",
                "Mcell/s", "checksum");
        out.flush();
        for (Run run : runs) {
            AllenCahnBackend b;
            try {
                b = AllenCahnBackends.named(run.backend());
            } catch (InvalidInputException e) {
                out.printf(Locale.ROOT, "%-14s %-7s unavailable: %s%n", run.c().label(), run.backend(), e.getMessage());
                continue;
            }
            Result r = AllenCahnBenchmark.run(run.c(), b, f, run.size(), run.steps(), run.threads());
            out.printf(Locale.ROOT, "%-14s %-7s %6d %7d %6d %12.1f %22.12f%n", r.benchCase().label(), r.backend(),
                    r.size(), r.threads(), r.steps(), r.mcellsPerSecond(), r.checksum());
            out.flush();
        }
    }
}
