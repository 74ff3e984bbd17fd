package org.hafnia.postprocess.export;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.postprocess.extraction.CompactExtraction;

/**
 * IBM aihwkit adapters: {@code aihwkit.json} with the fields of {@code PiecewiseStepDevice},
 * {@code SoftBoundsReferenceDevice}, {@code StateIndependentNoiseModel} and
 * {@code SinglePairConductanceConverter} under aihwkit's own names, and {@code aihwkit_device.py}
 * that builds those objects from it. aihwkit's weight range is [w_min, w_max] = [−1, 1] ↔ [Gmin, Gmax]
 * (w_aihwkit = 2w − 1), so steps and noise in weight units are twice their fraction of the
 * range; {@code dw_min_std} and {@code write_noise_std} are in units of dw_min, the d2d spreads
 * relative, conductances in µS. {@code piecewise_up}/{@code piecewise_down} are fitted to the
 * extracted mean trains ({@link PiecewiseStepTable}) so that aihwkit's interpolating rule follows
 * them; {@code hafnia_response} records the pulses to 95 % and 10 % of the extracted trains and of
 * the rule with the table, and what the device's fields cannot express.
 */
public final class AihwkitConfig {

    private AihwkitConfig() {
    }

    public static Map<String, Object> document(CompactExtraction.Result r, ProgrammingErrorFit prog) {
        double range = r.value("g_max") - r.value("g_min");
        double dwMin = r.value("dw_min");
        Map<String, Object> pulsed = new LinkedHashMap<>();
        pulsed.put("dw_min", dwMin);
        pulsed.put("dw_min_dtod", r.value("step_dtod"));
        pulsed.put("dw_min_std", r.value("step_ctoc"));
        pulsed.put("up_down", r.value("up_down"));
        pulsed.put("w_max", 1.0);
        pulsed.put("w_min", -1.0);
        pulsed.put("w_max_dtod", r.value("g_max_dtod"));
        pulsed.put("w_min_dtod", r.value("g_min_dtod"));
        pulsed.put("write_noise_std", 2 * r.value("write_noise") / range / dwMin);

        Map<String, Object> piecewise = new LinkedHashMap<>(pulsed);
        double up = 1 + r.value("up_down");
        double down = 1 - r.value("up_down");
        int n = r.stepUp().length;
        // Steps (fraction of the range) fitted to the mean trains: SET in u, RESET in progress 1 − u.
        double[] setSteps = PiecewiseStepTable.fit(r.ltpCurve(), n);
        double[] resetSteps = PiecewiseStepTable.fit(r.ltdCurve(), n);
        double[] pu = new double[n];
        double[] pd = new double[n];
        for (int j = 0; j < n; j++) {
            // aihwkit's step at node j is dw_min·(1 ± up_down)·v_j in weight units (range 2).
            pu[j] = 2 * setSteps[j] / (dwMin * up);
            pd[j] = 2 * resetSteps[n - 1 - j] / (dwMin * down);
        }
        piecewise.put("piecewise_up", pu);
        piecewise.put("piecewise_down", pd);

        Map<String, Object> softBounds = new LinkedHashMap<>(pulsed);
        softBounds.put("reference_mean", 0.0);
        softBounds.put("reference_std", 0.0);
        softBounds.put("subtract_symmetry_point", false);

        Map<String, Object> converter = new LinkedHashMap<>();
        converter.put("g_max", r.value("g_max") * 1e6);
        converter.put("g_min", r.value("g_min") * 1e6);

        Map<String, Object> noise = new LinkedHashMap<>();
        noise.put("prog_coeff", new double[] {prog.c0(), prog.c1(), prog.c2()});
        noise.put("g_max", r.value("g_max") * 1e6);
        noise.put("prog_noise_scale", 1.0);
        noise.put("read_noise_scale", 1.0);
        noise.put("drift_nu_mean", r.value("drift_nu"));
        noise.put("drift_nu_std", r.value("drift_nu_dtod"));
        noise.put("t_0", r.device().driftT0());
        noise.put("t_read", r.device().readWidth());

        Map<String, Object> forward = new LinkedHashMap<>();
        forward.put("w_noise", 2 * r.value("read_sigma") * 0.5 * (r.value("g_max") + r.value("g_min")) / range);
        forward.put("w_noise_type", "ADDITIVE_CONSTANT");

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("PiecewiseStepDevice", piecewise);
        doc.put("SoftBoundsReferenceDevice", softBounds);
        doc.put("SinglePairConductanceConverter", converter);
        doc.put("StateIndependentNoiseModel", noise);
        doc.put("IOParameters", forward);
        doc.put("hafnia_response", response(r, setSteps, resetSteps));
        return doc;
    }

