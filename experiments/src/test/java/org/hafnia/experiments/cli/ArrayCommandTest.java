package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.hafnia.experiments.array.ArrayDevice;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.io.Json;
import org.hafnia.solver.device.FilmDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code hafnia array} on a 16 × 16 array of the tiny 8 × 8-node device case (≈ 3 s a run on 2 cores):
 * identical results for 1 and 2 threads and for other batch sizes, every row of devices.parquet
 * equal to the single device of its seed and target, a SIGKILLed run resumed to the uninterrupted
 * run's files, and the refusals.
 */
class ArrayCommandTest {

    @TempDir
    static Path shared;

    static Path tinyCase;
    static Path compact;
    /** The uninterrupted run on one thread in batches of 16, that the others must equal. */
    static Path reference;

    @BeforeAll
    static void extractTheTinyCaseOnce() throws Exception {
        tinyCase = shared.resolve("tiny-array.json");
        try (InputStream in = ArrayCommandTest.class.getResourceAsStream("/cases/tiny-array.json")) {
            Files.copy(in, tinyCase);
        }
        Path x = shared.resolve("extract");
        CommandRun r = CommandRun.of("extract", tinyCase.toString(), "--out", x.toString(), "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        compact = x.resolve("compact.json");
        reference = shared.resolve("reference");
        CommandRun a = run(reference, "--threads", "1", "--batch", "16", "--sequential", "2");
        assertThat(a.status()).as(a.err()).isZero();
    }

    @Test
    void sequentialWalksEachDeviceThroughEveryLevelInTurn() throws Exception {
        List<Group> steps = readParquet(reference.resolve("sequential.parquet"));
        assertThat(steps).hasSize(2 * 8);
        CompactDeviceParameters p = CompactDeviceFile.readDevice(compact);
        double[] levels = CrossbarProgramming.levels(p, 8);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).getInteger("device", 0)).isEqualTo(i / 8);
            assertThat(steps.get(i).getInteger("level", 0)).isEqualTo(i % 8);
            assertThat(steps.get(i).getDouble("target_S", 0)).isEqualTo(levels[i % 8]);
        }
        // The walk is one device: the level-0 step of device 1 is not device 0's (own seed).
        assertThat(steps.get(8).getLong("seed", 0)).isNotEqualTo(steps.get(0).getLong("seed", 0));
    }

    private static List<String> args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "16",
                "--cols", "16", "--levels", "8", "--reads", "5", "--out", out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    private static CommandRun run(Path out, String... more) {
        return CommandRun.of(args(out, more).toArray(String[]::new));
    }

    /** array.json without what depends on the machine or on how the run was split. */
    private static JsonNode results(Path dir) throws Exception {
        ObjectNode n = (ObjectNode) Json.mapper().readTree(dir.resolve("array.json").toFile());
        n.remove(List.of("wall_s", "threads", "batch", "devices_computed"));
        return n;
    }

    static List<Group> readParquet(Path file) throws Exception {
        List<Group> rows = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long k = 0; k < pages.getRowCount(); k++) {
                    rows.add(rr.read());
                }
            }
        }
        return rows;
    }

    @Test
    void oneAndTwoThreadsAndOtherBatchesGiveTheSameDevicesBitForBit() throws Exception {
        Path one = reference;
        Path two = shared.resolve("two");
        CommandRun b = run(two, "--threads", "2", "--batch", "5");
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(Files.readAllBytes(two.resolve("devices.parquet"))).isEqualTo(Files.readAllBytes(one.resolve("devices.parquet")));
        assertThat(results(two)).isEqualTo(results(one));
        for (String f : new String[] {"array.h5", "levels.png", "array-map.png"}) {
            assertThat(one.resolve(f)).isRegularFile();
        }
        assertThat(one.resolve(".batches")).doesNotExist();
        JsonNode s = Json.mapper().readTree(one.resolve("array.json").toFile());
        for (String key : new String[] {"devices", "levels", "scheme", "levels_distinguishable", "sigma_S", "rmse_percent",
            "yield", "pulses_mean", "pulses_max", "programming_time_s_mean", "wall_s", "engine"}) {
            assertThat(s.has(key)).as(key).isTrue();
        }
        assertThat(s.get("devices").asInt()).isEqualTo(256);
        assertThat(s.get("thermal_noise").isBoolean()).isTrue();
        assertThat(s.get("thermal_noise").asBoolean()).as("tiny-array.json has no physics.noise").isFalse();
    }

    @Test
    void everyRowOfDevicesParquetIsTheSingleDeviceOfItsSeedAndTarget() throws Exception {
        List<Group> rows = readParquet(reference.resolve("devices.parquet"));
        assertThat(rows).hasSize(256);

        double[] levels = CrossbarProgramming.levels(CompactDeviceFile.readDevice(compact), 8);
        ArrayDevice.Common common = referenceStudy();
        // A sample of rows (every 37th) keeps the test short; each is one independent device run.
        for (int i = 0; i < rows.size(); i += 37) {
            Group g = rows.get(i);
            int row = g.getInteger("row", 0);
            int col = g.getInteger("col", 0);
            assertThat(row * 16 + col).isEqualTo(i);
            ArrayDevice.Result single = ArrayDevice.run(common, row, col, g.getLong("seed", 0), g.getDouble("target_S", 0));
            assertThat(g.getDouble("target_S", 0)).isEqualTo(levels[i % 8]);
            assertThat(g.getDouble("final_G_S", 0)).isEqualTo(single.finalG());
            assertThat(g.getDouble("read_mean_S", 0)).isEqualTo(single.readMean());
            assertThat(g.getDouble("read_sigma_S", 0)).isEqualTo(single.readSigma());
            assertThat(g.getInteger("pulses", 0)).isEqualTo(single.pulses());
            assertThat(g.getDouble("energy_J", 0)).isEqualTo(single.energy());
            assertThat(g.getDouble("telegraph_amplitude_S", 0)).isEqualTo(single.telegraph());
            assertThat(g.getDouble("telegraph_amplitude_before_denoising_S", 0)).isEqualTo(single.telegraphBefore());
            assertThat(g.getString("status", 0)).isEqualTo(single.converged() ? "converged" : "not-converged");
        }
    }

    /** What every device of the reference run shares (the tiny case, its extraction, 8 levels, 10 s delay, 5 reads 1 ms apart). */
    private static ArrayDevice.Common referenceStudy() throws Exception {
        DeviceCaseFile c = DeviceCaseFile.read(tinyCase);
        CompactDeviceParameters p = CompactDeviceFile.readDevice(compact);
        double[] levels = CrossbarProgramming.levels(p, 8);
        double spacing = levels[1] - levels[0];
        return new ArrayDevice.Common(c, ProgrammingScheme.WRITE_VERIFY_DENOISE,
                new ProgrammingScheme.Settings(org.hafnia.experiments.programming.DevicePopulation.compact(c.name(), p),
                        spacing / 4, spacing, CrossbarProgramming.MAX_PULSES, null, null), 0.02, 10, 5, 1e-3);
    }

    /** Thrown by {@link StopAtDenoising} at the first sub-threshold RESET pulse, before it is applied. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** A fresh device driven by the scheme until its first denoising pulse (|V| &lt; V_th, RESET), then stopped. */
    private record StopAtDenoising(FilmDevice film, double threshold) implements ResistiveDevice {
        @Override
        public void pulse(double amplitude, double width) {
            if (amplitude < 0 && -amplitude < threshold) {
                throw new Stopped();
            }
            film.pulse(amplitude, width);
        }

        @Override
        public double read() {
            return film.read();
        }

        @Override
        public void idle(double seconds) {
            film.idle(seconds);
        }

        @Override
        public double time() {
            return film.time();
        }
    }

    /**
     * The amplitude before denoising, measured without the copy: a fresh device of the row's seed (the
     * device is deterministic in its seed and its drive) is programmed until the scheme's first
     * denoising pulse, then idled 10 s and read 5 times 1 ms apart; half the peak-to-peak must equal
     * the column bit for bit on every sampled device that denoised (the copy is exact, no tolerance).
     */
    @Test
    void theTelegraphAmplitudeBeforeDenoisingIsThatOfAFreshDeviceStoppedAtItsFirstDenoisingPulse() throws Exception {
        List<Group> rows = readParquet(reference.resolve("devices.parquet"));
        ArrayDevice.Common common = referenceStudy();
        int denoised = 0;
        for (int i = 0; i < rows.size(); i += 17) {
            Group g = rows.get(i);
            FilmDevice film = ArrayDevice.create(common, g.getLong("seed", 0));
            try {
                common.scheme().programDevice(new StopAtDenoising(film, common.settings().model().vThreshold()),
                        g.getDouble("target_S", 0), common.settings());
                continue;
            } catch (Stopped s) {
                denoised++;
            }
            film.idle(10);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 5; k++) {
                if (k > 0) {
                    film.idle(1e-3);
                }
                double r = film.read();
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
            assertThat(g.getDouble("telegraph_amplitude_before_denoising_S", 0)).as("row %d", i).isEqualTo(0.5 * (hi - lo));
        }
        assertThat(denoised).isGreaterThan(5);
    }

    @Test
    void theTelegraphAmplitudeBeforeDenoisingIsMeasuredAndForWriteVerifyIsTheAfterValue() throws Exception {
        // write-verify applies no denoising pulse: before and after are one trace.
        Path wv = shared.resolve("telegraph-wv");
        CommandRun r = CommandRun.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "2", "--cols", "4",
                "--levels", "4", "--reads", "5", "--scheme", "write-verify", "--out", wv.toString());
        assertThat(r.status()).as(r.err()).isZero();
        for (Group g : readParquet(wv.resolve("devices.parquet"))) {
            assertThat(g.getDouble("telegraph_amplitude_before_denoising_S", 0)).isEqualTo(g.getDouble("telegraph_amplitude_S", 0));
        }
        // Control: with the train, "before" is a trace of the device before it (a twin driven to that
        // moment), not a copy of "after": it differs for the devices of the 16 × 16 reference run.
        long differ = readParquet(reference.resolve("devices.parquet")).stream()
                .filter(g -> g.getDouble("telegraph_amplitude_before_denoising_S", 0) != g.getDouble("telegraph_amplitude_S", 0))
                .count();
        assertThat(differ).isPositive();
        JsonNode s = Json.mapper().readTree(reference.resolve("array.json").toFile());
        assertThat(s.get("telegraph_amplitude_before_denoising_S_mean").isNumber()).isTrue();
    }

    @Test
    void theSchemesThatNeedACalibrationRunOnTheArray() throws Exception {
        // reset-voltage-control and feedforward had no calibration in their settings: an internal
        // NullPointerException (found by StudyCommandFuzzTest). Now measured on reference devices of the extracted model.
        for (String scheme : List.of("reset-voltage-control", "feedforward")) {
            Path out = shared.resolve("calibrated-" + scheme);
            CommandRun r = CommandRun.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "1", "--cols",
                    "2", "--levels", "2", "--reads", "2", "--scheme", scheme, "--out", out.toString());
            assertThat(r.status()).as(scheme + ": " + r.err()).isZero();
            assertThat(Json.mapper().readTree(out.resolve("array.json").toFile()).get("scheme").asText()).isEqualTo(scheme);
        }
    }

    @Test
    void theCaseKeyAndTheOptionAreTheOneDeviceVariation() throws Exception {
        // tiny-array.json declares array.activation_energy_sigma = 0.02 eV: without --ea-spread the
        // devices are those of --ea-spread 0.02 (that another spread gives other devices: the sweep test).
        List<String> small = List.of("--rows", "1", "--cols", "2", "--levels", "2", "--reads", "2");
        Path fromCase = shared.resolve("spread-case");
        Path fromOption = shared.resolve("spread-option");
        List<String> a = new ArrayList<>(List.of("array", tinyCase.toString(), "--device", compact.toString()));
        a.addAll(small);
        assertThat(CommandRun.of(concat(a, "--out", fromCase.toString())).status()).isZero();
        assertThat(CommandRun.of(concat(a, "--ea-spread", "0.02", "--out", fromOption.toString())).status()).isZero();
        assertThat(Files.readAllBytes(fromCase.resolve("devices.parquet"))).isEqualTo(Files.readAllBytes(fromOption.resolve("devices.parquet")));
        JsonNode s = Json.mapper().readTree(fromCase.resolve("array.json").toFile());
        assertThat(s.get("ea_spread_eV").asDouble()).isEqualTo(0.02);
        assertThat(s.get("ea_spread_from").asText()).isEqualTo("case array.activation_energy_sigma");
        assertThat(Json.mapper().readTree(fromOption.resolve("array.json").toFile()).get("ea_spread_from").asText())
                .isEqualTo("--ea-spread");
    }

    private static String[] concat(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void aKilledRunResumesToTheUninterruptedRunsFiles() throws Exception {
        Path whole = reference;

        Path killed = shared.resolve("killed");
        Path store = killed.resolve(".batches");
        List<String> a = args(killed, "--threads", "1", "--batch", "4");
        KilledHafnia.killWhen(a, () -> KilledHafnia.committedBatches(store) >= 2, 0);
        long committed = KilledHafnia.committedBatches(store);
        assertThat(committed).isBetween(1L, 63L);

        CommandRun refused = run(killed, "--threads", "1", "--batch", "4");
        assertThat(refused.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("unfinished array run").contains("--resume");
        CommandRun other = run(killed, "--threads", "1", "--batch", "4", "--resume", "--ea-spread", "0.03");
        assertThat(other.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("other options");

        CommandRun resumed = run(killed, "--threads", "2", "--batch", "4", "--resume");
        assertThat(resumed.status()).as(resumed.err()).isZero();
        JsonNode s = Json.mapper().readTree(killed.resolve("array.json").toFile());
        assertThat(s.get("devices_computed").asLong()).isEqualTo(256 - 4 * committed);
        assertThat(Files.readAllBytes(killed.resolve("devices.parquet")))
                .isEqualTo(Files.readAllBytes(whole.resolve("devices.parquet")));
        assertThat(results(killed)).isEqualTo(results(whole));
    }

    /**
     * --compare-write-verify commits both sets (write-verify/ and the main folder) and compare.md
     * as one: a run killed after write-verify's study and the first committed batch of the main
     * study leaves every file of an earlier run as it was (old main beside old write-verify/), and
     * --resume computes only the main study's missing batches, to the uninterrupted run's devices.
     */
    @Test
    void aRunKilledBetweenTheTwoStudiesLeavesBothOldSetsAndResumesToBothNewOnes() throws Exception {
        Path d = shared.resolve("compare-killed");
        List<String> a = List.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "4", "--cols", "8",
                "--levels", "8", "--reads", "5", "--threads", "1", "--batch", "2", "--compare-write-verify", "--out", d.toString());
        CommandRun first = CommandRun.of(a.toArray(String[]::new));
        assertThat(first.status()).as(first.err()).isZero();
        String[] files = {"array.json", "devices.parquet", "compare.md", "write-verify/array.json", "write-verify/devices.parquet"};
        List<byte[]> old = new ArrayList<>();
        for (String f : files) {
            old.add(Files.readAllBytes(d.resolve(f)));
        }

        Path mainStore = d.resolve(".batches");
        Path sideStore = d.resolve("write-verify/.batches");
        KilledHafnia.killWhen(a, () -> KilledHafnia.committedBatches(mainStore) >= 1, 0);
        assertThat(KilledHafnia.committedBatches(sideStore)).as("write-verify's study had finished").isEqualTo(16);
        long committed = KilledHafnia.committedBatches(mainStore);
        assertThat(committed).isBetween(1L, 15L);
        // Nothing of the killed run reached either set: array.json holds wall_s, so a new one would differ.
        for (int k = 0; k < files.length; k++) {
            assertThat(Files.readAllBytes(d.resolve(files[k]))).as(files[k]).isEqualTo(old.get(k));
        }

        List<String> r = new ArrayList<>(a);
        r.add("--resume");
        CommandRun resumed = CommandRun.of(r.toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(Json.mapper().readTree(d.resolve("write-verify/array.json").toFile()).get("devices_computed").asLong()).isZero();
        assertThat(Json.mapper().readTree(d.resolve("array.json").toFile()).get("devices_computed").asLong())
                .isEqualTo(32 - 2 * committed);
        assertThat(Files.readAllBytes(d.resolve("array.json"))).isNotEqualTo(old.get(0));
        assertThat(Files.readAllBytes(d.resolve("write-verify/array.json"))).isNotEqualTo(old.get(3));
        assertThat(Files.readAllBytes(d.resolve("devices.parquet"))).isEqualTo(old.get(1));
        assertThat(Files.readAllBytes(d.resolve("write-verify/devices.parquet"))).isEqualTo(old.get(4));
        assertThat(mainStore).doesNotExist();
        assertThat(sideStore).doesNotExist();
        try (var left = Files.list(d)) {
            assertThat(left.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".hafnia.lock")))
                    .isEmpty();
        }
    }

    /**
     * A sweep job killed while its set was being moved into place (array.json moved, devices.parquet
     * still in the job's commit folder) is rolled forward by sweep --resume before its array.json is
     * trusted as the mark of a finished job.
     */
    @Test
    void sweepResumeCompletesAJobKilledWhileItsSetWasMovedIntoPlace() throws Exception {
        Path out = shared.resolve("sweep-rolled");
        String[] a = {"sweep", tinyCase.toString(), "--vary", "seed=1", "--out", out.toString(), "--device", compact.toString(),
            "--rows", "1", "--cols", "2", "--levels", "2", "--reads", "2", "--threads", "1"};
        CommandRun r = CommandRun.of(a);
        assertThat(r.status()).as(r.err()).isZero();
        Path job = out.resolve("job-000");
        byte[] devices = Files.readAllBytes(job.resolve("devices.parquet"));
        Path commit = Files.createDirectories(job.resolve(".commit-1"));
        Files.move(job.resolve("devices.parquet"), commit.resolve("devices.parquet"));

        List<String> again = new ArrayList<>(List.of(a));
        again.add("--resume");
        CommandRun resumed = CommandRun.of(again.toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(Files.readAllBytes(job.resolve("devices.parquet"))).isEqualTo(devices);
        assertThat(commit).doesNotExist();
    }

    @Test
    void aSweepRunsEveryCombinationAsAJobWithOneSummary() throws Exception {
        Path out = shared.resolve("sweep");
        CommandRun r = CommandRun.of("sweep", tinyCase.toString(), "--vary", "seed=1,2", "--vary",
                "device.read.voltage=-0.15 V,-0.2 V", "--out", out.toString(), "--array-option=--device=" + compact,
                "--array-option=--rows=2", "--array-option=--cols=4", "--array-option=--levels=2", "--array-option=--reads=2");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> tsv = Files.readAllLines(out.resolve("summary.tsv"));
        assertThat(tsv).hasSize(5);
        assertThat(tsv.get(0)).startsWith("job\tseed\tdevice.read.voltage\tlevels_distinguishable");
        assertThat(tsv.get(4)).startsWith("job-003\t2\t-0.2 V\t");
        assertThat(readParquet(out.resolve("summary.parquet"))).hasSize(4);
        JsonNode job3 = Json.mapper().readTree(out.resolve("cases/job-003.json").toFile());
        assertThat(job3.get("seed").asInt()).isEqualTo(2);
        assertThat(job3.at("/device/read/voltage").asText()).isEqualTo("-0.2 V");
        assertThat(out.resolve("job-003/devices.parquet")).isRegularFile();
        CommandRun bad = CommandRun.of("sweep", tinyCase.toString(), "--vary", "physics.nothing=1", "--out", out.toString());
        assertThat(bad.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("has no key physics.nothing");

        // The array options themselves (ArrayOptions, as hafnia array's) and --threads go to every job.
        Path direct = shared.resolve("sweep-direct");
        CommandRun d = CommandRun.of("sweep", tinyCase.toString(), "--vary", "array.activation_energy_sigma=0 eV,0.05 eV",
                "--out", direct.toString(), "--device", compact.toString(), "--rows", "1", "--cols", "3", "--levels", "2",
                "--reads", "2", "--threads", "1");
        assertThat(d.status()).as(d.err()).isZero();
        JsonNode j1 = Json.mapper().readTree(direct.resolve("job-001/array.json").toFile());
        assertThat(j1.get("devices").asInt()).isEqualTo(3);
        assertThat(j1.get("threads").asInt()).isEqualTo(1);
        assertThat(j1.get("ea_spread_eV").asDouble()).isEqualTo(0.05);
        // Control of the case key: another spread, other devices.
        assertThat(Files.readAllBytes(direct.resolve("job-001/devices.parquet")))
                .isNotEqualTo(Files.readAllBytes(direct.resolve("job-000/devices.parquet")));
    }

    /**
     * With the denoise train left out ({@code --denoise-pulses 0}), write-verify-denoise is write-verify
     * plus one re-read per round: the same devices give the same level statistics (8 × 16 devices, 4
     * levels). Tolerance 20 %: σ pooled over 4 levels × 32 devices has a sampling error of
     * 1/√(2·4·31) ≈ 6.3 %, and the two runs share their devices; 20 % is over 3 of it.
     * The control that the switch reaches the scheme: with the model's train (3 × n_d pulses a round)
     * every device gets at least one train, so its mean pulse count exceeds the run without by at
     * least the train's length. (Until the tenth session this test edited the report section
     * "parameters" of compact.json, which the scheme never reads: it switched nothing off.)
     */
    @Test
    void withDenoisingDisabledTheLevelStatisticsAreThoseOfWriteVerify() throws Exception {
        Path out = shared.resolve("no-denoise");
        CommandRun r = CommandRun.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "8", "--cols", "16",
                "--levels", "4", "--reads", "2", "--out", out.toString(), "--compare-write-verify", "--denoise-pulses", "0");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode denoise = Json.mapper().readTree(out.resolve("array.json").toFile());
        JsonNode wv = Json.mapper().readTree(out.resolve("write-verify/array.json").toFile());
        assertThat(denoise.get("scheme").asText()).isEqualTo("write-verify-denoise");
        assertThat(denoise.get("denoise_train_pulses").asInt()).isZero();
        assertThat(wv.get("scheme").asText()).isEqualTo("write-verify");
        assertThat(wv.get("denoise_train_pulses").isNull()).isTrue();
        assertThat(denoise.get("sigma_S").asDouble()).isCloseTo(wv.get("sigma_S").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(20));
        assertThat(denoise.get("rmse_percent").asDouble()).isCloseTo(wv.get("rmse_percent").asDouble(),
                org.assertj.core.data.Percentage.withPercentage(20));
        assertThat(out.resolve("compare.md")).isRegularFile();

        Path on = shared.resolve("with-denoise");
        CommandRun t = CommandRun.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "8", "--cols", "16",
                "--levels", "4", "--reads", "2", "--out", on.toString());
        assertThat(t.status()).as(t.err()).isZero();
        JsonNode trained = Json.mapper().readTree(on.resolve("array.json").toFile());
        int train = trained.get("denoise_train_pulses").asInt();
        assertThat(train).isEqualTo((int) Math.ceil(3 * CompactDeviceFile.readDevice(compact).denoisePulses()));
        assertThat(trained.get("pulses_mean").asDouble()).isGreaterThanOrEqualTo(denoise.get("pulses_mean").asDouble() + train);
        CommandRun other = CommandRun.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "2", "--cols", "2",
                "--scheme", "write-verify", "--denoise-pulses", "3", "--out", shared.resolve("bad-train").toString());
        assertThat(other.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(other.err()).contains("--denoise-pulses is an option of --scheme write-verify-denoise").hasLineCount(1);
    }

    @Test
    void badOptionsAreOneLineAndWriteNothing() throws Exception {
        Path out = shared.resolve("bad");
        CommandRun s = run(out, "--scheme", "magic");
        assertThat(s.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(s.err()).contains("--scheme magic: unknown scheme");
        // This module's class path has no Spark (module engine-spark): one line saying how to get it.
        CommandRun e = run(out, "--engine", "spark");
        assertThat(e.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(e.err()).contains("--engine spark: the Spark engine is not on the class path").hasLineCount(1);
        CommandRun u = run(out, "--engine", "hadoop");
        assertThat(u.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(u.err()).contains("expected one of [local, spark]");
        CommandRun m = run(out, "--master", "local[2]");
        assertThat(m.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(m.err()).contains("--master is an option of --engine spark");
        // A Hadoop URI is a run folder of --engine spark only (docs/spark.md): refused as typed, saying so, and no
        // local folder "hdfs:" made; the same for a sweep and for a command without engines.
        CommandRun h = CommandRun.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "2", "--cols", "2",
                "--out", "hdfs://namenode/array");
        assertThat(h.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(h.err()).contains("--out hdfs://namenode/array: a URI is a run folder of --engine spark only")
                .contains("add --engine spark").hasLineCount(1);
        CommandRun sw = CommandRun.of("sweep", tinyCase.toString(), "--vary", "seed=1,2", "--out", "s3a://bucket/sweep");
        assertThat(sw.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(sw.err()).contains("--out s3a://bucket/sweep: a URI is a run folder of --engine spark only").hasLineCount(1);
        CommandRun f = CommandRun.of("fig3", "--out", "file:///tmp/fig3");
        assertThat(f.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(f.err()).contains("--out file:///tmp/fig3: a URI; only hafnia array and hafnia sweep write to a Hadoop-compatible URI")
                .hasLineCount(1);
        assertThat(Path.of("hdfs:")).doesNotExist();
        assertThat(Path.of("s3a:")).doesNotExist();
        assertThat(Path.of("file:")).doesNotExist();
        CommandRun r = run(out, "--rows", "0");
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(out).doesNotExist();
    }

    @Test
    void afterABatchFailsNothingMoreIsCommittedOnceTheLocalRunHasReturned() throws Exception {
        CompactDeviceParameters p = CompactDeviceFile.readDevice(compact);
        double[] levels = CrossbarProgramming.levels(p, 8);
        // 64 devices in 64 batches of one on 2 workers: batch 3's commit fails while the others run.
        org.hafnia.experiments.array.ArrayRecipe recipe = new org.hafnia.experiments.array.ArrayRecipe(
                Files.readString(tinyCase), tinyCase.toString(), "tiny-array", "write-verify",
                org.hafnia.experiments.array.ArrayRecipe.components(p), levels[1] - levels[0], 0.02, 10, 5, 1e-3, 8, 8,
                levels, 1, -1);
        org.hafnia.experiments.array.ArrayStudy study = recipe.study();
        org.hafnia.postprocess.io.RunStorage local = new org.hafnia.postprocess.io.LocalRunStorage(
                shared.resolve("fails/.batches"));
        org.hafnia.experiments.array.ArrayStudy.prepare(local, "test\n", false);
        // The end of every write attempt (a late one may fail: the old pool interrupted its workers).
        List<Long> ends = java.util.Collections.synchronizedList(new ArrayList<>());
        org.hafnia.postprocess.io.RunStorage failing = (org.hafnia.postprocess.io.RunStorage) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.hafnia.postprocess.io.RunStorage.class},
                        (proxy, method, args) -> {
                            try {
                                if (method.getName().equals("write") && args[0].equals("batch-000003.bin")) {
                                    throw new java.io.UncheckedIOException(new java.io.IOException("injected"));
                                }
                                return method.invoke(local, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            } finally {
                                if (method.getName().equals("write")) {
                                    ends.add(System.nanoTime());
                                }
                            }
                        });
        long returned = 0;
        try {
            study.runLocal(failing, 2, i -> { });
        } catch (java.io.UncheckedIOException e) {
            returned = System.nanoTime();
            assertThat(e).hasMessageContaining("injected");
        }
        assertThat(returned).as("the run failed").isPositive();
        List<String> atReturn = local.list();
        // The batches not yet run take ≈ 1 s here; a worker still going would write within that.
        Thread.sleep(1500);
        for (long end : List.copyOf(ends)) {
            assertThat(end).as("a write ended after the run had returned").isLessThan(returned);
        }
        assertThat(local.list()).isEqualTo(atReturn);
        assertThat(atReturn).doesNotContain("batch-000003.bin").hasSizeLessThan(64);
    }
}
