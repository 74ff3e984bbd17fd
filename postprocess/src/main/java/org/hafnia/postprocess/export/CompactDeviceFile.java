package org.hafnia.postprocess.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.extraction.CompactExtraction;
import org.hafnia.postprocess.extraction.Measured;
import org.hafnia.postprocess.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code compact.json}: format {@value #FORMAT}, version {@value #VERSION}. Holds every extracted
 * value with unit and uncertainty ({@code parameters}), the step table, read noise against G,
 * the programming error, and the {@code device_model} block from which
 * {@link #readDevice(Path)} rebuilds {@link CompactDeviceParameters}. Validated by the schema
 * resource {@value #SCHEMA}.
 */
public final class CompactDeviceFile {

    public static final String FORMAT = "hafnia-compact-device";
    public static final int VERSION = 1;
    /** Class-path location of the JSON Schema (draft 2020-12). */
    public static final String SCHEMA = "/org/hafnia/postprocess/export/compact.schema.json";

    /** The {@code device_model} keys, in {@link CompactDeviceParameters} component order. */
    static final String[] MODEL_KEYS = {"g_min_S", "g_max_S", "bounds_dtod", "pulses_ltp", "pulses_ltd", "a_ltp",
        "a_ltd", "step_ctoc", "step_dtod", "write_noise_S", "read_noise", "rtn_amplitude", "tau0_s", "tau1_s",
        "incomplete_after_denoise", "denoise_pulses", "denoise_shift", "drift_nu", "drift_nu_dtod", "drift_t0_s",
        "v_set_V", "v_reset_V", "v_threshold_V", "pulse_width_s", "read_voltage_V", "read_width_s"};

    private CompactDeviceFile() {
    }

    /** The document written to {@code compact.json}. */
    public static Map<String, Object> document(CompactExtraction.Result r, ProgrammingErrorFit prog,
                                               Map<String, Object> source) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("version", VERSION);
        doc.put("source", source);
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Measured> e : r.values().entrySet()) {
            Measured m = e.getValue();
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", finite(m.value()));
            v.put("uncertainty", finite(m.uncertainty()));
            v.put("unit", m.unit());
            v.put("method", m.method());
            params.put(e.getKey(), v);
        }
        doc.put("parameters", params);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("w", r.stepNodes());
        table.put("step_up", r.stepUp());
        table.put("step_down", r.stepDown());
        table.put("unit", "fraction of Gmax - Gmin per pulse");
        doc.put("step_table", table);
        List<Map<String, Object>> noise = new ArrayList<>();
        for (double[] row : r.readNoise()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("g_S", row[0]);
            m.put("sigma_S", row[1]);
            m.put("rtn_step_S", row[2]);
            m.put("white_sigma_S", row[3]);
            noise.add(m);
        }
        doc.put("read_noise_vs_g", noise);
        Map<String, Object> pe = new LinkedHashMap<>();
        pe.put("scheme", "write-verify");
        pe.put("prog_coeff_uS", new double[] {prog.c0(), prog.c1(), prog.c2()});
        pe.put("g_max_S", prog.gMax());
        pe.put("sigma_relative_to_g_max", prog.relativeToMax());
        doc.put("programming_error", pe);
        doc.put("device_model", model(r.device()));
        return doc;
    }

    private static Object finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    static Map<String, Object> model(CompactDeviceParameters p) {
        double[] v = {p.gMin(), p.gMax(), p.boundsDtoD(), p.pulsesLtp(), p.pulsesLtd(), p.aLtp(), p.aLtd(),
            p.stepCtoC(), p.stepDtoD(), p.writeNoise(), p.readNoise(), p.rtnAmplitude(), p.tau0(), p.tau1(),
            p.incompleteAfterDenoise(), p.denoisePulses(), p.denoiseShift(), p.driftNu(), p.driftNuDtoD(),
            p.driftT0(), p.vSet(), p.vReset(), p.vThreshold(), p.pulseWidth(), p.readVoltage(), p.readWidth()};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            m.put(MODEL_KEYS[i], v[i]);
        }
        return m;
    }

    /** Rebuilds the compact device from a {@code compact.json}; bad files name the key. */
    public static CompactDeviceParameters readDevice(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read compact device file: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != VERSION) {
            throw new InvalidInputException(file + ": expected \"format\": \"" + FORMAT + "\", \"version\": " + VERSION);
        }
        JsonNode m = root.path("device_model");
        double[] v = new double[MODEL_KEYS.length];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = m.get(MODEL_KEYS[i]);
            if (n == null || !n.isNumber()) {
                throw new InvalidInputException(file + ": key \"device_model\" → \"" + MODEL_KEYS[i] + "\": expected a number");
            }
            v[i] = n.asDouble();
        }
        try {
            return new CompactDeviceParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                    v[11], v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24],
                    v[25]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": \"device_model\": " + e.getMessage());
        }
    }
}
