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
 * relative, conductances in µS.
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
        double[] pu = new double[r.stepUp().length];
        double[] pd = new double[r.stepDown().length];
        for (int j = 0; j < pu.length; j++) {
            // Node values scale dw_min·(1 ± up_down) (aihwkit's up/down step sizes at that w).
            pu[j] = Math.max(0, 2 * r.stepUp()[j] / (dwMin * up));
            pd[j] = Math.max(0, 2 * r.stepDown()[j] / (dwMin * down));
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
        return doc;
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
