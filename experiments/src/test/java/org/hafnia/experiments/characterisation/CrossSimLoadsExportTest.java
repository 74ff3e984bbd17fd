package org.hafnia.experiments.characterisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hafnia.postprocess.export.CrossSimParameterFile;
import org.hafnia.postprocess.extraction.CompactExtraction;
import org.hafnia.postprocess.io.Json;
import org.hafnia.testing.RealClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code crosssim.json} in the real CrossSim 3.2.0 of {@code ../shared/clients/crosssim}
 * (shared/clients/README.md): {@code CrossSimParameters.from_json} accepts it, its keys are exactly
 * those of CrossSim's own parameter classes, and an {@code AnalogCore} matrix–vector product with it
 * has the error that the exported device errors predict.
 */
class CrossSimLoadsExportTest {

    @TempDir
    Path dir;

    @Test
    void crossSimLoadsTheFileAndItsMatrixVectorErrorIsTheExportedDeviceErrors() throws Exception {
        Path crosssim = RealClient.sharedClients().resolve("crosssim");
        Map<String, String> env = Map.of("PYTHONPATH", crosssim.toString());
        RealClient.require(Files.isDirectory(crosssim.resolve("simulator")), "CrossSim",
                "../shared/clients/crosssim, see shared/clients/README.md");
        RealClient.requirePython(env, "numpy and scipy for python3", "numpy", "scipy", "simulator");

        CompactExtraction.Result r = SyntheticExtraction.small();
        Path file = dir.resolve("crosssim.json");
        Files.writeString(file, Json.toText(CrossSimParameterFile.document(r, SyntheticExtraction.programmingError(r))));
        Path script = Path.of(getClass().getResource("crosssim_check.py").toURI());
        Path out = dir.resolve("result.json");
        RealClient.Run run = RealClient.run(List.of("python3", script.toString(), file.toString(), out.toString()),
                env, dir, 300);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode res = Json.mapper().readTree(out.toFile());

        // Keys: from_json fills any missing key with its default and rejects an unknown one, so a
        // round trip that gives back exactly the file's keys, which are those of a default
        // CrossSimParameters, proves the file complete and valid against CrossSim's classes.
        assertThat(strings(res.get("file_keys"))).isEqualTo(strings(res.get("roundtrip_keys")))
                .isEqualTo(strings(res.get("default_keys")));

        // The error is the device's: without device errors the product is exact to float32
        // (CrossSim computes in single precision: ≈ 1e-7 relative, 1e-5 allows the 256-term sums).
        assertThat(res.get("ideal_error_rel").asDouble()).isLessThan(1e-5);
        // With them, the measured relative error of ‖W x‖ matches the prediction from the exported
        // magnitudes: 256 outputs × 8 products make the measured norm's relative standard error
        // ≈ 1/√(2·256) = 4.4 %; 15 % allows 3σ and the neglected dead zone of CrossSim's mapping
        // (|w| < 2^-(bits+1) stays at Gmin).
        double predicted = res.get("predicted_error_rel").asDouble();
        assertThat(predicted).as("magnitudes %s", res.get("magnitudes")).isGreaterThan(1e-4);
        assertThat(res.get("error_rel").asDouble()).as("%s", res).isCloseTo(predicted, within(0.15 * predicted));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
