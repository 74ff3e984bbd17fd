package org.hafnia.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.compare.ConnectedComponents;
import org.hafnia.postprocess.compare.MapComparison;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
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
        description = {"Compare two maps (any format hafnia convert reads): RMSE, Pearson correlation, SSIM,",
            "Otsu channel masks with Dice and IoU, islands (connected components), boundary Hausdorff distance.",
            "Writes compare.json and compare.png (A | B | B − A on one colour scale)."})
public final class CompareCommand implements Callable<Integer> {

    /** Colour levels of the figure (49 bands, as the Fig. 4 panels). */
    private static final int LEVELS = 50;

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
    Double dynamicRange;

    @Override
    public Integer call() {
        PrintWriter log = spec.commandLine().getOut();
        ConnectedComponents.Connectivity c = switch (connectivity) {
            case 4 -> ConnectedComponents.Connectivity.FOUR;
            case 8 -> ConnectedComponents.Connectivity.EIGHT;
            default -> throw new org.hafnia.meshes.InvalidInputException("--connectivity must be 4 or 8, got " + connectivity);
        };
        ScanMap ma = MapFormats.read(a);
        ScanMap mb = MapFormats.read(b);
        log.println("A = " + a + ": " + ma.describe());
        log.println("B = " + b + ": " + mb.describe());
        MapComparison cmp = MapComparison.of(ma, mb, c, dynamicRange == null ? Double.NaN : dynamicRange);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("a", a.toString());
        report.put("b", b.toString());
        report.putAll(cmp.report());
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
