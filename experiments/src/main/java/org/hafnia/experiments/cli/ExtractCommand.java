package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.characterisation.DeviceExtraction;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.postprocess.export.AihwkitConfig;
import org.hafnia.postprocess.export.CrossSimParameterFile;
import org.hafnia.postprocess.export.NeuroSimParameters;
import org.hafnia.postprocess.extraction.Measured;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.plots.LineFigure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia extract}: characterise a device case and export compact parameters. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        header = "Extract compact device parameters for aihwkit, CrossSim and NeuroSim.",
        description = {"Characterise an ensemble of phase-field devices of a case (d2d: seeded channel maps; c2c: repeated",
            "potentiation/depression trains, read traces, denoising trains, retention, amplitude sweep) and extract",
            "compact parameters. Writes compact.json, crosssim.json, aihwkit.json, aihwkit_device.py, neurosim.txt,",
            "pulse-response.png."})
public final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", description = "Device case JSON (default: the shipped experiments/cases/hfo2-device.json).")
    Path casePath;

    @Option(names = "--out", defaultValue = "out/extract", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        DeviceCaseFile c = casePath == null ? DeviceCaseFile.defaultCase() : DeviceCaseFile.read(casePath);
        int n = threads.resolve();
        var trace = DeviceExtraction.traceRequirement(c);
        if (trace != null && !trace.met()) {
            spec.commandLine().getErr().println("extract: warning: " + c.name() + ": " + trace.shortfall());
        }
        DeviceExtraction x;
        try (Progress bar = new Progress("characterise", c.devices())) {
            x = DeviceExtraction.run(c, n, i -> bar.step());
        }
        try (StagedOutput staged = StagedOutput.in(out)) {
            staged.write("compact.json", Json.content(x.compactDocument(c)));
            staged.write("crosssim.json", Json.content(CrossSimParameterFile.document(x.result(), x.prog())));
            staged.write("aihwkit.json", Json.content(AihwkitConfig.document(x.result(), x.prog())));
            staged.writeString("aihwkit_device.py", AihwkitConfig.python());
            staged.writeString("neurosim.txt", NeuroSimParameters.text(x.result(), c.name()));
            writeFigure(staged.file("pulse-response.png"), x);
            staged.commit();
        }
        log.printf(Locale.ROOT, "extract: case %s, %d devices × %d cycles × %d pulses, %d thread(s), %.1f s%n",
                c.name(), c.devices(), c.protocol().cycles(), c.protocol().trainPulses(), n, x.seconds());
        for (Map.Entry<String, Measured> e : x.result().values().entrySet()) {
            Measured m = e.getValue();
            log.printf(Locale.ROOT, "  %-26s %12.5g ± %-10.3g %s%s%n", e.getKey(), m.value(), m.uncertainty(), m.unit(),
                    e.getKey().startsWith("levels") ? "  (read-noise upper bound, not programmed levels)" : "");
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    /**
     * {@code pulse-response.png}: the conductance read after each pulse of a SET train followed by
     * a RESET train, mean over every device and cycle, in µS, with a band of ± one standard
     * deviation over them (device-to-device and cycle-to-cycle spread), the pulses in the title.
     */
    private static void writeFigure(Path file, DeviceExtraction x) {
        var protocol = x.data().protocol();
        List<double[]> set = new ArrayList<>();
        List<double[]> reset = new ArrayList<>();
        for (var d : x.data().devices()) {
            set.addAll(List.of(d.potentiation()));
            reset.addAll(List.of(d.depression()));
        }
        int n = set.get(0).length;
        LineFigure fig = new LineFigure(String.format(Locale.ROOT,
                "SET %+.2f V / RESET %+.2f V, %s pulses, read at %.2f V after each; %d devices × %d cycles",
                protocol.vSet(), protocol.vReset(), duration(protocol.pulseWidth()), protocol.readVoltage(),
                x.data().devices().size(), x.data().devices().get(0).potentiation().length).replace('-', '−'),
                "pulse", "G (µS)").integerX().markers(true);
        int series = 0;
        for (List<double[]> trains : List.of(set, reset)) {
            boolean up = trains == set;
            double[] p = new double[n];
            double[] mean = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int k = 0; k < n; k++) {
                p[k] = up ? k : n - 1 + k;
                double s1 = 0;
                double s2 = 0;
                for (double[] t : trains) {
                    s1 += t[k] * 1e6;
                    s2 += t[k] * 1e6 * t[k] * 1e6;
                }
                mean[k] = s1 / trains.size();
                double sd = Math.sqrt(Math.max(0, s2 / trains.size() - mean[k] * mean[k]));
                lo[k] = mean[k] - sd;
                hi[k] = mean[k] + sd;
            }
            fig.series(up ? "SET train, mean" : "RESET train, mean", p, mean);
            fig.band(up ? "SET ± 1σ over devices and cycles" : "RESET ± 1σ over devices and cycles", p, lo, hi, series++);
        }
        fig.writePng(file, 1100, 600);
    }

    /** A pulse width in ns, µs or ms as fits, e.g. "1 µs". */
    static String duration(double seconds) {
        if (seconds < 1e-6) {
            return String.format(Locale.ROOT, "%.3g ns", seconds * 1e9);
        }
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
        }
        return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
    }
}
