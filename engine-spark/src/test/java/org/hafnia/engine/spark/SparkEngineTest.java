package org.hafnia.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.hafnia.experiments.cli.CommandRun;
import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.experiments.cli.KilledHafnia;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.LocalRunStorage;
import org.hafnia.postprocess.io.OutputFolder;
import org.hafnia.postprocess.io.RunLease;
import org.hafnia.postprocess.io.RunProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Spark engine on {@code local[2]} against the local engine, on the 16 × 16 array of the tiny
 * 8 × 8-node case of the array tests ({@code experiments/src/test/resources/cases/tiny-array.json}):
 * the same devices.parquet byte for byte and the same array.json apart from what names the run
 * (wall time, engine, threads, batch, devices computed), for one task per batch of 16 and of 5; a
 * store with committed batches is resumed computing only the others, to the local engine's devices;
 * a sweep on Spark gives the local sweep's jobs; a Spark run in its own JVM killed with SIGKILL resumes
 * to the local engine's files. One Spark session for the class (start-up is seconds).
 */
class SparkEngineTest {

    @TempDir
    static Path shared;

    static SparkSession spark;
    static Path tinyCase;
    static Path compact;
    /** The local engine's run, 2 threads, batches of 16: what every Spark run must equal. */
    static Path local;

    @BeforeAll
    static void startSparkAndRunTheLocalEngineOnce() throws Exception {
        spark = SparkSession.builder().master("local[2]").appName("hafnia-test").config("spark.ui.enabled", "false").getOrCreate();
        // A second Hadoop scheme, unknown to java.nio (TestSchemeFileSystem), in the session's Hadoop configuration.
        spark.sparkContext().hadoopConfiguration().set("fs." + TestSchemeFileSystem.SCHEME + ".impl", TestSchemeFileSystem.class.getName());
        TinyArrayCase tiny = TinyArrayCase.in(shared);
        tinyCase = tiny.file();
        compact = tiny.compact();
        local = shared.resolve("local");
        CommandRun a = array(local, "--threads", "2", "--batch", "16");
        assertThat(a.status()).as(a.err()).isZero();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static CommandRun array(Path out, String... more) {
        return array(out.toString(), more);
    }

    /** The 16 × 16 tiny array into {@code out}, a folder or a URI. */
    private static CommandRun array(String out, String... more) {
        List<String> a = new ArrayList<>(List.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "16",
                "--cols", "16", "--levels", "8", "--reads", "5", "--out", out));
        a.addAll(List.of(more));
        return CommandRun.of(a.toArray(String[]::new));
    }

    /** array.json without what names the run rather than its devices. */
    private static JsonNode results(Path dir) throws Exception {
        ObjectNode n = (ObjectNode) Json.mapper().readTree(dir.resolve("array.json").toFile());
        n.remove(List.of("wall_s", "engine", "threads", "batch", "devices_computed"));
        return n;
    }

    private static void assertSameDevices(Path dir) throws Exception {
        assertThat(Files.readAllBytes(dir.resolve("devices.parquet"))).isEqualTo(Files.readAllBytes(local.resolve("devices.parquet")));
        assertThat(results(dir)).isEqualTo(results(local));
        assertThat(Files.readAllBytes(dir.resolve("array.h5"))).isEqualTo(Files.readAllBytes(local.resolve("array.h5")));
    }

    @Test
    void sparkLocal2GivesTheLocalEnginesDevicesBitForBit() throws Exception {
        Path out = shared.resolve("spark16");
        CommandRun r = array(out, "--engine", "spark", "--master", "local[2]", "--batch", "16");
        assertThat(r.status()).as(r.err()).isZero();
        assertSameDevices(out);
        JsonNode s = Json.mapper().readTree(out.resolve("array.json").toFile());
        assertThat(s.get("engine").asText()).isEqualTo("spark");
        assertThat(s.get("devices_computed").asInt()).isEqualTo(256);
        assertThat(out.resolve(".batches")).doesNotExist();
    }

