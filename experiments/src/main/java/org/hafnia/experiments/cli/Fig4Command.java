package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.experiments.fig4.Fig4Experiment;
import org.hafnia.experiments.fig4.Fig4Parameters;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.MemoryBudget;
import org.hafnia.meshes.Resampling;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.postprocess.compare.ContourBandComparison;
import org.hafnia.postprocess.compare.DisplayScale;
import org.hafnia.postprocess.io.Hdf5Writer;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.MatrixText;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.maps.PhaseFieldMaps;
import org.hafnia.postprocess.plots.BandedScale;
import org.hafnia.postprocess.plots.ColourMap;
import org.hafnia.postprocess.plots.HeatmapFigure;
import org.hafnia.reference.RawCafmMap;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.integrators.StepControl;
import org.hafnia.solver.protocol.ProtocolListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hafnia fig4}: regenerates the published phase-field denoising panels (Fig. 4). */
@Command(name = "fig4", mixinStandardHelpOptions = true,
        header = "Regenerate the phase-field denoising of Rao et al. 2023 (Fig. 4).",
        description = {"Regenerate the phase-field denoising panels of Rao et al. 2023 (Fig. 4).",
            "Published protocol (Nature 615, 823): 60 relaxation steps, then twice 10 pulse steps at b = 30",
            "and 10 steps at b = 0.",
            "Writes fig4.h5, initial/relaxed/pulse1/pulse2.csv, fig4.png and fig4-report.json."})
public final class Fig4Command implements Callable<Integer> {

    /** Contour levels of the published panels: 50 levels on [0, 1], i.e. 49 colour bands. */
    static final int LEVELS = 50;

    /** Sub-cells per node edge in fig4.png, where the panels are drawn from the bilinear interpolant. */
    private static final int FIGURE_REFINEMENT = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "out/fig4", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--reference", description = "Reference data folder (default: $HAFNIA_REFERENCE, then ../shared/reference beside the project).")
    Path reference;

    @Option(names = "--initial", description = "Initial map φ0 with values in [0, 1] instead of the published one: a CSV/TSV matrix (line 1 = row 0 = y = 0) or any map format of hafnia convert (.txt .json .h5 .gsf .gwy).")
    Path initial;

    @Option(names = "--raw-map", description = "The authors' raw C-AFM map (JSON 2-D array, ~580 × 510); normalised and down-sampled by 10 as published.")
    Path rawMap;

    @Option(names = "--energy", defaultValue = "published", description = "Free energy: published (nearest-node forward slope of the DFT table) or spline (default: ${DEFAULT-VALUE}).")
    String energy;

    @Option(names = "--bias", defaultValue = "30", description = "Pulse bias b (default: ${DEFAULT-VALUE}).")
    double bias;

    @Option(names = "--dt", defaultValue = "0.0005", description = "Time step Δt (default: ${DEFAULT-VALUE}); refused beyond the explicit stability limit.")
    @Range(min = Double.MIN_VALUE)
    double dt;

    @Option(names = "--substep", description = "Split a Δt beyond the explicit stability limit into stable sub-steps instead of refusing it.")
    boolean substep;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        ReferenceData data = ReferenceData.locate(reference);
        EnergyProfile profile = Fig4Experiment.profileOf(data.fig4EnergyTable());
        ScalarField2D phi0 = initialState(data);
        // Four panels, the stepper's two states, and per panel of fig4.png its field refined
        // FIGURE_REFINEMENT times per axis, with its display copy.
        MemoryBudget.requireDoubles(phi0.grid().nx(), phi0.grid().ny(), 1, 6 + 2 * FIGURE_REFINEMENT * FIGURE_REFINEMENT,
                "the " + phi0.grid().nx() + " × " + phi0.grid().ny() + " initial map with its panels and figure");
        Fig4Parameters p = new Fig4Parameters(Fig4Parameters.PUBLISHED.gradientCoefficient(), dt,
                Fig4Parameters.PUBLISHED.relaxSteps(), Fig4Parameters.PUBLISHED.pulseSteps(), bias,
                Fig4Parameters.PUBLISHED.restSteps(), Fig4Parameters.PUBLISHED.mobility(), energy);
        int nThreads = threads.resolve();
        Fig4Experiment experiment = new Fig4Experiment(profile, p, nThreads,
                substep ? StepControl.SUBSTEP : StepControl.REFUSE);
        double stability = dt * experiment.model(phi0.grid().nx(), phi0.grid().ny()).explicitRate();

        long t0 = System.nanoTime();
        Map<String, ScalarField2D> panels = experiment.run(phi0, new ProtocolListener() { });
        double seconds = (System.nanoTime() - t0) * 1e-9;

        DisplayScale display = DisplayScale.FIG4;
        ScalarField2D relaxedDisplay = data.fig4RelaxedDisplay();
        ContourBandComparison agreement = phi0.grid().equals(relaxedDisplay.grid())
                ? ContourBandComparison.of(display.toDisplay(panels.get("relaxed").values()),
                        relaxedDisplay.values(), LEVELS)
                : null;

