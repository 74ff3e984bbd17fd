package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class BenchCommandTest {

    private static final List<String> KEYS = List.of("case", "backend", "size", "threads", "steps", "mcells_per_s",
            "checksum");

    private static JsonNode bench(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Hafnia.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "bench";
        System.arraycopy(args, 0, full, 1, args.length);
        assertThat(cl.execute(full)).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(1);
        return Json.mapper().readTree(lines[0]);
    }

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    /** The contract keys come first, in order; added keys follow. */
    private static void assertContractKeys(JsonNode n) {
        List<String> k = keys(n);
        assertThat(k.size()).isGreaterThanOrEqualTo(KEYS.size());
        assertThat(k.subList(0, KEYS.size())).containsExactlyElementsOf(KEYS);
    }

    @Test
    void printsOneJsonLineWithTheContractKeysInOrder() throws Exception {
        JsonNode n = bench("--case", "allen-cahn-2d", "--size", "40", "--steps", "3", "--threads", "2");
        assertContractKeys(n);
        assertThat(n.get("case").asText()).isEqualTo("allen-cahn-2d");
        assertThat(n.get("backend").asText()).isEqualTo("java");
        assertThat(n.get("size").asInt()).isEqualTo(40);
        assertThat(n.get("threads").asInt()).isEqualTo(2);
        assertThat(n.get("steps").asInt()).isEqualTo(3);
        assertThat(n.get("mcells_per_s").asDouble()).isPositive();
        // φ ∈ [0, 1] after clipping, so 0 ≤ Σφ ≤ N².
        assertThat(n.get("checksum").asDouble()).isBetween(0.0, 1600.0);
    }

    /** The Java kernels are bit-identical for any thread count, so the checksum is too. */
    @Test
    void checksumDoesNotDependOnTheThreadCount() throws Exception {
        JsonNode one = bench("--case", "allen-cahn-3d", "--size", "12", "--steps", "4", "--threads", "1");
        JsonNode three = bench("--case", "allen-cahn-3d", "--size", "12", "--steps", "4", "--threads", "3");
        assertContractKeys(three);
        assertThat(three.get("checksum").asDouble()).isEqualTo(one.get("checksum").asDouble());
        JsonNode longer = bench("--case", "allen-cahn-3d", "--size", "12", "--steps", "5", "--threads", "1");
        assertThat(longer.get("checksum").asDouble()).as("the run moves φ").isNotEqualTo(one.get("checksum").asDouble());
    }

    /** With gcc on the PATH, the C reference runs on the same problem size, steps and threads. */
    @Test
    void cReferenceFigureAndRatioStandBesideTheJavaFigure() throws Exception {
        JsonNode n = bench("--case", "allen-cahn-2d", "--size", "64", "--steps", "3", "--threads", "1");
        org.junit.jupiter.api.Assumptions.assumeTrue(n.has("c_mcells_per_s"), "no gcc or no C reference here");
        assertThat(n.get("c_mcells_per_s").asDouble()).isPositive();
        // The ratio is printed to two digits (CReference.ratio).
        assertThat(n.get("ratio_to_c").asDouble()).isCloseTo(
                n.get("mcells_per_s").asDouble() / n.get("c_mcells_per_s").asDouble(),
                org.assertj.core.api.Assertions.within(0.01 + 0.01 * n.get("ratio_to_c").asDouble()));
        assertThat(bench("--case", "allen-cahn-2d", "--size", "16", "--steps", "1", "--no-c-reference").has("ratio_to_c"))
                .isFalse();
    }

    /**
     * One device of the batch is the 2D case: the same initial values (the first N² of the seeded
     * stream), model, Δt and bias, so the same checksum, bit for bit; and a batch's checksum does
     * not depend on the thread count.
     */
    @Test
    void batchOfOneDeviceIsTheTwoDimensionalCase() throws Exception {
        JsonNode single = bench("--case", "allen-cahn-2d", "--size", "32", "--steps", "6", "--no-c-reference");
        JsonNode batch = bench("--case", "allen-cahn-batch", "--size", "32", "--devices", "1", "--steps", "6");
        assertContractKeys(batch);
        assertThat(batch.get("devices").asInt()).isEqualTo(1);
        assertThat(batch.get("checksum").asDouble()).isEqualTo(single.get("checksum").asDouble());
        JsonNode one = bench("--case", "allen-cahn-batch", "--size", "32", "--devices", "9", "--steps", "3", "--threads", "1");
        JsonNode two = bench("--case", "allen-cahn-batch", "--size", "32", "--devices", "9", "--steps", "3", "--threads", "2");
        assertThat(two.get("checksum").asDouble()).isEqualTo(one.get("checksum").asDouble());
        assertThat(one.get("checksum").asDouble()).isGreaterThan(single.get("checksum").asDouble());
    }

    /** The device-pulse case: its cost breakdown, and reads that depend on the seeds only, not the threads. */
    @Test
    void devicePulseReportsItsBreakdownAndThreadIndependentReads() throws Exception {
        JsonNode one = bench("--case", "device-pulse", "--devices", "3", "--steps", "2", "--threads", "1");
        JsonNode two = bench("--case", "device-pulse", "--devices", "3", "--steps", "2", "--threads", "2");
        assertThat(keys(one)).containsExactly("case", "device", "devices", "pulses", "threads", "us_per_device_pulse",
                "pulse_us", "settle_us", "read_us", "make_us", "projected_hours_65536x200", "checksum",
                "cpu_us_per_device_pulse", "projected_cpu_hours_65536x200", "heat_us", "kinetics_us", "conductance_us", "traps_us", "other_us",
                "pulse_steps", "pulse_trials", "pulse_halvings", "pulse_heat_advances",
                "settle_steps", "settle_trials", "settle_halvings", "settle_heat_advances",
                "read_steps", "read_trials", "read_halvings", "read_heat_advances");
        assertThat(one.get("us_per_device_pulse").asDouble()).isPositive();
        // The work of the integration is the same for any thread count: it depends on the device and seeds only.
        for (String k : List.of("pulse_steps", "pulse_trials", "pulse_halvings", "settle_steps", "read_trials")) {
            assertThat(one.get(k).asDouble()).as(k).isEqualTo(two.get(k).asDouble());
        }
        // A pulse resolves its heating transient: more than one step, each at least one trial.
        assertThat(one.get("pulse_steps").asDouble()).isGreaterThan(1);
        assertThat(one.get("pulse_trials").asDouble()).isGreaterThanOrEqualTo(one.get("pulse_steps").asDouble());
        assertThat(one.get("heat_us").asDouble()).isPositive();
        assertThat(one.get("cpu_us_per_device_pulse").asDouble()).isPositive();
        assertThat(one.get("kinetics_us").asDouble()).isPositive();
        assertThat(one.get("pulse_us").asDouble()).isPositive();
        assertThat(one.get("read_us").asDouble()).isPositive();
        assertThat(one.get("checksum").asDouble()).isPositive().isEqualTo(two.get("checksum").asDouble());
    }

    @Test
    void rejectsAnUnknownCaseWithExitStatus2() {
        CommandLine cl = Hafnia.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("bench", "--case", "heat-2d")).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(err.toString()).contains("unknown case 'heat-2d'");
    }
}
