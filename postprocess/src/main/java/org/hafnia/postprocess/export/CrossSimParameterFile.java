package org.hafnia.postprocess.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hafnia.postprocess.extraction.CompactExtraction;

/**
 * A complete Sandia CrossSim 3.2.0 parameter file: exactly the tree that
 * {@code CrossSimParameters().to_json()} writes (top-level {@code core}, {@code simulation},
 * {@code xbar} with {@code device}, {@code array}, {@code adc}, {@code dac}; paired sections with
 * their {@code _match} flag), every section at CrossSim's defaults, enums by member name (what
 * {@code from_json} accepts), except the device, which carries the extraction (anchors.md,
 * formats.md): Rmin = 1/Gmax, Rmax = 1/Gmin, Vread, cell_bits = ⌊log2(distinguishable levels)⌋,
 * and error blocks {@code {enable, model, magnitude}} with CrossSim's generic models, which act on
 * conductance normalised to Gmax: read noise σ ∝ G → {@code NormalProportionalDevice} with
 * magnitude σ/G (redrawn every MVM); programming error (write-verify), about constant in G →
 * {@code NormalIndependentDevice} with magnitude σ/Gmax (drawn once when the matrix is set).
 * CrossSim has no generic power-law drift model, so drift is disabled here (ν is in compact.json
 * and aihwkit.json). Key validity is proved against CrossSim's own parameter classes by
 * {@code CrossSimLoadsExportTest}, which runs CrossSim.
 */
public final class CrossSimParameterFile {

    private CrossSimParameterFile() {
    }

    public static Map<String, Object> document(CompactExtraction.Result r, ProgrammingErrorFit prog) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("core", core());
        doc.put("simulation", simulation());
        Map<String, Object> xbar = new LinkedHashMap<>();
        xbar.put("device", device(r, prog));
        xbar.put("array", array());
        xbar.put("adc", paired(converter(true)));
        xbar.put("dac", paired(converter(false)));
        doc.put("xbar", xbar);
        return doc;
    }

    private static Map<String, Object> core() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("style", "BALANCED");
        c.put("rows_max", 0);
        c.put("cols_max", 0);
        c.put("weight_bits", 0);
        c.put("complex_matrix", false);
        c.put("complex_input", false);
        c.put("output_dtype", "NATIVE");
        c.put("balanced", map("style", "ONE_SIDED", "interleaved_posneg", false, "subtract_current_in_xbar", true));
        c.put("bit_sliced", map("style", "BALANCED", "num_slices", 2));
        c.put("offset", map("style", "DIGITAL_OFFSET"));
        Map<String, Object> weights = map("clipping", true, "min", null, "max", null, "percentile", 1.0);
        weights.put("row_partition_priority", List.of());
        weights.put("col_partition_priority", List.of());
        weights.put("row_partition_strategy", "EQUAL");
        weights.put("col_partition_strategy", "EQUAL");
        c.put("mapping", map("weights", weights,
                "inputs", paired(map("clipping", false, "min", -1.0, "max", 1.0, "percentile", null))));
        return c;
    }

    private static Map<String, Object> simulation() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("convolution", map("is_conv_core", false, "x_par", 1, "y_par", 1, "Nwindows", 1));
        s.put("analytics", map("profile_xbar_inputs", false, "profile_adc_inputs", false, "ntest", 0));
        s.put("useGPU", false);
        s.put("gpu_id", 0);
        s.put("Niters_max_parasitics", 100);
        s.put("Verr_th_mvm", 1e-3);
        s.put("Verr_matmul_criterion", "max_max");
        s.put("relaxation_gamma", 1.0);
        s.put("disable_fast_balanced", false);
        s.put("disable_fast_matmul", false);
        s.put("disable_fast_nonlinear_IV", false);
        s.put("hide_convergence_msg", false);
        return s;
    }

    private static Map<String, Object> device(CompactExtraction.Result r, ProgrammingErrorFit prog) {
        Map<String, Object> d = new LinkedHashMap<>();
        double levels = r.value("levels");
        d.put("cell_bits", levels >= 2 ? (int) Math.floor(Math.log(levels) / Math.log(2)) : 0);
        d.put("Rmin", 1 / r.value("g_max"));
        d.put("Rmax", 1 / r.value("g_min"));
        d.put("Vread", r.device().readVoltage());
        d.put("time", 0.0);
        d.put("infinite_on_off_ratio", false);
        // Unclipped (CrossSim's default): the extracted errors are Gaussian spreads about the target.
        d.put("clip_conductance", false);
        d.put("read_noise", error(true, "NormalProportionalDevice", r.value("read_sigma")));
        d.put("programming_error", error(true, "NormalIndependentDevice", prog.relativeToMax()));
        d.put("drift_error", error(false, "IdealDevice", 0));
        d.put("nonlinear_IV", error(false, "IdealDevice", 0));
        return d;
    }

    private static Map<String, Object> error(boolean enable, String model, double magnitude) {
        return map("enable", enable, "model", model, "magnitude", magnitude);
    }

    private static Map<String, Object> array() {
        Map<String, Object> p = map("enable", false, "Rp_row", 0.0, "Rp_col", 0.0, "Rp_row_terminal", 0.0);
        p.put("Rp_col_terminal", 0.0);
        p.put("current_from_input", true);
        p.put("selected_rows", "top");
        return map("Icol_max", 0.0, "parasitics", p);
    }

    private static Map<String, Object> converter(boolean adc) {
        if (adc) {
            Map<String, Object> c = map("model", "IdealADC", "bits", 0, "signed", true, "stochastic_rounding", false);
            c.put("adc_per_ibit", false);
            c.put("calibrated_range", List.of());
            c.put("adc_range_option", "CALIBRATED");
            return c;
        }
        Map<String, Object> c = map("model", "IdealDAC", "bits", 0, "input_bitslicing", false, "signed", true);
        c.put("slice_size", 1);
        return c;
    }

    /** A CrossSim paired section: the same parameters for MVM and VMM, {@code _match} true. */
    private static Map<String, Object> paired(Map<String, Object> both) {
        return map("_match", true, "mvm", both, "vmm", new LinkedHashMap<>(both));
    }

    /** An ordered map of alternating keys and values (values may be null, unlike {@link Map#of}). */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