        try (StagedOutput staged = StagedOutput.in(out)) {
            Map<String, Object> attrs = runAttributes(p, profile.unit(), stability);
            Hdf5Writer h5 = new Hdf5Writer();
            // The run parameters are in the model's reduced units (physics.md §1.1); strings as they are.
            attrs.forEach((k, v) -> {
                if (v instanceof String text) {
                    h5.attribute(k, text);
                } else {
                    h5.attribute(k, v, "1 (reduced)");
                }
            });
            for (String name : Fig4Experiment.PANELS) {
                Map<String, Object> fieldAttributes = new LinkedHashMap<>();
                fieldAttributes.put("quantity", "channel order parameter φ");
                fieldAttributes.put("unit", "1");
                h5.field("/phi/" + name, panels.get(name), fieldAttributes);
                staged.write(name + ".csv", MatrixText.csv(panels.get(name)));
            }
            h5.write(staged.file("fig4.h5"));
            writeFigure(staged.file("fig4.png"), panels, display);
            staged.write("fig4-report.json", Json.content(report(attrs, agreement, seconds, data)));
            staged.commit();
        }

        log.printf(Locale.ROOT, "fig4: %d × %d map, %d steps of Δt = %g (stability number %.3f), %s energy, %d thread(s), %.2f s%n",
                phi0.grid().ny(), phi0.grid().nx(), experiment.protocol().totalSteps(dt), dt, stability, energy,
                nThreads, seconds);
        for (String name : Fig4Experiment.PANELS) {
            ScalarField2D f = panels.get(name);
            log.printf(Locale.ROOT, "  %-8s mean φ = %.4f  min = %.4f  max = %.4f%n", name, f.mean(), f.min(), f.max());
        }
        if (agreement != null) {
            log.printf(Locale.ROOT, "  relaxed vs published panel: %.2f %% of nodes in another colour band, largest band difference %d, RMSE %.4f display units%n",
                    100 * agreement.fractionInOtherBand(), agreement.maxBandDifference(), agreement.rmseDisplay());
        }
        log.printf("  wrote %s%n", out.toAbsolutePath().normalize());
        log.flush();
        return 0;
    }

    private ScalarField2D initialState(ReferenceData data) {
        if (initial != null && rawMap != null) {
            throw new InvalidInputException("give --initial or --raw-map, not both");
        }
        if (initial != null) {
            return PhaseFieldMaps.read(initial);
        }
        if (rawMap != null) {
            return RawCafmMap.prepare(rawMap).phi();
        }
        return data.fig4InitialState();
    }

    private static Map<String, Object> runAttributes(Fig4Parameters p, String energyUnit, double stability) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("model", "Allen-Cahn: dphi/dt = L(-f'(phi) + kappa lap(phi) - b), clipped to [0, 1]; explicit Euler");
        a.put("source", "Rao et al., Nature 615, 823 (2023), Fig. 4");
        a.put("gradient_coefficient_K", p.gradientCoefficient());
        a.put("time_step", p.timeStep());
        a.put("relax_steps", p.relaxSteps());
        a.put("pulse_steps", p.pulseSteps());
        a.put("pulse_bias", p.pulseBias());
        a.put("rest_steps", p.restSteps());
        a.put("mobility", p.mobility());
        a.put("energy", p.energy());
        a.put("energy_unit", energyUnit);
        a.put("boundary", "zero-flux");
        a.put("stability_number", stability);
        return a;
    }

    private static Map<String, Object> report(Map<String, Object> parameters, ContourBandComparison c, double seconds,
                                              ReferenceData data) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("panel", "relaxed");
        r.put("reference", data.directory().resolve(ReferenceData.FIG4_RELAXED_DISPLAY).toAbsolutePath().normalize().toString());
        r.put("display_min", DisplayScale.FIG4.min());
        r.put("display_max", DisplayScale.FIG4.max());
        r.put("levels", LEVELS);
        if (c != null) {
            r.put("nodes", c.nodes());
            r.put("nodes_in_other_band", c.nodesInOtherBand());
            r.put("fraction_in_other_band", c.fractionInOtherBand());
            r.put("max_band_difference", c.maxBandDifference());
            r.put("rmse_display", c.rmseDisplay());
            r.put("band_width", c.bandWidth());
            r.put("reference_precision", c.bandWidth() / 2);
        } else {
            r.put("comparison", "skipped: the initial map is not on the published 58 × 51 grid");
        }
        r.put("parameters", parameters);
        r.put("seconds", seconds);
        return r;
    }

    private static void writeFigure(Path file, Map<String, ScalarField2D> panels, DisplayScale display) {
        HeatmapFigure fig = new HeatmapFigure(new BandedScale(0, 1, LEVELS, ColourMap.JET), "display units");
        Map<String, String> titles = Map.of("initial", "initial", "relaxed", "after relaxation",
                "pulse1", "after pulse 1", "pulse2", "after pulse 2");
        for (String name : Fig4Experiment.PANELS) {
            ScalarField2D f = panels.get(name);
            // Like the published filled contours, bands follow the field interpolated between nodes.
            Grid2D g = f.grid();
            Grid2D fine = new Grid2D(g.nx() * FIGURE_REFINEMENT, g.ny() * FIGURE_REFINEMENT,
                    g.dx() / FIGURE_REFINEMENT, g.dy() / FIGURE_REFINEMENT, g.unit());
            fig.panel(titles.get(name), Resampling.bilinear(new ScalarField2D(g, display.toDisplay(f.values())), fine));
        }
        fig.writePng(file, "Phase-field denoising (Rao et al. 2023, Fig. 4), display = "
                + display.min() + " + (" + display.max() + " − " + display.min() + ") φ");
    }
}
