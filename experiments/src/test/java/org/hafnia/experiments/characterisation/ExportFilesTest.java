package org.hafnia.experiments.characterisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hafnia.postprocess.export.AihwkitConfig;
import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.export.CrossSimParameterFile;
import org.hafnia.postprocess.export.NeuroSimParameters;
import org.hafnia.postprocess.export.ProgrammingErrorFit;
import org.hafnia.postprocess.extraction.CompactExtraction;
import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The exported files: compact.json against its schema, CrossSim's conductance window, aihwkit and NeuroSim names. */
class ExportFilesTest {

    static CompactExtraction.Result result;
    static ProgrammingErrorFit prog;
    static JsonSchema schema;

    @BeforeAll
    static void extract() throws Exception {
        result = SyntheticExtraction.small();
        prog = SyntheticExtraction.programmingError(result);
        try (InputStream in = CompactDeviceFile.class.getResourceAsStream(CompactDeviceFile.SCHEMA)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode parse(Object document) throws Exception {
        return Json.mapper().readTree(Json.toText(document));
    }

    @Test
    void compactJsonValidatesAgainstItsSchema() throws Exception {
        JsonNode doc = parse(CompactDeviceFile.document(result, prog, Map.of("case", "synthetic")));
        Set<ValidationMessage> errors = schema.validate(doc);
        assertThat(errors).isEmpty();
    }

    @Test
    void schemaRejectsAFileWithoutTheDeviceModelOrWithAWrongVersion() throws Exception {
        ObjectNode doc = (ObjectNode) parse(CompactDeviceFile.document(result, prog, Map.of()));
        doc.remove("device_model");
        assertThat(schema.validate(doc)).isNotEmpty();
        ObjectNode wrongVersion = (ObjectNode) parse(CompactDeviceFile.document(result, prog, Map.of()));
        wrongVersion.put("version", 2);
        assertThat(schema.validate(wrongVersion)).isNotEmpty();
    }

    @Test
    void compactJsonRoundTripsTheDeviceModel(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("compact.json");
        java.nio.file.Files.writeString(file, Json.toText(CompactDeviceFile.document(result, prog, Map.of())));
        assertThat(CompactDeviceFile.readDevice(file)).isEqualTo(result.device());
    }

    @Test
    void crossSimDeviceCarriesTheExtractedConductanceWindow() throws Exception {
        // The keys are checked against CrossSim itself in CrossSimLoadsExportTest.
        JsonNode device = parse(CrossSimParameterFile.document(result, prog)).get("xbar").get("device");
        // Rmin = 1/Gmax and Rmax = 1/Gmin (anchors.md), to double rounding.
        assertThat(device.get("Rmin").asDouble() * result.value("g_max")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(device.get("Rmax").asDouble() * result.value("g_min")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aihwkitFileUsesAihwkitNamesAndPythonBuildsEachObject() throws Exception {
        JsonNode doc = parse(AihwkitConfig.document(result, prog));
        assertThat(fieldNames(doc.get("PiecewiseStepDevice"))).contains("dw_min", "dw_min_dtod", "dw_min_std",
                "up_down", "w_max", "w_min", "w_max_dtod", "w_min_dtod", "write_noise_std", "piecewise_up",
                "piecewise_down");
        assertThat(doc.get("PiecewiseStepDevice").get("piecewise_up").size()).isBetween(2, 63);
        assertThat(fieldNames(doc.get("StateIndependentNoiseModel"))).contains("prog_coeff", "g_max",
                "drift_nu_mean", "drift_nu_std", "t_0", "read_noise_scale");
        String py = AihwkitConfig.python();
        for (String cls : List.of("PiecewiseStepDevice(", "SoftBoundsReferenceDevice(", "StateIndependentNoiseModel(",
                "SinglePairConductanceConverter(")) {
            assertThat(py).contains(cls);
        }
    }

    @Test
    void neuroSimTextAssignsEveryFieldOnce() {
        String text = NeuroSimParameters.text(result, "synthetic");
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.matches("^[A-Za-z_]+ = .*;.*") && !line.startsWith("readVoltage") && !line.startsWith("readPulseWidth")) {
                count.merge(line.substring(0, line.indexOf(' ')), 1, Integer::sum);
            }
        }
        assertThat(count.keySet()).contains("maxConductance", "minConductance", "NL_LTP", "NL_LTD", "maxNumLevelLTP",
                "maxNumLevelLTD", "sigmaCtoC", "sigmaDtoD", "sigmaReadNoise", "writeVoltageLTP", "writePulseWidthLTD");
        assertThat(count.values()).allMatch(c -> c == 1);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
