package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import org.hafnia.experiments.fig4.Fig4Experiment;
import org.hafnia.experiments.fig4.Fig4Parameters;
import org.hafnia.experiments.fit.Fig4Objective;
import org.hafnia.experiments.fit.FitParameter;
import org.hafnia.experiments.fit.InverseFit;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.postprocess.compare.DisplayScale;
import org.hafnia.postprocess.compare.MapComparison;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.plots.BandedScale;
import org.hafnia.postprocess.plots.ColourMap;
import org.hafnia.postprocess.plots.HeatmapFigure;
import org.hafnia.reference.ReferenceData;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hafnia fit}: protocol parameters that make the simulation from MAP0 best match MAP1. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        header = "Fit protocol parameters so a simulation matches a target map.",
        description = {"Fit free parameters of a phase-field protocol so that the simulation started from the",
            "initial map best matches the target map (objective: RMSE in φ of the final state).",
            "Free parameters: bias (pulse bias b), steps (steps per pulse, integer: profiled), K (gradient",
            "coefficient), mobility (L). Writes fit.json and fit.png."})
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--initial", required = true, paramLabel = "MAP0", description = "Initial map φ0, values in [0, 1] (any map format).")
    Path initial;

    @Option(names = "--target", required = true, paramLabel = "MAP1", description = "Target map (φ, or display units with --display-scale).")
    Path target;

    @Option(names = "--protocol", required = true, paramLabel = "PROTOCOL", description = "Protocol: fig4 (the published one: 60 relaxation steps, then twice pulse and 10 rest steps).")
    String protocol;

    @Option(names = "--free", required = true, split = ",", paramLabel = "NAME", description = "Parameters to fit: bias, steps, K, mobility.")
    List<String> free;

    @Option(names = "--display-scale", split = ",", paramLabel = "MIN,MAX", description = "The target is in display units d = MIN + (MAX − MIN) φ; mapped back to φ (Fig. 4: 0.0515,0.966).")
    List<Double> displayScale;

    @Option(names = "--bounds", paramLabel = "NAME=LO:HI", description = "Bounds of a free parameter (repeatable); defaults: bias 0:100, steps 1:30, K 0.005:0.2, mobility 0.1:3.")
    List<String> boundsOptions = new ArrayList<>();

    @Option(names = "--snapshot", defaultValue = Fig4Objective.FINAL_SNAPSHOT, description = "Protocol snapshot compared with the target: relaxed, pulse1 or pulse2 (default: ${DEFAULT-VALUE}).")
    String snapshot;

    @Option(names = "--starts", defaultValue = "4", description = "Optimiser starts per step count (default: ${DEFAULT-VALUE}).")
    @Range(min = 1, max = 1000)
    int starts;

    @Option(names = "--energy", defaultValue = "published", description = "Free energy: published or spline (default: ${DEFAULT-VALUE}).")
    String energy;

    @Option(names = "--reference", description = "Reference data folder (for the energy table).")
    Path reference;

    @Option(names = "--threads", defaultValue = "1", description = "Threads per simulation (default: ${DEFAULT-VALUE}).")
    @Range(min = 1)
    int threads;

    @Option(names = "--out", defaultValue = "out/fit", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        threads = ThreadsOption.capped(threads, spec.commandLine().getErr());
        if (!protocol.equalsIgnoreCase("fig4")) {
            throw new InvalidInputException("--protocol '" + protocol + "': the supported protocol is fig4");
        }
        List<FitParameter> freed = new ArrayList<>();
        for (String n : free) {
            FitParameter p = FitParameter.parse(n);
            if (!freed.contains(p)) {
                freed.add(p);
            }
        }
        Map<FitParameter, InverseFit.Bounds> bounds = bounds(freed);
        ScanMap map0 = MapFormats.read(initial);
        ScanMap map1 = MapFormats.read(target);
        List<String> notes = new ArrayList<>();
        ScanMap aligned = MapComparison.alignTo(map0, map1, notes);
        double[] phiTarget = aligned.values().clone();
        DisplayScale scale = null;
        if (displayScale != null) {
            if (displayScale.size() != 2) {
                throw new InvalidInputException("--display-scale needs MIN,MAX, got " + displayScale.size() + " values");
            }
            scale = new DisplayScale(displayScale.get(0), displayScale.get(1));
            for (int k = 0; k < phiTarget.length; k++) {
                phiTarget[k] = scale.toPhi(phiTarget[k]);
            }
            notes.add("target mapped from display units to φ = (d − " + scale.min() + ") / (" + scale.max() + " − "
                    + scale.min() + ")");
        }
        ScalarField2D phi0 = phiField(map0);
        EnergyProfile profile = Fig4Experiment.profileOf(ReferenceData.locate(reference).fig4EnergyTable());
        Fig4Parameters base = Fig4Parameters.PUBLISHED.withEnergy(energy);
        Fig4Experiment.energy(energy, profile); // rejects an unknown energy name before any work
        Fig4Objective objective = new Fig4Objective(profile, base, phi0, phiTarget, freed, threads, snapshot);
        InverseFit fit = new InverseFit(objective, bounds, starts);
        notes.forEach(n -> log.println("note: " + n));
        log.printf(Locale.ROOT, "fit: %s free on a %d × %d map, %d optimiser start(s)%n",
                String.join(", ", free), phi0.grid().nx(), phi0.grid().ny(), fit.totalStarts());
        log.flush();
        long t0 = System.nanoTime();
        InverseFit.Result result;
        try (ProgressBar bar = System.console() == null ? null
                : new ProgressBarBuilder().setTaskName("fit").setInitialMax(fit.totalStarts()).build()) {
            result = fit.run(() -> {
                if (bar != null) {
                    bar.step();
                }
            });
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] best = new double[freed.size()];
        for (int k = 0; k < best.length; k++) {
            best[k] = result.estimates().get(freed.get(k)).value();
        }
        ScalarField2D fitted = objective.simulate(best);
        try (StagedOutput staged = StagedOutput.in(out)) {
            staged.write("fit.json", Json.content(report(result, objective, bounds, scale, notes, seconds)));
            figure(phi0, new ScalarField2D(phi0.grid(), phiTarget), fitted).writePng(staged.file("fit.png"),
                    String.format(Locale.ROOT, "fit of %s: RMSE %.4g in φ", String.join(", ", free), result.objective()));
            staged.commit();
        }
        result.estimates().forEach((p, e) -> log.printf(Locale.ROOT, "  %-8s = %.6g ± %s%n", p.key(), e.value(),
                Double.isNaN(e.uncertainty()) ? "n/a" : String.format(Locale.ROOT, "%.2g", e.uncertainty())));
        log.printf(Locale.ROOT, "  RMSE %.6g in φ after %d protocol runs (%.1f s)%n", result.objective(),
                result.evaluations(), seconds);
        log.println("  wrote " + out.resolve("fit.json") + " and fit.png");
        log.flush();
        return 0;
    }

    private Map<FitParameter, InverseFit.Bounds> bounds(List<FitParameter> freed) {
        Map<FitParameter, InverseFit.Bounds> b = new EnumMap<>(FitParameter.class);
        for (FitParameter p : FitParameter.values()) {
            b.put(p, InverseFit.defaultBounds(p));
        }
        for (String o : boundsOptions) {
            int eq = o.indexOf('=');
            int colon = o.indexOf(':', eq + 1);
            if (eq < 1 || colon < 0) {
                throw new InvalidInputException("--bounds '" + o + "': expected NAME=LO:HI, e.g. bias=10:50");
            }
            FitParameter p = FitParameter.parse(o.substring(0, eq));
            if (!freed.contains(p)) {
                throw new InvalidInputException("--bounds '" + o + "': " + p.key() + " is not free (--free "
                        + String.join(",", free) + "); bounds apply to free parameters only");
            }
            double lo;
            double hi;
            try {
                lo = Double.parseDouble(o.substring(eq + 1, colon));
                hi = Double.parseDouble(o.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--bounds '" + o + "': LO and HI must be numbers");
            }
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(lo < hi)) {
                throw new InvalidInputException("--bounds '" + o + "': LO and HI must be finite with LO < HI");
            }
            b.put(p, new InverseFit.Bounds(lo, hi));
        }
        return b;
    }

    private ScalarField2D phiField(ScanMap map0) {
        double[] v = map0.values();
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] >= 0 && v[k] <= 1)) {
                throw new InvalidInputException(initial + ": the initial map must be φ in [0, 1], but node "
                        + (k % map0.grid().nx() + 1) + ", row " + (k / map0.grid().nx() + 1) + " is " + v[k]
                        + "; normalise it first");
            }
        }
        // The model uses the published grid scaling, whatever the map's physical size (physics.md §1.1).
        return new ScalarField2D(Grid2D.unitSpacing(map0.grid().nx(), map0.grid().ny()), v.clone());
    }

    private Map<String, Object> report(InverseFit.Result r, Fig4Objective objective,
                                       Map<FitParameter, InverseFit.Bounds> bounds, DisplayScale scale,
                                       List<String> notes, double seconds) {
        Map<String, Object> params = new LinkedHashMap<>();
        r.estimates().forEach((p, e) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", e.value());
            m.put("uncertainty", Double.isNaN(e.uncertainty()) ? null : e.uncertainty());
            m.put("bounds", List.of(bounds.get(p).lower(), bounds.get(p).upper()));
            m.put("description", p.description());
            if (p.integer()) {
                m.put("note", "integer: every value in the bounds tried (see steps_profile); no curvature uncertainty");
            }
            params.put(p.key(), m);
        });
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("parameters", params);
        j.put("objective", r.objective());
        j.put("evaluations", r.evaluations());
        j.put("objective_definition", "RMSE in φ between the simulated snapshot '" + objective.snapshot()
                + "' of the protocol and the target");
        j.put("uncertainty_method", "Gauss-Newton: C = s² (JᵀJ)⁻¹, J by central differences (step "
                + InverseFit.JACOBIAN_STEP + " of the bound range), s² = Σr²/(N − p); a lower bound when the misfit is"
                + " spatially correlated");
        j.put("optimiser", (r.estimates().size() - (r.estimates().containsKey(FitParameter.STEPS) ? 1 : 0) >= 2
                ? "BOBYQA (Commons Math)" : "Brent (Commons Math)") + ", " + starts + " start(s) per step count");
        j.put("protocol", "fig4");
        Fig4Parameters fixed = objective.base();
        Map<String, Object> f = new LinkedHashMap<>();
        for (FitParameter p : FitParameter.values()) {
            if (!r.estimates().containsKey(p)) {
                f.put(p.key(), p.valueIn(fixed));
            }
        }
        f.put("time_step", fixed.timeStep());
        f.put("relax_steps", fixed.relaxSteps());
        f.put("rest_steps", fixed.restSteps());
        f.put("energy", fixed.energy());
        j.put("fixed", f);
        if (!r.stepsProfile().isEmpty()) {
            Map<String, Object> prof = new LinkedHashMap<>();
            r.stepsProfile().forEach((n, v) -> prof.put(Integer.toString(n), v));
            j.put("steps_profile", prof);
        }
        if (scale != null) {
            j.put("display_scale", Map.of("min", scale.min(), "max", scale.max()));
        }
        j.put("substepped_evaluations", r.substepped());
        j.put("initial", initial.toString());
        j.put("target", target.toString());
        j.put("notes", notes);
        j.put("seconds", seconds);
        return j;
    }

    private static HeatmapFigure figure(ScalarField2D phi0, ScalarField2D target, ScalarField2D fitted) {
        double[] d = new double[target.values().length];
        double lo = 0;
        double worst = 0;
        for (int k = 0; k < d.length; k++) {
            d[k] = fitted.values()[k] - target.values()[k];
            lo = Math.min(lo, Math.min(d[k], target.values()[k]));
            worst = Math.max(worst, Math.abs(d[k]));
        }
        double hi = Math.max(1, target.max());
        return new HeatmapFigure(new BandedScale(lo, hi, 50, ColourMap.JET), "φ")
                .panel("initial φ0", phi0).panel("target", target).panel("fitted simulation", fitted)
                .panel(String.format(Locale.ROOT, "fitted − target (max |Δ| %.2g)", worst),
                        new ScalarField2D(phi0.grid(), d));
    }
}