    /**
     * What the table reproduces and what no field can express: the pulses to 95 % and to 10 % of
     * the range (onset) of the extracted mean trains and of the noise-free rule with the table.
     */
    private static Map<String, Object> response(CompactExtraction.Result r, double[] set, double[] reset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", "PiecewiseStepDevice without noise, from the mean train's start; pulses are fractional crossings");
        for (String train : new String[] {"ltp", "ltd"}) {
            double[] c = PiecewiseStepTable.monotone(train.equals("ltp") ? r.ltpCurve() : r.ltdCurve());
            double[] steps = train.equals("ltp") ? set : reset;
            m.put("pulses_" + train + "_95_extracted", r.value("pulses_" + train));
            for (double level : new double[] {0.95, 0.10}) {
                String key = "pulses_" + train + "_" + Math.round(100 * level);
                m.put(key + "_mean_train", PiecewiseStepTable.crossing(c, level));
                m.put(key + "_table", PiecewiseStepTable.simulatedCrossing(steps, c[0], level, c.length - 1));
            }
        }
        m.put("not_expressible", java.util.List.of(
                "the spread of the onset and of the pulse count between trains and devices: the rule gives every device"
                        + " the same shape, dw_min_dtod scales it and dw_min_std adds per-pulse scatter",
                "extracted pulses_ltp/ltd are means of each train's first crossing of 95 %, noise included; the table"
                        + " follows the mean train, whose crossing can differ from that mean",
                "a state that does not move at w_min: node 0 is the mean first step, so the rule always leaves w_min"));
        return m;
    }

    /** {@code aihwkit_device.py}: builds the aihwkit objects from the aihwkit.json beside it. */
    public static String python() {
        return """
                \"\"\"Build aihwkit objects from the Hafnia extraction in aihwkit.json (next to this file).

                Usage:  from aihwkit_device import piecewise_device, soft_bounds_device, noise_model, rpu_config
                \"\"\"
                import json
                import pathlib

                from aihwkit.simulator.configs import (
                    PiecewiseStepDevice, SoftBoundsReferenceDevice, SingleRPUConfig)
                from aihwkit.simulator.parameters import IOParameters, WeightNoiseType
                from aihwkit.inference.noise.custom import StateIndependentNoiseModel
                from aihwkit.inference.converter.conductance import SinglePairConductanceConverter

                PARAMS = json.loads((pathlib.Path(__file__).parent / "aihwkit.json").read_text())


                def piecewise_device():
                    return PiecewiseStepDevice(**PARAMS["PiecewiseStepDevice"])


                def soft_bounds_device():
                    return SoftBoundsReferenceDevice(**PARAMS["SoftBoundsReferenceDevice"])


                def noise_model():
                    p = dict(PARAMS["StateIndependentNoiseModel"])
                    converter = SinglePairConductanceConverter(**PARAMS["SinglePairConductanceConverter"])
                    return StateIndependentNoiseModel(g_converter=converter, **p)


                def rpu_config(device=None):
                    forward = IOParameters(w_noise=PARAMS["IOParameters"]["w_noise"],
                                           w_noise_type=WeightNoiseType.ADDITIVE_CONSTANT)
                    return SingleRPUConfig(device=device or piecewise_device(), forward=forward)


                if __name__ == "__main__":
                    print(piecewise_device())
                    print(soft_bounds_device())
                    print(noise_model())
                """;
    }
}