    @Test
    void anotherPartitioningGivesTheSameDevices() throws Exception {
        // 52 tasks of 5 devices (the last of 1) instead of 16 of 16; master: local[--threads].
        Path out = shared.resolve("spark-batch5");
        CommandRun r = array(out, "--engine", "spark", "--threads", "2", "--batch", "5");
        assertThat(r.status()).as(r.err()).isZero();
        assertSameDevices(out);
    }

    @Test
    void committedBatchesAreNotRecomputedOnResume() throws Exception {
        // Rows 0–3 of the 16 × 16 array in 4 batches of 16 (same seeds, same targets).
        PartialBatchStore.completesOnlyTheMissingBatches(tinyCase, compact, 16, shared.resolve("resume-local"),
                new LocalRunStorage(shared.resolve("resume/.batches")));
    }

    @Test
    void aSweepOnSparkGivesTheLocalSweepsJobsInAFolderAndThroughAUri() throws Exception {
        String[] common = {"--vary", "seed=1,2", "--array-option=--device=" + compact, "--array-option=--rows=2",
            "--array-option=--cols=4", "--array-option=--levels=2", "--array-option=--reads=2"};
        Path onLocal = shared.resolve("sweep-local");
        Path onSpark = shared.resolve("sweep-spark");
        Path throughUri = shared.resolve("sweep-uri");
        List<String> a = new ArrayList<>(List.of("sweep", tinyCase.toString(), "--out", onLocal.toString()));
        a.addAll(List.of(common));
        CommandRun l = CommandRun.of(a.toArray(String[]::new));
        assertThat(l.status()).as(l.err()).isZero();
        for (String out : new String[] {onSpark.toString(), testSchemeUri(throughUri)}) {
            List<String> b = new ArrayList<>(List.of("sweep", tinyCase.toString(), "--out", out, "--engine", "spark",
                "--master", "local[2]"));
            b.addAll(List.of(common));
            CommandRun s = CommandRun.of(b.toArray(String[]::new));
            assertThat(s.status()).as(s.err()).isZero();
        }
        for (Path dir : new Path[] {onSpark, throughUri}) {
            for (String job : new String[] {"job-000", "job-001"}) {
                assertThat(Files.readAllBytes(dir.resolve(job).resolve("devices.parquet")))
                        .isEqualTo(Files.readAllBytes(onLocal.resolve(job).resolve("devices.parquet")));
                assertThat(Files.readAllBytes(dir.resolve(job).resolve("array.h5")))
                        .isEqualTo(Files.readAllBytes(onLocal.resolve(job).resolve("array.h5")));
                assertThat(Json.mapper().readTree(dir.resolve(job).resolve("array.json").toFile()).get("engine").asText())
                        .isEqualTo("spark");
                assertThat(Files.readAllBytes(dir.resolve("cases").resolve(job + ".json")))
                        .isEqualTo(Files.readAllBytes(onLocal.resolve("cases").resolve(job + ".json")));
            }
            // One summary row a job, the varied value in its column (wall_s differs from run to run).
            List<String> rows = Files.readAllLines(dir.resolve("summary.tsv"));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1)).startsWith("job-000\t1\t");
            assertThat(rows.get(2)).startsWith("job-001\t2\t");
            assertThat(dir.resolve("summary.parquet")).isRegularFile();
        }
        // --resume through the URI: finished jobs (their array.json on the store) are not run again.
        byte[] finished = Files.readAllBytes(throughUri.resolve("job-001/array.json"));
        List<String> r = new ArrayList<>(List.of("sweep", tinyCase.toString(), "--out", testSchemeUri(throughUri), "--engine", "spark",
            "--master", "local[2]", "--resume"));
        r.addAll(List.of(common));
        CommandRun resumed = CommandRun.of(r.toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.out()).doesNotContain("devices (");
        assertThat(Files.readAllBytes(throughUri.resolve("job-001/array.json"))).isEqualTo(finished);
        assertThat(Path.of(TestSchemeFileSystem.SCHEME + ":")).as("no java.nio folder named after the scheme").doesNotExist();
    }

    /** {@code hafniatest:///ABSOLUTE/PATH}: the local folder {@code dir} through the test scheme. */
    private static String testSchemeUri(Path dir) {
        return TestSchemeFileSystem.SCHEME + "://" + dir.toAbsolutePath();
    }

    @Test
    void aRunToAFileUriIsTheLocalRunByteForByte() throws Exception {
        Path dir = shared.resolve("uri-file");
        String uri = "file://" + dir.toAbsolutePath();
        CommandRun r = array(uri, "--engine", "spark", "--master", "local[2]", "--batch", "16");
        assertThat(r.status()).as(r.err()).isZero();
        assertSameDevices(dir);
        assertThat(Json.mapper().readTree(dir.resolve("array.json").toFile()).get("engine").asText()).isEqualTo("spark");
        assertThat(r.out()).contains("wrote " + uri);
        assertThat(dir.resolve(".batches")).doesNotExist();
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".staging-") || n.startsWith(".commit-") || n.endsWith(".tmp"))
                    .doesNotContain(RunLease.FILE);
        }
        try (var all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).as("no Hadoop checksum files").noneMatch(n -> n.endsWith(".crc"));
        }
    }

    /** A file: URI names a folder of this machine: a run holding that folder as a path (another thread here) keeps it out. */
    @Test
    void aFileUriWhosePathAnotherRunHoldsIsRefused() throws Exception {
        Path dir = Files.createDirectories(shared.resolve("uri-path-held"));
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            OutputFolder held = other.submit(() -> OutputFolder.lock(dir)).get();
            CommandRun r = array("file://" + dir.toAbsolutePath(), "--engine", "spark", "--master", "local[2]");
            assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("is in use by another hafnia run").hasLineCount(1);
            other.submit(() -> held.close()).get();
        } finally {
            other.shutdownNow();
        }
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly(OutputFolder.LOCK);
        }
        // So is its write-verify/ folder under --compare-write-verify; the main folder is left unheld.
        Path compare = Files.createDirectories(shared.resolve("uri-side-held"));
        Path sideDir = Files.createDirectories(compare.resolve("write-verify"));
        other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            OutputFolder held = other.submit(() -> OutputFolder.lock(sideDir)).get();
            CommandRun r = array("file://" + compare.toAbsolutePath(), "--engine", "spark", "--master", "local[2]",
                    "--compare-write-verify");
            assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("is in use by another hafnia run").contains("write-verify").hasLineCount(1);
            other.submit(() -> held.close()).get();
        } finally {
            other.shutdownNow();
        }
        assertThat(compare.resolve(RunLease.FILE)).doesNotExist();
        assertThat(sideDir.resolve(RunLease.FILE)).doesNotExist();
    }

    /**
     * A URI run folder is held by its lease: while another run (here a lease of this live process)
     * holds it, an array and a sweep are refused in one line naming the lease, writing nothing; a
     * lease whose process has ended (a killed run's) is taken over and the run completes, leaving no lease.
     */
    @Test
    void aHeldUriRefusesASecondRunAndTheLeaseOfAKilledRunIsTakenOver() throws Exception {
        Path dir = shared.resolve("uri-held");
        Files.createDirectories(dir);
        String uri = testSchemeUri(dir);
        RunProcess me = RunProcess.current();
        Files.writeString(dir.resolve(RunLease.FILE), "run=other\nhost=" + me.host() + "\npid=" + me.pid() + "\nstarted=" + me.started() + "\n");
        String[] small = {"--engine", "spark", "--master", "local[2]", "--batch", "16"};
        CommandRun a = array(uri, small);
        assertThat(a.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(a.err()).contains("is held by another hafnia run").contains(uri + "/" + RunLease.FILE).hasLineCount(1);
        CommandRun s = CommandRun.of("sweep", tinyCase.toString(), "--vary", "seed=1,2", "--engine", "spark", "--master", "local[2]",
                "--out", uri);
        assertThat(s.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(s.err()).contains("is held by another hafnia run").hasLineCount(1);
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly(RunLease.FILE);
        }

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Files.writeString(dir.resolve(RunLease.FILE), "run=killed\nhost=" + me.host() + "\npid=" + ended.pid() + "\nstarted="
                + java.time.Instant.now() + "\n");
        CommandRun taken = array(uri, small);
        assertThat(taken.status()).as(taken.err()).isZero();
        assertThat(dir.resolve("array.json")).isRegularFile();
        assertThat(dir.resolve(RunLease.FILE)).doesNotExist();
    }

    /**
     * On the test scheme (Hadoop's RawLocalFileSystem under another name, unknown to java.nio): a
     * run whose store refuses the 4th batch commit stops with the batches committed before it, as
     * a killed driver would; a new run is refused without --resume; resumed, it computes exactly
     * the uncommitted batches, every batch commit went through the Hadoop FileSystem, and the
     * outputs are the local engine's local-folder run's, byte for byte.
     */
    @Test
    void aRunStoppedPartWayOnAnotherHadoopSchemeResumesComputingOnlyTheMissingBatches() throws Exception {
        Path dir = shared.resolve("uri-scheme");
        // An existing folder: a failed run removes only a folder it created, so the batch store stays, as after a kill.
        Files.createDirectories(dir);
        String uri = testSchemeUri(dir);
        String[] spark = {"--engine", "spark", "--master", "local[2]", "--batch", "16"};
        TestSchemeFileSystem.BATCH_RENAMES.set(0);
        TestSchemeFileSystem.FAIL_AT.set(4);
        CommandRun stopped;
        try {
            stopped = array(uri, spark);
        } finally {
            TestSchemeFileSystem.FAIL_AT.set(0);
        }
        assertThat(stopped.status()).isNotZero();
        assertThat(stopped.err()).contains("test: the store stops here").hasLineCount(1);
        long committed = KilledHafnia.committedBatches(dir.resolve(".batches"));
        assertThat(committed).isBetween(3L, 15L);

        CommandRun refused = array(uri, spark);
        assertThat(refused.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains(uri + "/.batches").contains("unfinished array run").hasLineCount(1);
        int before = TestSchemeFileSystem.BATCH_RENAMES.get();
        List<String> again = new ArrayList<>(List.of(spark));
        again.add("--resume");
        CommandRun resumed = array(uri, again.toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(Json.mapper().readTree(dir.resolve("array.json").toFile()).get("devices_computed").asLong())
                .isEqualTo(256 - 16 * committed);
        assertThat(TestSchemeFileSystem.BATCH_RENAMES.get() - before).as("batch commits through the FileSystem")
                .isEqualTo(16 - committed);
        assertSameDevices(dir);
        assertThat(dir.resolve(".batches")).doesNotExist();
        assertThat(Path.of(TestSchemeFileSystem.SCHEME + ":")).as("no java.nio folder named after the scheme").doesNotExist();
    }

    /** Both folders of --compare-write-verify through a URI: each the local-folder run's, byte for byte. */
    @Test
    void compareWriteVerifyThroughAUriWritesBothFoldersOfTheLocalRun() throws Exception {
        Path onLocal = shared.resolve("compare-local");
        Path throughUri = shared.resolve("compare-uri");
        List<String> small = List.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "2", "--cols", "8",
                "--levels", "8", "--reads", "5", "--compare-write-verify", "--batch", "4");
        List<String> l = new ArrayList<>(small);
        l.addAll(List.of("--out", onLocal.toString()));
        CommandRun local = CommandRun.of(l.toArray(String[]::new));
        assertThat(local.status()).as(local.err()).isZero();
        List<String> u = new ArrayList<>(small);
        u.addAll(List.of("--engine", "spark", "--master", "local[2]", "--out", testSchemeUri(throughUri)));
        CommandRun uri = CommandRun.of(u.toArray(String[]::new));
        assertThat(uri.status()).as(uri.err()).isZero();
        for (String f : new String[] {"devices.parquet", "array.h5", "write-verify/devices.parquet", "write-verify/array.h5"}) {
            assertThat(Files.readAllBytes(throughUri.resolve(f))).as(f).isEqualTo(Files.readAllBytes(onLocal.resolve(f)));
        }
        assertThat(throughUri.resolve("compare.md")).isRegularFile();
        assertThat(throughUri.resolve(".batches")).doesNotExist();
        assertThat(throughUri.resolve("write-verify/.batches")).doesNotExist();
        assertThat(throughUri.resolve(RunLease.FILE)).doesNotExist();
        assertThat(throughUri.resolve("write-verify/" + RunLease.FILE)).as("the side folder's lease, released").doesNotExist();
        // The side folder is held too: with another run's lease in write-verify/ the same run is refused.
        RunProcess me = RunProcess.current();
        Files.writeString(throughUri.resolve("write-verify/" + RunLease.FILE), "run=other\nhost=" + me.host() + "\npid=" + me.pid()
                + "\nstarted=" + me.started() + "\n");
        CommandRun held = CommandRun.of(u.toArray(String[]::new));
        assertThat(held.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(held.err()).contains("write-verify/" + RunLease.FILE).hasLineCount(1);
        assertThat(throughUri.resolve(RunLease.FILE)).as("the main folder's lease, released on the refusal").doesNotExist();
    }

    @Test
    void aUriWithoutAFileSystemOrHoldingAnInputIsRefusedInOneLineWritingNothing() throws Exception {
        CommandRun n = array("nosuchfs://host/array", "--engine", "spark", "--master", "local[2]");
        assertThat(n.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(n.err()).contains("--out nosuchfs://host/array: no Hadoop FileSystem for the scheme \"nosuchfs\"").hasLineCount(1);
        CommandRun s = CommandRun.of("sweep", tinyCase.toString(), "--vary", "seed=1,2", "--engine", "spark", "--master", "local[2]",
                "--out", "nosuchfs://host/sweep");
        assertThat(s.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(s.err()).contains("--out nosuchfs://host/sweep: no Hadoop FileSystem for the scheme \"nosuchfs\"").hasLineCount(1);
        assertThat(Path.of("nosuchfs:")).doesNotExist();
        // The folder that holds the case file, through a file: URI: refused before anything is written there.
        Path inputs = shared.resolve("inputs");
        Files.createDirectories(inputs);
        Path caseCopy = Files.copy(tinyCase, inputs.resolve("tiny-array.json"));
        CommandRun i = CommandRun.of("array", caseCopy.toString(), "--device", compact.toString(), "--rows", "2", "--cols", "2",
                "--engine", "spark", "--master", "local[2]", "--out", "file://" + inputs.toAbsolutePath());
        assertThat(i.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(i.err()).contains("holds the input").hasLineCount(1);
        try (var names = Files.list(inputs)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("tiny-array.json");
        }
    }

    /**
     * {@code hafnia array --engine spark --master local[2]} in its own JVM (Spark's module openings,
     * this class path), killed with SIGKILL once at least one batch is committed: refused without
     * --resume; resumed (here, on Spark) it computes exactly the uncommitted batches and ends with the
     * uninterrupted local run's devices.parquet, array.h5 and array.json (apart from what names the run).
     */
    @Test
    void aSparkRunKilledInItsOwnJvmResumesToTheUninterruptedRun() throws Exception {
        Path killed = shared.resolve("spark-killed");
        Path store = killed.resolve(".batches");
        String[] spark = {"--engine", "spark", "--master", "local[2]", "--batch", "8"};
        List<String> jvm = List.of("--add-modules", "jdk.incubator.vector",
                "@" + Path.of(System.getProperty("hafnia.root"), "engine-spark", "spark-jvm.options"));
        List<String> a = new ArrayList<>(List.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "16",
                "--cols", "16", "--levels", "8", "--reads", "5", "--out", killed.toString()));
        a.addAll(List.of(spark));
        KilledHafnia.killWhen(jvm, a, () -> KilledHafnia.committedBatches(store) >= 1, 0);
        long committed = KilledHafnia.committedBatches(store);
        assertThat(committed).isBetween(1L, 31L);

        CommandRun refused = array(killed, spark);
        assertThat(refused.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("unfinished array run");
        List<String> again = new ArrayList<>(List.of(spark));
        again.add("--resume");
        CommandRun resumed = array(killed, again.toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(Json.mapper().readTree(killed.resolve("array.json").toFile()).get("devices_computed").asLong())
                .isEqualTo(256 - 8 * committed);
        assertSameDevices(killed);
        assertThat(store).doesNotExist();
    }
}
