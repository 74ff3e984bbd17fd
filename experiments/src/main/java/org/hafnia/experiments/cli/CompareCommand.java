package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.compare.ConnectedComponents;
import org.hafnia.postprocess.compare.MapComparison;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.preprocess.LineLevelling;
import org.hafnia.postprocess.maps.preprocess.Normalisation;
import org.hafnia.postprocess.maps.preprocess.OutlierRemoval;
import org.hafnia.postprocess.maps.preprocess.PhaseCorrelation;
import org.hafnia.postprocess.maps.preprocess.PlaneLevelling;
import org.hafnia.postprocess.maps.preprocess.PreprocessingStep;
import org.hafnia.postprocess.maps.preprocess.RotationScaleSearch;
import org.hafnia.postprocess.plots.BandedScale;
import org.hafnia.postprocess.plots.ColourMap;
import org.hafnia.postprocess.plots.HeatmapFigure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hafnia compare A B}: agreement measures of two maps, compare.json and compare.png. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Compare two maps: RMSE, Pearson, SSIM, Dice/IoU, islands, Hausdorff.",
        description = {"Compare two maps (any format hafnia convert reads), optionally after levelling, outlier",
            "removal, normalisation and registration (each recorded): RMSE, Pearson correlation, SSIM,",
            "Otsu channel masks with Dice and IoU, islands (connected components), boundary Hausdorff distance.",
            "Writes compare.json and compare.png (A | B | B − A on one colour scale)."})
public final class CompareCommand implements Callable<Integer> {

