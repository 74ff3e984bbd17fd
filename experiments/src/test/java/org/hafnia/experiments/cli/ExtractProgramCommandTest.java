package org.hafnia.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** {@code hafnia extract} and {@code hafnia program} end to end on a tiny case, and their bad-input paths. */
class ExtractProgramCommandTest {

    @TempDir
    Path tmp;

    private Path tinyCase() throws Exception {
        Path c = tmp.resolve("tiny-device.json");
        try (InputStream in = getClass().getResourceAsStream("/cases/tiny-device.json")) {
            Files.copy(in, c);
        }
        return c;
    }

    @Test
    void extractWritesEveryFileAndProgramUsesItsCompactJson() throws Exception {
        Path out = tmp.resolve("extract");
        CommandRun r = CommandRun.of("extract", tinyCase().toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.status()).as(r.err()).isZero();
        for (String f : new String[] {"compact.json", "crosssim.json", "aihwkit.json", "aihwkit_device.py", "neurosim.txt",
            "pulse-response.png"}) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        JsonNode compact = Json.mapper().readTree(out.resolve("compact.json").toFile());
        assertThat(compact.get("source").get("thermal_noise").isBoolean()).as("which device physics was extracted").isTrue();
        assertThat(compact.get("source").get("thermal_noise").asBoolean()).isFalse();
        try (InputStream in = CompactDeviceFile.class.getResourceAsStream(CompactDeviceFile.SCHEMA)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(compact))
                    .isEmpty();
        }

        Path prog = tmp.resolve("program");
        CommandRun p = CommandRun.of("program", "--scheme", "write-verify", "--levels", "4", "--rows", "4", "--cols", "8", "--device",
                out.resolve("compact.json").toString(), "--out", prog.toString(), "--threads", "2");
        assertThat(p.status()).as(p.err()).isZero();
        JsonNode report = Json.mapper().readTree(prog.resolve("program.json").toFile());
        for (String key : new String[] {"levels_distinguishable", "rmse_percent", "pulses_mean", "pulses_max", "energy_J"}) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("pulses_max").asInt()).isGreaterThanOrEqualTo((int) report.get("pulses_mean").asDouble());
        assertThat(prog.resolve("levels.png")).isRegularFile();
    }

    @Test
    void unknownSchemeOrForeignDeviceFileIsBadInput() throws Exception {
        Path device = tmp.resolve("foreign.json");
        Files.writeString(device, "{\"format\": \"something-else\"}");
        CommandRun r = CommandRun.of("program", "--scheme", "magic", "--levels", "4", "--device", device.toString(), "--out",
                tmp.resolve("p").toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("unknown scheme").contains("write-verify-denoise");
        CommandRun f = CommandRun.of("program", "--scheme", "open-loop", "--levels", "4", "--device", device.toString(),
                "--out", tmp.resolve("p").toString());
        assertThat(f.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(f.err()).contains("foreign.json").contains("hafnia-compact-device");
        assertThat(tmp.resolve("p")).doesNotExist();
        CommandRun s = CommandRun.of("program", "--levels", "4", "--device", device.toString());
        assertThat(s.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(s.err()).contains("--scheme");
    }

    @Test
    void caseWithAMissingKeyIsBadInputAndWritesNothing() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(tinyCase()).replace("\"b0\"", "\"b_0\""));
        Path out = tmp.resolve("none");
        CommandRun r = CommandRun.of("extract", bad.toString(), "--out", out.toString());
        assertThat(r.status()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("'b0'").contains("bad.json").contains("/physics/drive");
        assertThat(out).doesNotExist();
    }
}
