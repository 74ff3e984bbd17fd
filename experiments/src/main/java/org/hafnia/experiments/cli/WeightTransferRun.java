package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.hafnia.experiments.programming.DevicePopulation;
import org.hafnia.experiments.programming.DigitsDataset;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.experiments.programming.WeightTransfer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weight-transfer part of {@code hafnia program --compare}, in its own class so that ND4J is
 * loaded only when it runs.
 */
final class WeightTransferRun {

    private WeightTransferRun() {
    }

    /**
     * The digits classifier trained once on the fixed split, its ND4J work (and the inference
     * after it) on {@code threads} threads, as the nd4j backend's (Nd4jAllenCahnStepper). ND4J's
     * default, a thread per core for every operation on these small matrices (1257 × 65 · 65 × 10,
     * 600 iterations), made the training the whole cost of program --compare on a loaded machine:
     * 33–39 s against 1.7–5.5 s on one thread, three trainings each in one session on the shared
     * 2-core machine at a load of 12; 1.4–3.0 s against 0.8–1.5 s on the quiet machine
     * (docs/reliability.md).
     */
    static WeightTransfer train(int threads) {
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        DigitsDataset[] split = DigitsDataset.read(DigitsDataset.locate()).split(WeightTransfer.TRAIN_FRACTION,
                WeightTransfer.SPLIT_SEED);
        return WeightTransfer.train(split[0], split[1]);
    }

    /** Accuracy {mean, std} per scheme label over {@code seeds} device-variation seeds, plus "software". */
    static Map<String, double[]> run(WeightTransfer t, DevicePopulation pop, int levels, int seeds, long seed,
                                     int threads, PrintWriter log) {
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("software", new double[] {t.softwareAccuracy(), 0});
        for (ProgrammingScheme s : ProgrammingScheme.values()) {
            double[] acc = new double[seeds];
            for (int k = 0; k < seeds; k++) {
                acc[k] = t.programmedAccuracy(s, pop, levels, seed + 1000 + k, threads);
            }
            double m = 0;
            for (double a : acc) {
                m += a / seeds;
            }
            double v = 0;
            for (double a : acc) {
                v += (a - m) * (a - m);
            }
            out.put(s.label(), new double[] {m, seeds > 1 ? Math.sqrt(v / (seeds - 1)) : 0});
            log.printf(Locale.ROOT, "  %-18s weight transfer %-22s %.2f %% (software %.2f %%)%n", pop.name(), s.label(),
                    100 * m, 100 * t.softwareAccuracy());
        }
        log.flush();
        return out;
    }

    /** Diao's evaluation: test accuracy of each scheme against the number of levels (one device seed). */
    static Map<String, double[]> sweep(WeightTransfer t, DevicePopulation pop, int[] levels, long seed, int threads) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (ProgrammingScheme s : ProgrammingScheme.values()) {
            double[] acc = new double[levels.length];
            for (int k = 0; k < levels.length; k++) {
                acc[k] = t.programmedAccuracy(s, pop, levels[k], seed + 2000, threads);
            }
            out.put(s.label(), acc);
        }
        return out;
    }
}