    /** Colour levels of the figure (49 bands, as the Fig. 4 panels). */
    private static final int LEVELS = 50;
    /** Angle grid of the rotation search, degrees. */
    private static final double ROTATION_STEP = 0.5;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "First map (its grid and units are used).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Second map.")
    Path b;

    @Option(names = "--out", defaultValue = "out/compare", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--connectivity", defaultValue = "4", description = "Island connectivity, 4 or 8 (default: ${DEFAULT-VALUE}).")
    int connectivity;

    @Option(names = "--dynamic-range", description = "SSIM dynamic range L in the value unit (default: max − min over both maps).")
    @Range(min = Double.MIN_VALUE)
    Double dynamicRange;

    @Option(names = "--level", defaultValue = "none", description = "Levelling of both maps first: none, plane, lines (median line offset) or both (default: ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--outliers", paramLabel = "K", description = "Replace nodes beyond K robust standard deviations from their 3 × 3 median (e.g. 5).")
    @Range(min = Double.MIN_VALUE)
    Double outliers;

    @Option(names = "--normalise", description = "Normalise each map to [0, 1] by its own min and max (recorded in compare.json).")
    boolean normalise;

    @Option(names = "--register", description = "Register B onto A by a translation (FFT phase correlation) before comparing.")
    boolean register;

    @Option(names = "--max-rotation", paramLabel = "DEG", defaultValue = "0", description = "With --register: also search rotations within ±DEG degrees (0.5° grid, parabola-refined) (default: ${DEFAULT-VALUE}).")
    @Range(min = 0, max = 180, unit = "degrees")
    double maxRotation;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        ConnectedComponents.Connectivity c = switch (connectivity) {
            case 4 -> ConnectedComponents.Connectivity.FOUR;
            case 8 -> ConnectedComponents.Connectivity.EIGHT;
            default -> throw new InvalidInputException("--connectivity must be 4 or 8, got " + connectivity);
        };
        ScanMap ma = MapFormats.read(a);
        ScanMap mb = MapFormats.read(b);
        log.println("A = " + a + ": " + ma.describe());
        log.println("B = " + b + ": " + mb.describe());
        List<Map<String, Object>> steps = new ArrayList<>();
        ma = preprocess(ma, "A", steps);
        mb = preprocess(mb, "B", steps);
        if (register) {
            List<String> alignNotes = new ArrayList<>();
            ScanMap onA = MapComparison.alignTo(ma, mb, alignNotes);
            PreprocessingStep.Result r = maxRotation > 0
                    ? RotationScaleSearch.register(ma, onA, maxRotation, ROTATION_STEP, new double[] {1})
                    : PhaseCorrelation.register(ma, onA);
            mb = r.map();
            record("B", r.step(), steps);
        }
        steps.forEach(st -> log.println("preprocessing: " + st));
        MapComparison cmp = MapComparison.of(ma, mb, c, dynamicRange == null ? Double.NaN : dynamicRange);
        if (!Double.isFinite(cmp.rmse())) {
            // Never a report with "rmse": null: say which input made it undefined.
            throw new InvalidInputException("the RMSE of " + a + " and " + b + " is " + cmp.rmse()
                    + ": the maps hold non-finite values or no node in common");
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("a", a.toString());
        report.put("b", b.toString());
        report.putAll(cmp.report());
        report.put("preprocessing", steps);
        try (StagedOutput staged = StagedOutput.in(out)) {
            staged.write("compare.json", Json.content(report));
            figure(cmp).writePng(staged.file("compare.png"), "A = " + a.getFileName() + ", B = " + b.getFileName()
                    + "  (RMSE " + String.format(Locale.ROOT, "%.4g", cmp.rmse()) + " " + cmp.a().zUnit() + ")");
            staged.commit();
        }
        cmp.notes().forEach(n -> log.println("note: " + n));
        log.printf(Locale.ROOT, "rmse %.6g%s, pearson %.4f, ssim %.4f (L = %.4g), dice %.4f, iou %.4f,"
                        + " islands %d | %d (%d-connected), hausdorff %.4g%n",
                cmp.rmse(), cmp.a().zUnit().isEmpty() ? "" : " " + cmp.a().zUnit(), cmp.pearson(), cmp.ssim().ssim(), cmp.ssim().dynamicRange(),
                cmp.overlap().dice(), cmp.overlap().iou(), cmp.islandsA().size(), cmp.islandsB().size(),
                c.neighbours(), cmp.hausdorff());
        log.println("wrote " + out.resolve("compare.json") + " and compare.png");
        log.flush();
        return 0;
    }

    private ScanMap preprocess(ScanMap m, String which, List<Map<String, Object>> steps) {
        ScanMap out = m;
        if (!List.of("none", "plane", "lines", "both").contains(level)) {
            throw new InvalidInputException("--level must be none, plane, lines or both, got '" + level + "'");
        }
        if (level.equals("plane") || level.equals("both")) {
            out = record(which, PlaneLevelling.apply(out), steps);
        }
        if (level.equals("lines") || level.equals("both")) {
            out = record(which, LineLevelling.apply(out), steps);
        }
        if (outliers != null) {
            out = record(which, OutlierRemoval.apply(out, outliers), steps);
        }
        if (normalise) {
            out = record(which, Normalisation.apply(out), steps);
        }
        return out;
    }

    private static ScanMap record(String which, PreprocessingStep.Result r, List<Map<String, Object>> steps) {
        record(which, r.step(), steps);
        return r.map();
    }

    private static void record(String which, PreprocessingStep step, List<Map<String, Object>> steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("map", which);
        m.put("operation", step.operation());
        m.put("parameters", step.parameters());
        steps.add(m);
    }

    /** A | B | B − A on one shared colour scale spanning all three. */
    static HeatmapFigure figure(MapComparison cmp) {
        double[] va = cmp.a().values();
        double[] vb = cmp.b().values();
        double[] d = new double[va.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < va.length; k++) {
            d[k] = vb[k] - va[k];
            lo = Math.min(lo, Math.min(d[k], Math.min(va[k], vb[k])));
            hi = Math.max(hi, Math.max(d[k], Math.max(va[k], vb[k])));
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        String unit = cmp.a().zUnit().isEmpty() ? "value" : cmp.a().zUnit();
        return new HeatmapFigure(new BandedScale(lo, hi, LEVELS, ColourMap.JET), unit)
                .panel("A", cmp.a().field())
                .panel("B", cmp.b().field())
                .panel("B − A", new ScalarField2D(cmp.a().grid(), d));
    }
}
