package org.hafnia.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.hafnia.experiments.cli.CommandRun;
import org.hafnia.experiments.cli.Hafnia;
import org.hafnia.experiments.cli.KilledHafnia;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.RunLease;
import org.hafnia.postprocess.io.RunProcess;
import org.hafnia.postprocess.io.RunStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Runs into a real HDFS: a name node and a data node in this JVM (Hadoop's MiniDFSCluster,
 * {@code hadoop-client-minicluster}, the version of Spark's Hadoop client), reached as
 * {@code hdfs://localhost:PORT/…} through the DistributedFileSystem client, with HDFS's own rename
 * and exclusive create. On the 4 × 8 tiny array (8 levels, 5 reads, batches of 8): the outputs equal
 * the local engine's local-folder run's, byte for byte; a run killed in its own JVM resumes to them,
 * taking its lease over; a partly committed batch store on HDFS is
 * completed by computing only its missing batches; a held folder is refused; of eight creates of
 * one lease at once, exactly one succeeds. Not S3: nothing here emulates s3a.
 */
class HdfsRunTest {

    @TempDir
    static Path shared;

    static MiniDFSCluster cluster;
    static FileSystem hdfs;
    static String root;
    static SparkSession spark;
    static Path tinyCase;
    static Path compact;
    static Path local;

    @BeforeAll
    static void startHdfsAndSparkAndRunTheLocalEngineOnce() throws Exception {
        Configuration conf = new Configuration();
        cluster = new MiniDFSCluster.Builder(conf, shared.resolve("dfs").toFile()).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = cluster.getFileSystem();
        root = "hdfs://localhost:" + cluster.getNameNodePort();
        // One data node: files of replication 1, so that no write waits for replicas that cannot exist.
        spark = SparkSession.builder().master("local[2]").appName("hafnia-hdfs-test").config("spark.ui.enabled", "false")
                .config("spark.hadoop.dfs.replication", "1").getOrCreate();
        TinyArrayCase tiny = TinyArrayCase.in(shared);
        tinyCase = tiny.file();
        compact = tiny.compact();
        local = shared.resolve("local");
        CommandRun a = array(local.toString(), "--threads", "2", "--batch", "8");
        assertThat(a.status()).as(a.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    private static CommandRun array(String out, String... more) {
        List<String> a = new ArrayList<>(List.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "4",
                "--cols", "8", "--levels", "8", "--reads", "5", "--out", out));
        a.addAll(List.of(more));
        return CommandRun.of(a.toArray(String[]::new));
    }

    private static byte[] read(String path) throws Exception {
        try (var in = hdfs.open(new org.apache.hadoop.fs.Path(path))) {
            return in.readAllBytes();
        }
    }

    private static List<String> names(String path) throws Exception {
        return Arrays.stream(hdfs.listStatus(new org.apache.hadoop.fs.Path(path))).map(s -> s.getPath().getName()).sorted().toList();
    }

    @Test
    void aRunIntoHdfsWritesTheLocalRunsFilesByteForByteAndLeavesNoRunState() throws Exception {
        String uri = root + "/array";
        CommandRun r = array(uri, "--engine", "spark", "--master", "local[2]", "--batch", "8");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + uri);
        for (String f : new String[] {"devices.parquet", "array.h5"}) {
            assertThat(read("/array/" + f)).as(f).isEqualTo(Files.readAllBytes(local.resolve(f)));
        }
        ObjectNode onHdfs = (ObjectNode) Json.mapper().readTree(read("/array/array.json"));
        ObjectNode onLocal = (ObjectNode) Json.mapper().readTree(local.resolve("array.json").toFile());
        assertThat(onHdfs.get("engine").asText()).isEqualTo("spark");
        for (ObjectNode n : List.of(onHdfs, onLocal)) {
            n.remove(List.of("wall_s", "engine", "threads", "batch", "devices_computed"));
        }
        assertThat(onHdfs).isEqualTo(onLocal);
        assertThat(names("/array")).containsExactly("array-map.png", "array.h5", "array.json", "devices.parquet", "levels.png");
    }

    @Test
    void aPartlyCommittedBatchStoreOnHdfsIsCompletedComputingOnlyItsMissingBatches() throws Exception {
        PartialBatchStore.completesOnlyTheMissingBatches(tinyCase, compact, 8, shared.resolve("resume-local"),
                new HadoopRunStorage(hdfs, new org.apache.hadoop.fs.Path("/resume/.batches"), root + "/resume/.batches"));
        assertThat(names("/resume/.batches")).noneMatch(n -> n.endsWith(".tmp"));
    }

    @Test
    void aHeldHdfsFolderRefusesARunInOneLineWritingNothing() throws Exception {
        RunProcess me = RunProcess.current();
        try (OutputStream o = hdfs.create(new org.apache.hadoop.fs.Path("/held/" + RunLease.FILE), false)) {
            o.write(("run=other\nhost=" + me.host() + "\npid=" + me.pid() + "\nstarted=" + me.started() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        CommandRun r = array(root + "/held", "--engine", "spark", "--master", "local[2]");
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("is held by another hafnia run").contains(root + "/held/" + RunLease.FILE).hasLineCount(1);
        assertThat(names("/held")).containsExactly(RunLease.FILE);
    }

    /**
     * {@code hafnia array --engine spark} into HDFS in its own JVM, killed with SIGKILL once a batch
     * is committed: it leaves its lease (its pid, on this host) and its local scratch folder; a new
     * run without --resume is refused; with --resume it takes the lease over, removes that scratch
     * folder, computes exactly the uncommitted devices and writes the local run's files.
     */
    @Test
    void aRunIntoHdfsKilledInItsOwnJvmResumesTakingOverItsLease() throws Exception {
        String uri = root + "/killed";
        String[] spark = {"--engine", "spark", "--master", "local[2]", "--batch", "2"};
        List<String> jvm = List.of("--add-modules", "jdk.incubator.vector", "-Dspark.hadoop.dfs.replication=1",
                "@" + Path.of(System.getProperty("hafnia.root"), "engine-spark", "spark-jvm.options"));
        List<String> a = new ArrayList<>(List.of("array", tinyCase.toString(), "--device", compact.toString(), "--rows", "4",
                "--cols", "8", "--levels", "8", "--reads", "5", "--out", uri));
        a.addAll(List.of(spark));
        KilledHafnia.killWhen(jvm, a, () -> committed() >= 1, 0);
        long committed = committed();
        assertThat(committed).isBetween(1L, 15L);
        String lease = new String(read("/killed/" + RunLease.FILE), StandardCharsets.UTF_8);
        assertThat(lease).contains("host=" + RunProcess.current().host()).doesNotContain("pid=" + RunProcess.current().pid() + "\n");
        String pid = lease.lines().filter(l -> l.startsWith("pid=")).findFirst().orElseThrow().substring(4);
        Path scratch;
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            scratch = tmp.filter(t -> t.getFileName().toString().startsWith("hafnia-array-" + pid + "-")).findFirst().orElseThrow();
        }

        CommandRun refused = array(uri, spark);
        assertThat(refused.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(refused.err()).contains("unfinished array run").hasLineCount(1);
        List<String> again = new ArrayList<>(List.of(spark));
        again.add("--resume");
        CommandRun resumed = array(uri, again.toArray(String[]::new));
        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(Json.mapper().readTree(read("/killed/array.json")).get("devices_computed").asLong()).isEqualTo(32 - 2 * committed);
        for (String f : new String[] {"devices.parquet", "array.h5"}) {
            assertThat(read("/killed/" + f)).as(f).isEqualTo(Files.readAllBytes(local.resolve(f)));
        }
        assertThat(names("/killed")).doesNotContain(RunLease.FILE, ".batches");
        assertThat(scratch).as("the killed run's scratch folder").doesNotExist();
    }

    private static long committed() {
        try {
            org.apache.hadoop.fs.Path store = new org.apache.hadoop.fs.Path("/killed/.batches");
            return hdfs.exists(store) ? names(store.toString()).stream().filter(n -> n.startsWith("batch-")).count() : 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 2-job sweep into HDFS: one folder a job with the job's outputs, one summary row a job, no lease left anywhere. */
    @Test
    void aSweepIntoHdfsWritesEveryJobAndItsSummaryAndLeavesNoLease() throws Exception {
        CommandRun s = CommandRun.of("sweep", tinyCase.toString(), "--vary", "seed=1,2", "--engine", "spark", "--master", "local[2]",
                "--array-option=--device=" + compact, "--array-option=--rows=2", "--array-option=--cols=4",
                "--array-option=--levels=2", "--array-option=--reads=2", "--out", root + "/sweep");
        assertThat(s.status()).as(s.err()).isZero();
        assertThat(names("/sweep")).contains("job-000", "job-001", "summary.tsv", "summary.parquet", "cases").doesNotContain(RunLease.FILE);
        for (String job : new String[] {"job-000", "job-001"}) {
            assertThat(names("/sweep/" + job)).contains("devices.parquet", "array.json", "array.h5").doesNotContain(RunLease.FILE);
            assertThat(Json.mapper().readTree(read("/sweep/" + job + "/array.json")).get("devices").asInt()).isEqualTo(8);
        }
        List<String> rows = new String(read("/sweep/summary.tsv"), StandardCharsets.UTF_8).lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).startsWith("job-000\t1\t");
        assertThat(rows.get(2)).startsWith("job-001\t2\t");
    }

    @Test
    void ofEightCreatesOfOneLeaseAtOnceExactlyOneSucceeds() throws Exception {
        // Eight HDFS clients, as eight drivers would be: the name node decides.
        List<FileSystem> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> made = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                FileSystem client = FileSystem.newInstance(hdfs.getUri(), hdfs.getConf());
                clients.add(client);
                RunStorage dir = new HadoopRunStorage(client, new org.apache.hadoop.fs.Path("/race"), root + "/race");
                byte[] content = ("run=" + k + "\n").getBytes(StandardCharsets.UTF_8);
                made.add(pool.submit(() -> dir.createNew(RunLease.FILE, content)));
            }
            int winners = 0;
            for (Future<Boolean> f : made) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            for (FileSystem c : clients) {
                c.close();
            }
        }
        assertThat(new String(read("/race/" + RunLease.FILE), StandardCharsets.UTF_8)).matches("run=[0-7]\n");
    }
}
