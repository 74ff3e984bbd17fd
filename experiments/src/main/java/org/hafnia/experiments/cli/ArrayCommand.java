package org.hafnia.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import org.hafnia.experiments.array.ArrayDevice;
import org.hafnia.experiments.array.ArrayEngine;
import org.hafnia.experiments.array.ArrayEngines;
import org.hafnia.experiments.array.ArrayOutputs;
import org.hafnia.experiments.array.ArrayRecipe;
import org.hafnia.experiments.array.ArrayStudy;
import org.hafnia.experiments.characterisation.DeviceExtraction;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.LocalRunStorage;
import org.hafnia.postprocess.io.OutputFolder;
import org.hafnia.postprocess.io.RunLease;
import org.hafnia.postprocess.io.RunStorage;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.io.StoredOutput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia array}: every device of an array its own phase field, programmed to N levels by a scheme. */
@Command(name = "array", mixinStandardHelpOptions = true,
        header = "Program an array of phase-field devices (each its own seeded film) to N levels.",
        description = {"Every device of the R × C array is a FilmDevice of the case with its own seeded channel map",
            "and activation-energy variation, programmed by the scheme (every pulse and verify read simulated) to",
            "level i mod N, then idled --delay and read --reads times. Writes devices.parquet, array.json,",
            "array.h5, levels.png, array-map.png; with --compare-write-verify the same study with write-verify",
            "in DIR/write-verify and the table compare.md. Batches are committed as they finish (--resume)."})
