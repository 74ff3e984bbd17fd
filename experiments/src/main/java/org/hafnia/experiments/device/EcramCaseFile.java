package org.hafnia.experiments.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hafnia.experiments.cases.CaseNode;
import org.hafnia.experiments.cases.CaseSchema;
import org.hafnia.experiments.cases.Dimension;
import org.hafnia.physics.compact.EcramDevice;
import org.hafnia.physics.compact.EcramParameters;

/**
 * A device case whose device is the compact {@link EcramDevice} rather than the physical film
 * ({@code "device": {"model": "ecram", …}}), for devices whose physics the film model does not
 * describe. Keys, every quantity with its unit:
 * <pre>
 * name, description, seed, sources {key: text}      (sources: free text, one per parameter)
 * device: model "ecram",
 *         conductance {min, max, bounds_dtod}, pulses_full, step {ctoc, dtod},
 *         pulse {amplitude, threshold, width}, read {voltage, width, noise},
 *         gate {channel_length, mobility, capacitance}          (the write energy, EcramDevice)
 *         characterised_amplitudes [...], characterised_widths [...] (optional, default [pulse.width])
 * </pre>
 * A case that passes these checks is also validated against the ECRAM kind of {@link CaseSchema}.
 *
 * @param name                    case name
 * @param description             free text
 * @param parameters              the ECRAM parameters
 * @param characterisedAmplitudes the |V| at which the device was characterised (V)
 * @param characterisedWidths     the pulse widths at which it was characterised (s)
 * @param seed                    seed of the array's device variation
 */
public record EcramCaseFile(String name, String description, EcramParameters parameters,
                            double[] characterisedAmplitudes, double[] characterisedWidths, long seed) {

    /** The model name that selects this case format. */
    public static final String MODEL = "ecram";

    /** Whether the case text selects a compact ECRAM ({@code device.model = "ecram"}). */
    public static boolean selects(String text, String source) {
        CaseNode root = CaseNode.parse(text, source);
        CaseNode device = root.optionalObject("device");
        return device != null && device.has("model") && MODEL.equals(device.string("model"));
    }

    /** A shipped case by file name ({@code /cases/NAME} on the class path). */
    public static EcramCaseFile resource(String name) {
        try (InputStream in = EcramCaseFile.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("shipped case " + name + " missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, name.replaceFirst("\\.json$", ""));
        } catch (IOException e) {
            throw new IllegalStateException("shipped case " + name + " unreadable", e);
        }
    }

    /** Parses an ECRAM case; every error names the source, line and key. */
    public static EcramCaseFile parse(String text, String source, String stem) {
        CaseNode root = CaseNode.parse(text, source);
        String name = root.string("name", stem);
        String description = root.string("description", "");
        long seed = root.integer("seed", 0, 0, Long.MAX_VALUE);
        root.optionalObject("sources");
        CaseNode d = root.object("device");
        root.finish();
        d.choice("model", null, MODEL);
        CaseNode g = d.object("conductance");
        double gMin = g.quantity("min", Dimension.CONDUCTANCE, 0, 1);
        double gMax = g.quantity("max", Dimension.CONDUCTANCE, Double.MIN_VALUE, 1);
        if (!(gMax > gMin)) {
            throw g.value("max").error("must exceed min");
        }
        double bounds = g.number("bounds_dtod", 0, 1);
        g.finish();
        double pulses = d.number("pulses_full", 1, 1e9);
        CaseNode step = d.object("step");
        double ctoc = step.number("ctoc", 0, 10);
        double dtod = step.number("dtod", 0, 10);
        step.finish();
        CaseNode pulse = d.object("pulse");
        double v = pulse.quantity("amplitude", Dimension.VOLTAGE, Double.MIN_VALUE, 100);
        double vth = pulse.quantity("threshold", Dimension.VOLTAGE, 0, 100);
        if (!(v > vth)) {
            throw pulse.value("amplitude").error("must exceed the threshold " + vth + " V");
        }
        double width = pulse.quantity("width", Dimension.TIME, Double.MIN_VALUE, 100);
        pulse.finish();
        CaseNode read = d.object("read");
        double rv = read.quantity("voltage", Dimension.VOLTAGE, -10, 10);
        double rw = read.quantity("width", Dimension.TIME, Double.MIN_VALUE, 1);
        double noise = read.number("noise", 0, 1);
        read.finish();
        CaseNode gate = d.object("gate");
        EcramParameters.Gate gateStack = new EcramParameters.Gate(
                gate.quantity("channel_length", Dimension.LENGTH, Double.MIN_VALUE, 1),
                gate.quantity("mobility", Dimension.MOBILITY, Double.MIN_VALUE, 1),
                gate.quantity("capacitance", Dimension.CAPACITANCE, 0, 1));
        gate.finish();
        List<CaseNode> amps = d.array("characterised_amplitudes");
        if (amps.isEmpty()) {
            throw d.value("characterised_amplitudes").error("needs at least one amplitude");
        }
        double[] characterised = new double[amps.size()];
        for (int i = 0; i < characterised.length; i++) {
            characterised[i] = amps.get(i).quantity(Dimension.VOLTAGE, Double.MIN_VALUE, 100);
        }
        double[] widths = {width};
        if (d.has("characterised_widths")) {
            List<CaseNode> w = d.array("characterised_widths");
            if (w.isEmpty()) {
                throw d.value("characterised_widths").error("needs at least one width");
            }
            widths = new double[w.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = w.get(i).quantity(Dimension.TIME, Double.MIN_VALUE, 100);
            }
        }
        d.finish();
        CaseSchema.check(text.getBytes(StandardCharsets.UTF_8), source, CaseSchema.Kind.ECRAM);
        return new EcramCaseFile(name, description,
                new EcramParameters(gMin, gMax, bounds, pulses, ctoc, dtod, noise, v, vth, width, rv, rw, gateStack),
                characterised, widths, seed);
    }

    /** {smallest, largest} characterised |V| (V). */
    public double[] characterisedRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double a : characterisedAmplitudes) {
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        return new double[] {lo, hi};
    }
}
