package org.hafnia.postprocess.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.postprocess.extraction.CompactExtraction;

/**
 * A complete Sandia CrossSim parameter file ({@code CrossSimParameters.to_json} layout, anchors.md
 * and formats.md): top-level {@code core}, {@code simulation}, {@code xbar}; {@code xbar} holds
 * {@code device}, {@code array}, {@code adc}, {@code dac}. Every section is written explicitly with
 * CrossSim's defaults except the device, which carries the extraction:
 * Rmin = 1/Gmax, Rmax = 1/Gmin, Vread, cell_bits = ⌊log2(distinguishable levels)⌋, and error
 * blocks {@code {enable, model, magnitude}} with CrossSim's generic models acting on conductance
 * normalised to the largest target:
 * read noise σ ∝ G → {@code NormalProportionalDevice} with magnitude σ/G;
 * programming error (write-verify) about constant in G → {@code NormalIndependentDevice} with
 * magnitude σ/Gmax. CrossSim has no generic power-law drift model, so drift is disabled here
 * (ν is in compact.json and aihwkit.json).
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
        xbar.put("adc", converters("IdealADC", false));
        xbar.put("dac", converters("IdealDAC", true));
        doc.put("xbar", xbar);
        return doc;
    }

    private static Map<String, Object> core() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("style", "BALANCED");
        c.put("rows_max", 1024);
        c.put("cols_max", 1024);
        c.put("weight_bits", 0);
        c.put("complex_matrix", false);
        c.put("complex_input", false);
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("weights", range());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("mvm", range());
        inputs.put("vmm", range());
        mapping.put("inputs", inputs);
        c.put("mapping", mapping);
        Map<String, Object> balanced = new LinkedHashMap<>();
        balanced.put("style", "ONE_SIDED");
        balanced.put("interleaved_posneg", false);
        balanced.put("subtract_current_in_xbar", true);
        c.put("balanced", balanced);
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put("style", "DIGITAL_OFFSET");
        offset.put("adc_offset_mode", "NONE");
        c.put("offset", offset);
        Map<String, Object> sliced = new LinkedHashMap<>();
        sliced.put("style", "DIGITAL");
        sliced.put("num_slices", 2);
        c.put("bit_sliced", sliced);
        return c;
    }

    private static Map<String, Object> range() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clipping", true);
        m.put("min", -1.0);
        m.put("max", 1.0);
        m.put("percentile", null);
        return m;
    }

    private static Map<String, Object> simulation() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("useGPU", false);
        s.put("gpu_id", 0);
        s.put("ignore_errors", false);
        s.put("disable_fast_balanced", false);
        s.put("disable_fast_matmul", false);
        s.put("Niters_max_parasitics", 100);
        s.put("Verr_th_mvm", 2e-3);
        s.put("Verr_th_opu", 2e-3);
        s.put("relaxation_gamma", 1.0);
        Map<String, Object> conv = new LinkedHashMap<>();
        conv.put("x_par", 1);
        conv.put("y_par", 1);
        conv.put("weight_reorder", false);
        conv.put("conv_matmul", true);
        s.put("convolution", conv);
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
        d.put("clip_conductance", true);
        d.put("read_noise", error(true, "NormalProportionalDevice", r.value("read_sigma")));
        d.put("programming_error", error(true, "NormalIndependentDevice", prog.relativeToMax()));
        d.put("drift_error", error(false, "IdealDevice", 0));
        d.put("nonlinear_IV", error(false, "IdealDevice", 0));
        return d;
    }

    private static Map<String, Object> error(boolean enable, String model, double magnitude) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("enable", enable);
        e.put("model", model);
        e.put("magnitude", magnitude);
        return e;
    }

    private static Map<String, Object> array() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Icol_max", 0.0);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("enable", false);
        p.put("Rp_row", 0.0);
        p.put("Rp_col", 0.0);
        p.put("gate_input", false);
        p.put("current_from_input", true);
        p.put("selected_rows", "top");
        p.put("Rp_row_terminal", 0.0);
        p.put("Rp_col_terminal", 0.0);
        a.put("parasitics", p);
        return a;
    }

    private static Map<String, Object> converters(String model, boolean dac) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String dir : new String[] {"mvm", "vmm"}) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("model", model);
            c.put("bits", 0);
            if (dac) {
                c.put("input_bitslicing", false);
                c.put("sign_bit", true);
                c.put("slice_size", 1);
            } else {
                c.put("stochastic_rounding", false);
                c.put("adc_per_ibit", false);
                c.put("calibrated_range", new double[] {-1.0, 1.0});
                c.put("adc_range_option", "CALIBRATED");
                c.put("signed", true);
            }
            m.put(dir, c);
        }
        return m;
    }
}