public final class ArrayCommand extends ArrayOptions implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "CASE.json", description = "Device case (default: the shipped hfo2-device).")
    Path casePath;

    @Option(names = "--engine", defaultValue = "local", description = "local (work-stealing pool) or spark (one Spark task per batch; docs/spark.md) (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", description = "Spark master URL for --engine spark (default: the one spark-submit set, else local[N] with N = --threads).")
    String master;

    @Option(names = "--resume", description = "Continue an interrupted run in --out: only unfinished batches are computed.")
    boolean resume;

    @Option(names = "--out", defaultValue = "out/array",
            description = "Output folder, or with --engine spark a Hadoop URI: hdfs://…, s3a://…, file:///… (docs/spark.md) (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        // Every device's result row is held until the outputs are written: about 16 numbers a device, a study.
        org.hafnia.meshes.MemoryBudget.requireDoubles(rows, cols, 1, compare ? 32 : 16,
                "--rows " + rows + " --cols " + cols + " (" + (long) rows * cols + " devices)");
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("--rows " + rows + " --cols " + cols + ": more devices than an array can index");
        }
        // --sequential K holds K × N steps of 7 columns.
        org.hafnia.meshes.MemoryBudget.requireDoubles(sequential, levels, 1, 7, "--sequential " + sequential + " × --levels " + levels);
        if ((long) sequential * levels > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("--sequential " + sequential + " × --levels " + levels + ": more steps than a table can index");
        }
        if (master != null && !engine.equals(ArrayEngines.SPARK)) {
            throw new InvalidInputException("--master is an option of --engine spark, not of --engine " + engine);
        }
        ArrayEngine runner = ArrayEngines.named(engine);
        ProgrammingScheme main = programmingScheme();
        if (denoisePulses != null && main != ProgrammingScheme.WRITE_VERIFY_DENOISE) {
            throw new InvalidInputException("--denoise-pulses is an option of --scheme write-verify-denoise, not of --scheme "
                    + main.label());
        }
        int nThreads = threads.resolve();
        ArrayEngine.Settings settings = new ArrayEngine.Settings(nThreads, master);
        // A URI (--engine spark) is the engine's store, refused here, before anything is written, when the
        // session resolves no FileSystem for its scheme; a local --out is the folder Hafnia holds.
        java.net.URI uri = OptionValidation.outputUri(spec);
        RunStorage folder = uri == null ? new LocalRunStorage(out) : runner.storage(uri, settings);
        if (uri == null) {
            return run(runner, main, nThreads, settings, folder, null, log);
        }
        return UriOutput.run(spec, folder, "array", (set, held) -> run(runner, main, nThreads, settings, held, set, log));
    }

    /**
     * The studies into {@code folder}; their set is staged in {@code out} itself, or, for a store
     * that is not this machine's file system, in the local folder {@code set}, then published to it
     * ({@link StoredOutput}).
     */
    private int run(ArrayEngine runner, ProgrammingScheme main, int nThreads, ArrayEngine.Settings settings, RunStorage folder,
                    Path set, PrintWriter log) {
        if (set != null) {
            StoredOutput.settle(folder);
        }
        String caseText = casePath == null ? DeviceCaseFile.resourceText(DeviceCaseFile.DEFAULT) : DeviceCaseFile.text(casePath);
        String caseSource = casePath == null ? DeviceCaseFile.DEFAULT : casePath.toString();
        String caseStem = DeviceCaseFile.stem(casePath == null ? DeviceCaseFile.DEFAULT : casePath.getFileName().toString());
        DeviceCaseFile c = DeviceCaseFile.parse(caseText, caseSource, caseStem);
        CompactDeviceParameters p = device != null ? CompactDeviceFile.readDevice(device)
                : casePath == null ? ProgramDevices.shipped(DeviceCaseFile.DEFAULT, nThreads, log).model()
                : DeviceExtraction.run(c, nThreads, i -> { }).result().device();
        double[] levelG = CrossbarProgramming.levels(p, levels);
        double[] window = CrossbarProgramming.window(p);
        double spacing = levels > 1 ? levelG[1] - levelG[0] : window[1] - window[0];
        double[] model = ArrayRecipe.components(p);
        double spread = eaSpread != null ? eaSpread : c.activationEnergySigma();

        // write-verify/ first, then the main study; their sets, sequential.parquet and compare.md are staged
        // and committed as one (docs/reliability.md): a run that fails or is killed before the commit
        // point leaves both folders as they were, with the batch stores for --resume.
        List<ProgrammingScheme> schemes = compare && main != ProgrammingScheme.WRITE_VERIFY
                ? List.of(ProgrammingScheme.WRITE_VERIFY, main) : List.of(main);
        StringBuilder table = new StringBuilder(
                "| scheme | devices | levels | distinguishable | σ (µS) | RMSE % | yield | pulses mean | pulses max | time/device (s) |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
        // The subfolder is held like --out: locked as a local folder, leased through a URI, and a file: URI's
        // also locked, as UriOutput holds the main folder, so that a run naming it as a path keeps out.
        RunStorage sideFolder = folder.folder(ProgrammingScheme.WRITE_VERIFY.label());
        boolean two = schemes.size() > 1;
        RunLease sideLease = two && set != null ? RunLease.take(sideFolder) : null;
        OutputFolder side;
        try {
            side = two && set == null ? OutputFolder.lock(out.resolve(ProgrammingScheme.WRITE_VERIFY.label()))
                    : sideLease != null && sideFolder.localFolder() != null ? OutputFolder.lock(sideFolder.localFolder()) : null;
        } catch (RuntimeException e) {
            if (sideLease != null) {
                sideLease.close();
            }
            throw e;
        }
        if (sideLease != null) {
            StoredOutput.settle(sideFolder);
        }
        List<RunStorage> stores = new java.util.ArrayList<>();
        try (side; sideLease; StagedOutput staged = StagedOutput.in(set == null ? out : set)) {
            for (ProgrammingScheme s : schemes) {
                String prefix = s == main ? "" : s.label() + "/";
                int train = s == ProgrammingScheme.WRITE_VERIFY_DENOISE && denoisePulses != null ? denoisePulses : -1;
                ArrayRecipe recipe = new ArrayRecipe(caseText, caseSource, caseStem, s.label(), model, spacing, spread, delay,
                        reads, readInterval, rows, cols, levelG, batch, train);
                ArrayStudy study = recipe.study();
                RunStorage store = folder.folder(prefix + ".batches");
                ArrayStudy.prepare(store, runKey(s, p, caseText, spread, train), resume);
                stores.add(store);
                long t0 = System.nanoTime();
                AtomicInteger done = new AtomicInteger();
                try (Progress bar = new Progress("array " + s.label(), study.devices())) {
                    runner.run(recipe, store, settings, i -> {
                        done.incrementAndGet();
                        bar.step();
                    });
                }
                ArrayDevice.Result[] all = study.collect(store);
                double wall = (System.nanoTime() - t0) * 1e-9;
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("threads", nThreads);
                extra.put("batch", batch);
                extra.put("devices_computed", done.get());
                extra.put("case", c.name());
                extra.put("seed", c.seed());
                extra.put("thermal_noise", c.model().thermalNoise());
                extra.put("ea_spread_eV", spread);
                extra.put("ea_spread_from", eaSpread != null ? "--ea-spread" : "case array.activation_energy_sigma");
                extra.put("delay_s", delay);
                extra.put("reads", reads);
                extra.put("read_interval_s", readInterval);
                extra.put("tolerance_S", study.common().settings().tolerance());
                extra.put("denoise_train_pulses", s == ProgrammingScheme.WRITE_VERIFY_DENOISE
                        ? study.common().settings().denoiseTrain() : null);
                Map<String, Object> summary = ArrayOutputs.summary(all, rows, cols, levelG, window, s.label(), engine, wall, extra);
                ArrayOutputs.write(staged, prefix, all, rows, cols, levelG, window, summary);
                table.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.4g | %.3f | %.4f | %.1f | %d | %.3g |%n", s.label(),
                        all.length, levels, summary.get("levels_distinguishable") == null ? "–" : summary.get("levels_distinguishable"),
                        1e6 * (Double) summary.get("sigma_S"), (Double) summary.get("rmse_percent"), (Double) summary.get("yield"),
                        (Double) summary.get("pulses_mean"), (Integer) summary.get("pulses_max"),
                        (Double) summary.get("programming_time_s_mean")));
                log.printf(Locale.ROOT, "array %s: %d devices (%d computed) in %.1f s on %d thread(s)%n", s.label(), all.length,
                        done.get(), wall, nThreads);
                if (s == main && sequential > 0) {
                    walk(staged, study.common(), levelG, c.seed(), nThreads);
                }
            }
            if (schemes.size() > 1) {
                staged.writeString("compare.md", table.toString());
            }
            staged.commit();
            if (set != null) {
                StoredOutput.publish(set, folder);
            }
        }
        // After the commit point: a kill here leaves complete stores, which --resume turns into the same files.
        stores.forEach(ArrayStudy::finish);
        log.print(table);
        log.printf("wrote %s%n", set == null ? out.toAbsolutePath().normalize() : folder.location());
        log.flush();
        return 0;
    }

    /** {@code --sequential K}: K devices each walked through every level; one Parquet row per (device, level). */
    private void walk(StagedOutput staged, ArrayDevice.Common common, double[] levelG, long caseSeed, int nThreads) {
        int n = sequential * levelG.length;
        double[][][] walks = new double[sequential][][];
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(nThreads);
        try {
            pool.submit(() -> java.util.stream.IntStream.range(0, sequential).parallel()
                    .forEach(k -> walks[k] = ArrayDevice.walk(common, ArrayDevice.seed(caseSeed, -1, k), levelG))).join();
        } finally {
            pool.shutdownNow();
        }
        int[] device = new int[n];
        long[] seed = new long[n];
        int[] level = new int[n];
        double[] target = new double[n];
        double[] read = new double[n];
        int[] pulses = new int[n];
        String[] status = new String[n];
        for (int k = 0; k < sequential; k++) {
            for (int l = 0; l < levelG.length; l++) {
                int i = k * levelG.length + l;
                device[i] = k;
                seed[i] = ArrayDevice.seed(caseSeed, -1, k);
                level[i] = l;
                target[i] = levelG[l];
                read[i] = walks[k][l][0];
                pulses[i] = (int) walks[k][l][1];
                status[i] = walks[k][l][2] > 0 ? "converged" : "not-converged";
            }
        }
        new org.hafnia.postprocess.io.ParquetTable("step", n).ints("device", device).longs("seed", seed).ints("level", level)
                .doubles("target_S", target).doubles("read_S", read).ints("pulses", pulses).strings("status", status)
                .write(staged.file("sequential.parquet"));
    }

    /** Everything the devices' results depend on: the case text, the scheme's knowledge and every option. */
    private String runKey(ProgrammingScheme s, CompactDeviceParameters p, String caseText, double spread, int train) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(caseText.getBytes(StandardCharsets.UTF_8));
            md.update(p.toString().getBytes(StandardCharsets.UTF_8));
            // The train only where set: the key of a run with the model's train is what it was before the option.
            String options = String.format(Locale.ROOT, "scheme=%s rows=%d cols=%d levels=%d batch=%d ea=%s delay=%s reads=%d interval=%s",
                    s.label(), rows, cols, levels, batch, spread, delay, reads, readInterval)
                    + (train >= 0 ? " denoise_pulses=" + train : "");
            md.update(options.getBytes(StandardCharsets.UTF_8));
            return options + " sha256=" + HexFormat.of().formatHex(md.digest(), 0, 8) + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
