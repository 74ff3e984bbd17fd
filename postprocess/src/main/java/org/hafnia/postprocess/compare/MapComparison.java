package org.hafnia.postprocess.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.Resampling;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.postprocess.maps.SiUnits;

/**
 * Every agreement measure between a map A and a map B, computed on A's grid and in A's value
 * unit: RMSE, Pearson correlation, SSIM ({@link StructuralSimilarity}), channel masks by Otsu
 * threshold of each map ({@link OtsuThreshold}) compared by Dice and IoU ({@link MaskOverlap}),
 * their islands ({@link ConnectedComponents}) and the boundary Hausdorff distance
 * ({@link HausdorffDistance}).
 *
 * <p>B is brought onto A first: values converted when the units differ by an SI prefix; a
 * grid of another shape but the same physical extent is resampled (area average when coarsening,
 * bilinear otherwise) and noted. Anything else is a mismatch and refused.
 *
 * @param a             map A
 * @param b             map B on A's grid and in A's unit
 * @param rmse          root-mean-square of B − A, in A's value unit
 * @param pearson       Pearson correlation coefficient (NaN when a map is constant)
 * @param ssim          structural similarity with its parameters
 * @param thresholdA    Otsu threshold of A
 * @param thresholdB    Otsu threshold of B
 * @param overlap       Dice and IoU of the channel masks
 * @param islandsA      components of A's mask
 * @param islandsB      components of B's mask
 * @param connectivity  connectivity used for islands
 * @param hausdorff     boundary Hausdorff distance in A's length unit (NaN when a mask has no boundary)
 * @param notes         what was done to make the maps comparable
 */
