package org.hafnia.postprocess.export;

import java.util.Locale;

import org.hafnia.postprocess.extraction.CompactExtraction;
import org.hafnia.postprocess.extraction.NeuroSimNonlinearity;

/**
 * {@code neurosim.txt}: C++ field assignments for NeuroSim's {@code Param.cpp} and the
 * {@code RealDevice} constructor of {@code Cell.cpp}, SI units, each with its uncertainty as a
 * comment. NL labels follow {@link NeuroSimNonlinearity}; the normalised A is written beside them.
 */
public final class NeuroSimParameters {

    private NeuroSimParameters() {
    }

    public static String text(CompactExtraction.Result r, String source) {
        StringBuilder b = new StringBuilder();
        b.append("// NeuroSim device parameters extracted by Hafnia from ").append(source).append('\n');
        b.append("// Paste into Cell.cpp (RealDevice::RealDevice) and Param.cpp. Units: S, V, s.\n");
        b.append("// NL convention: NL = maxNumLevel/A (A of G(P) = B(1 - exp(-P/A)) + Gmin), LTD negative;\n");
        b.append("// NeuroSim maps NL to A with getParamA(); if its table differs use paramA below directly.\n\n");
        b.append("// ---- Cell.cpp, RealDevice ----\n");
        line(b, "maxConductance", r.value("g_max"), r.values().get("g_max").uncertainty(), "S");
        line(b, "minConductance", r.value("g_min"), r.values().get("g_min").uncertainty(), "S");
        line(b, "avgMaxConductance", r.value("g_max"), Double.NaN, "S");
        line(b, "avgMinConductance", r.value("g_min"), Double.NaN, "S");
        line(b, "maxConductanceVar", r.value("g_max_dtod") * r.value("g_max"), Double.NaN, "S, device-to-device σ");
        line(b, "minConductanceVar", r.value("g_min_dtod") * r.value("g_min"), Double.NaN, "S, device-to-device σ");
        line(b, "readVoltage", r.device().readVoltage(), Double.NaN, "V");
        line(b, "readPulseWidth", r.device().readWidth(), Double.NaN, "s");
        line(b, "writeVoltageLTP", r.device().vSet(), Double.NaN, "V");
        line(b, "writeVoltageLTD", Math.abs(r.device().vReset()), Double.NaN, "V");
        line(b, "writePulseWidthLTP", r.device().pulseWidth(), Double.NaN, "s");
        line(b, "writePulseWidthLTD", r.device().pulseWidth(), Double.NaN, "s");
        b.append(String.format(Locale.ROOT, "maxNumLevelLTP = %d;\t// pulses to 95 %% of the range, %.2f ± %.2f%n",
                Math.round(r.value("pulses_ltp")), r.value("pulses_ltp"), r.values().get("pulses_ltp").uncertainty()));
        b.append(String.format(Locale.ROOT, "maxNumLevelLTD = %d;\t// pulses to 95 %% of the range, %.2f ± %.2f%n",
                Math.round(r.value("pulses_ltd")), r.value("pulses_ltd"), r.values().get("pulses_ltd").uncertainty()));
        b.append("nonlinearWrite = true;\n");
        b.append("nonIdenticalPulse = false;\n");
        line(b, "NL_LTP", r.value("nl_ltp"), r.values().get("nl_ltp").uncertainty(),
                String.format(Locale.ROOT, "paramA/maxNumLevel = %.4g", NeuroSimNonlinearity.normalisedA(r.value("nl_ltp"))));
        line(b, "NL_LTD", r.value("nl_ltd"), r.values().get("nl_ltd").uncertainty(),
                String.format(Locale.ROOT, "paramA/maxNumLevel = %.4g", NeuroSimNonlinearity.normalisedA(r.value("nl_ltd"))));
        double range = r.value("g_max") - r.value("g_min");
        double meanStep = 0.5 * r.value("dw_min") * range;
        line(b, "sigmaDtoD", r.value("step_dtod"), r.values().get("step_dtod").uncertainty(), "relative step spread");
        line(b, "sigmaCtoC", r.value("step_ctoc") * meanStep, Double.NaN,
                "S: c2c relative spread × mean step at mid range");
        b.append("readNoise = true;\n");
        line(b, "sigmaReadNoise", r.value("read_sigma"), r.values().get("read_sigma").uncertainty(),
                "relative σ/G of one read, RTN included");
        b.append("\n// ---- Param.cpp ----\n");
        b.append(String.format(Locale.ROOT, "numLevel = %d;\t// read-noise bound of the levels (±3σ of reads, programming not included), %d after denoising%n",
                Math.round(r.value("levels")), Math.round(r.value("levels_denoised"))));
        line(b, "readVoltage", r.device().readVoltage(), Double.NaN, "V");
        line(b, "readPulseWidth", r.device().readWidth(), Double.NaN, "s");
        return b.toString();
    }

    private static void line(StringBuilder b, String name, double v, double u, String note) {
        b.append(String.format(Locale.ROOT, "%s = %.6g;\t// %s%s%n", name, v, note,
                Double.isFinite(u) ? String.format(Locale.ROOT, ", ± %.3g", u) : ""));
    }
}
