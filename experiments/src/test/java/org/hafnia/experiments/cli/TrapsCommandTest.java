package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code hafnia traps} on the small denoise case: the census, its balance, threads, refusals. */
class TrapsCommandTest {

    private static final int DEVICES = 6;

    @TempDir
    static Path tmp;

    static JsonNode doc;

    @BeforeAll
    static void runOnce() throws IOException {
        CommandRun run = CommandRun.of("traps", DenoiseCommandTest.testCase().toString(), "--devices",
                String.valueOf(DEVICES), "--out", tmp.resolve("two").toString(), "--threads", "2");
        assertThat(run.status()).as(run.err()).isZero();
        doc = Json.mapper().readTree(tmp.resolve("two/traps.json").toFile());
    }

    @Test
    void everyStateHasItsCensusAndEveryLevelItsAttribution() throws IOException {
        assertThat(doc.get("devices").asInt()).isEqualTo(DEVICES);
        JsonNode states = doc.get("states");
        assertThat(states.size()).isEqualTo(5);
        assertThat(states.get(0).get("state").asText()).isEqualTo("fresh");
        assertThat(states.get(0).has("attribution")).isFalse();
        List<String> rows = Files.readAllLines(tmp.resolve("two/traps.tsv"));
        double traps = 0;
        for (JsonNode s : states) {
            traps += s.get("traps_per_device").asDouble() * DEVICES;
            assertThat(s.get("read_sigma_rel_mean").asDouble()).isGreaterThanOrEqualTo(s.get("telegraph_sigma_rel_mean").asDouble());
        }
        assertThat(rows).hasSize(1 + (int) Math.round(traps));
        for (int k = 1; k < states.size(); k++) {
            JsonNode a = states.get(k).get("attribution");
            double before = a.get("telegraph_variance_fresh_S2").asDouble();
            double now = a.get("telegraph_variance_S2").asDouble();
            double change = a.get("vanished_dissolved_S2").asDouble() + a.get("vanished_completed_S2").asDouble()
                    + a.get("vanished_out_of_reach_S2").asDouble() + a.get("appeared_S2").asDouble()
                    + a.get("persisting_step_change_S2").asDouble();
            // Every trap of either map is in exactly one term: the balance closes to round-off.
            assertThat(now).as(states.get(k).get("state").asText()).isCloseTo(before + change, within(1e-9 * before));
        }
    }

    @Test
    void theCensusDoesNotDependOnTheThreadCount() throws IOException {
        CommandRun one = CommandRun.of("traps", DenoiseCommandTest.testCase().toString(), "--devices",
                String.valueOf(DEVICES), "--out", tmp.resolve("one").toString(), "--threads", "1");
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(Files.readString(tmp.resolve("one/traps.tsv"))).isEqualTo(Files.readString(tmp.resolve("two/traps.tsv")));
        assertThat(Json.mapper().readTree(tmp.resolve("one/traps.json").toFile())).isEqualTo(doc);
    }

    @Test
    void aCaseWithoutTrapsIsRefusedInOneLine() throws IOException {
        Path c = tmp.resolve("tiny-device.json");
        try (var in = getClass().getResourceAsStream("/cases/tiny-device.json")) {
            Files.copy(in, c);
        }
        CommandRun r = CommandRun.of("traps", c.toString(), "--out", tmp.resolve("none").toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("has no traps section").hasLineCount(1);
        assertThat(tmp.resolve("none")).doesNotExist();
    }
}