public record MapComparison(ScanMap a, ScanMap b, double rmse, double pearson, StructuralSimilarity ssim,
                            double thresholdA, double thresholdB, MaskOverlap overlap,
                            List<ConnectedComponents.Component> islandsA, List<ConnectedComponents.Component> islandsB,
                            ConnectedComponents.Connectivity connectivity, double hausdorff, List<String> notes) {

    /** Compares with 4-connectivity and SSIM's dynamic range L = max − min over both maps. */
    public static MapComparison of(ScanMap a, ScanMap b) {
        return of(a, b, ConnectedComponents.Connectivity.FOUR, Double.NaN);
    }

    /**
     * @param dynamicRange SSIM's L; NaN for max − min over both maps
     */
    public static MapComparison of(ScanMap a, ScanMap b, ConnectedComponents.Connectivity connectivity,
                                   double dynamicRange) {
        List<String> notes = new ArrayList<>();
        ScanMap bb = alignTo(a, b, notes);
        double[] va = a.values();
        double[] vb = bb.values();
        int n = va.length;
        double ss = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double e = vb[k] - va[k];
            ss += e * e;
            lo = Math.min(lo, Math.min(va[k], vb[k]));
            hi = Math.max(hi, Math.max(va[k], vb[k]));
        }
        double pearson = n < 2 ? Double.NaN : new PearsonsCorrelation().correlation(va, vb);
        double range = Double.isNaN(dynamicRange) ? (hi > lo ? hi - lo : 1) : dynamicRange;
        Grid2D g = a.grid();
        StructuralSimilarity ssim = StructuralSimilarity.of(va, vb, g.nx(), g.ny(), range);
        double ta = OtsuThreshold.of(va);
        double tb = OtsuThreshold.of(vb);
        boolean[] ma = OtsuThreshold.mask(va, ta);
        boolean[] mb = OtsuThreshold.mask(vb, tb);
        return new MapComparison(a, bb, Math.sqrt(ss / n), pearson, ssim, ta, tb, MaskOverlap.of(ma, mb),
                ConnectedComponents.of(ma, g, connectivity), ConnectedComponents.of(mb, g, connectivity), connectivity,
                HausdorffDistance.between(ma, mb, g), notes);
    }

    /**
     * B on A's grid and in A's value unit (see the class comment); what was done is added to
     * {@code notes}.
     */
    public static ScanMap alignTo(ScanMap a, ScanMap b, List<String> notes) {
        ScanMap out = b;
        if (!a.zUnit().equals(b.zUnit())) {
            if (a.zUnit().isEmpty() || b.zUnit().isEmpty()) {
                notes.add("value units '" + a.zUnit() + "' and '" + b.zUnit() + "': the unitless one is taken to be"
                        + " in the other's unit");
                out = out.labelledIn(a.zUnit());
            } else {
                out = out.convertedTo(a.zUnit());
                notes.add("B converted from " + b.zUnit() + " to " + a.zUnit() + " (× " + SiUnits.conversion(b.zUnit(),
                        a.zUnit()) + ")");
            }
        }
        Grid2D ga = a.grid();
        Grid2D gb = out.grid();
        if (ga.nx() == gb.nx() && ga.ny() == gb.ny()) {
            if (a.sizeKnown() && b.sizeKnown() && (ga.unit() != gb.unit()
                    || Math.abs(ga.width() - gb.width()) > 1e-9 * ga.width()
                    || Math.abs(ga.height() - gb.height()) > 1e-9 * ga.height())) {
                notes.add("the maps have the same nodes but different physical sizes; compared node by node on A's grid");
            }
            return new ScanMap(new ScalarField2D(ga, out.values()), out.zUnit(), out.title(),
                    out.metadata(), a.sizeKnown());
        }
        if (!a.sizeKnown() || !b.sizeKnown()) {
            throw new InvalidInputException("mismatched grids: A is " + ga.nx() + " × " + ga.ny() + " and B "
                    + gb.nx() + " × " + gb.ny() + " nodes, and " + (a.sizeKnown() ? "B" : "A")
                    + " has no physical size to resample by; convert it with --size first");
        }
        ScanMap bIn = out;
        if (gb.unit() != ga.unit() && ga.unit() != LengthUnit.REDUCED && gb.unit() != LengthUnit.REDUCED) {
            double f = gb.unit().metres() / ga.unit().metres();
            bIn = out.withSize(gb.width() * f, gb.height() * f, ga.unit());
        }
        boolean coarsen = (long) ga.nx() * ga.ny() < (long) gb.nx() * gb.ny();
        ScalarField2D r = coarsen ? Resampling.areaAverage(bIn.field(), ga)
                : Resampling.bilinear(bIn.field(), ga);
        notes.add("B resampled from " + gb.nx() + " × " + gb.ny() + " to A's " + ga.nx() + " × " + ga.ny() + " nodes ("
                + (coarsen ? "area average" : "bilinear") + ")");
        return new ScanMap(r, bIn.zUnit(), bIn.title(), bIn.metadata(), true);
    }

    /** The report as the keys of {@code compare.json} (NaN written as null). */
    public Map<String, Object> report() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rmse", finite(rmse));
        r.put("pearson", finite(pearson));
        r.put("ssim", finite(ssim.ssim()));
        r.put("dice", finite(overlap.dice()));
        r.put("iou", finite(overlap.iou()));
        r.put("islands_a", islandsA.size());
        r.put("islands_b", islandsB.size());
        r.put("hausdorff", finite(hausdorff));
        r.put("value_unit", a.zUnit());
        String lengthUnit = a.grid().unit() == LengthUnit.REDUCED ? "reduced" : a.grid().unit().symbol();
        r.put("length_unit", a.sizeKnown() ? lengthUnit : "pixel (size unknown: 1 reduced unit per node)");
        r.put("hausdorff_unit", r.get("length_unit"));
        r.put("otsu_threshold_a", finite(thresholdA));
        r.put("otsu_threshold_b", finite(thresholdB));
        r.put("mask", "value > Otsu threshold of each map");
        r.put("mask_nodes_a", overlap.areaA());
        r.put("mask_nodes_b", overlap.areaB());
        r.put("mask_intersection_nodes", overlap.intersection());
        r.put("connectivity", connectivity.neighbours());
        r.put("components_a", components(islandsA));
        r.put("components_b", components(islandsB));
        r.put("components_listed", "the largest " + MAX_LISTED_COMPONENTS + " of each map at most (islands_a, islands_b count all)");
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dynamic_range", ssim.dynamicRange());
        s.put("gaussian_sigma_nodes", StructuralSimilarity.SIGMA);
        s.put("window", ssim.windowX() + " x " + ssim.windowY());
        s.put("k1", StructuralSimilarity.K1);
        s.put("k2", StructuralSimilarity.K2);
        s.put("nodes_averaged", ssim.nodes());
        s.put("reference", "Wang et al., IEEE Trans. Image Process. 13, 600 (2004)");
        r.put("ssim_parameters", s);
        r.put("grid", Map.of("nx", a.grid().nx(), "ny", a.grid().ny(), "width", a.grid().width(),
                "height", a.grid().height()));
        r.put("notes", notes);
        return r;
    }

    /**
     * Most components listed per map in the report: a noisy 5000² map has 1.6 million islands,
     * which made compare.json 330 MB; the list is sorted largest first, so the cut keeps the
     * channels and drops single-node noise.
     */
    public static final int MAX_LISTED_COMPONENTS = 1000;

    private static List<Map<String, Object>> components(List<ConnectedComponents.Component> cs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConnectedComponents.Component c : cs.subList(0, Math.min(cs.size(), MAX_LISTED_COMPONENTS))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nodes", c.nodes());
            m.put("area", c.area());
            m.put("centroid_x", c.centroidX());
            m.put("centroid_y", c.centroidY());
            out.add(m);
        }
        return out;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
