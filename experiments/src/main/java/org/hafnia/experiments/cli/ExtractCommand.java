package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
        DeviceExtraction x;
        try (Progress bar = new Progress("characterise", c.devices())) {
            x = DeviceExtraction.run(c, n, i -> bar.step());
        }
        try (StagedOutput staged = StagedOutput.in(out)) {
            staged.write("compact.json", Json.content(x.compactDocument(c.name())));
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
            log.printf(Locale.ROOT, "  %-26s %12.5g ± %-10.3g %s%n", e.getKey(), m.value(), m.uncertainty(), m.unit());
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    private static void writeFigure(Path file, DeviceExtraction x) {
        double[] ltp = x.result().ltpCurve();
        double[] p = new double[ltp.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = k;
        }
        new LineFigure("Mean normalised pulse response (" + x.result().devices() + " devices)", "pulse", "w")
                .series("potentiation", p, ltp)
                .series("depression (1 − w)", p, x.result().ltdCurve())
                .markers(true)
                .writePng(file, 900, 600);
    }
}
