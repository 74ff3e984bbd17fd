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
        CliRun r = CliRun.of("extract", tinyCase().toString(), "--out", out.toString(), "--threads", "2");
        assertThat(r.exit()).as(r.err()).isZero();
        for (String f : new String[] {"compact.json", "crosssim.json", "aihwkit.json", "aihwkit_device.py", "neurosim.txt",
            "pulse-response.png"}) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        JsonNode compact = Json.mapper().readTree(out.resolve("compact.json").toFile());
        try (InputStream in = CompactDeviceFile.class.getResourceAsStream(CompactDeviceFile.SCHEMA)) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in).validate(compact))
                    .isEmpty();
        }

        Path prog = tmp.resolve("program");
        CliRun p = CliRun.of("program", "--scheme", "write-verify", "--levels", "4", "--rows", "4", "--cols", "8", "--device",
                out.resolve("compact.json").toString(), "--out", prog.toString(), "--threads", "2");
        assertThat(p.exit()).as(p.err()).isZero();
        JsonNode report = Json.mapper().readTree(prog.resolve("program.json").toFile());
        for (String key : new String[] {"levels_distinguishable", "rmse_percent", "pulses_mean", "pulses_max", "energy_J"}) {
            assertThat(report.has(key)).as(key).isTrue();
        }
        assertThat(report.get("pulses_max").asInt()).isGreaterThanOrEqualTo((int) report.get("pulses_mean").asDouble());
        assertThat(prog.resolve("levels.png")).isRegularFile();
    }

    @Test
    void unknownSchemeIsBadInputNamingTheChoices() throws Exception {
        Path device = tmp.resolve("missing.json");
        Files.writeString(device, "{\"format\": \"something-else\"}");
        CliRun r = CliRun.of("program", "--scheme", "magic", "--levels", "4", "--device", device.toString(), "--out",
                tmp.resolve("p").toString());
        assertThat(r.exit()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("format");
        CliRun s = CliRun.of("program", "--levels", "4", "--device", device.toString());
        assertThat(s.exit()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(s.err()).contains("--scheme");
    }

    @Test
    void caseWithAMissingKeyIsBadInputAndWritesNothing() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(tinyCase()).replace("\"bias_per_volt\"", "\"bias_per_volts\""));
        Path out = tmp.resolve("none");
        CliRun r = CliRun.of("extract", bad.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(Hafnia.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("bias_per_volt").contains("bad.json");
        assertThat(out).doesNotExist();
    }
}
