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

    @Test
    void printsOneJsonLineWithTheContractKeysInOrder() throws Exception {
        JsonNode n = bench("--case", "allen-cahn-2d", "--size", "40", "--steps", "3", "--threads", "2");
        assertThat(keys(n)).containsExactlyElementsOf(KEYS);
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
        assertThat(keys(three)).containsExactlyElementsOf(KEYS);
        assertThat(three.get("checksum").asDouble()).isEqualTo(one.get("checksum").asDouble());
        JsonNode longer = bench("--case", "allen-cahn-3d", "--size", "12", "--steps", "5", "--threads", "1");
        assertThat(longer.get("checksum").asDouble()).as("the run moves φ").isNotEqualTo(one.get("checksum").asDouble());
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
