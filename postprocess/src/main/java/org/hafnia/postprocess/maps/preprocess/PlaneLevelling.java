package org.hafnia.postprocess.maps.preprocess;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;

import org.hafnia.meshes.Grid2D;
import org.hafnia.postprocess.maps.ScanMap;

/**
 * Plane levelling: fits z = a + b x + c y to all nodes by least squares (normal equations over
 * the node centres, in the grid's length unit) and subtracts it, which removes sample tilt.
 * Recorded: a (value unit), b and c (value unit per length unit).
 */
public final class PlaneLevelling {

    private PlaneLevelling() {
    }

    public static PreprocessingStep.Result apply(ScanMap map) {
        Grid2D g = map.grid();
        double[] v = map.values();
        // Normal equations of [1 x y]·[a b c]ᵀ ≈ z.
        double[][] ata = new double[3][3];
        double[] atz = new double[3];
        for (int j = 0; j < g.ny(); j++) {
            double y = g.y(j);
            for (int i = 0; i < g.nx(); i++) {
                double x = g.x(i);
                double[] row = {1, x, y};
                double z = v[g.index(i, j)];
                for (int p = 0; p < 3; p++) {
                    atz[p] += row[p] * z;
                    for (int q = 0; q < 3; q++) {
                        ata[p][q] += row[p] * row[q];
                    }
                }
            }
        }
        double[] c = new double[3];
        if (g.nx() > 1 && g.ny() > 1) {
            RealVector sol = new LUDecomposition(new Array2DRowRealMatrix(ata)).getSolver()
                    .solve(new ArrayRealVector(atz));
            c = sol.toArray();
        } else {
            c[0] = map.field().mean(); // a line or a point defines no plane: remove the mean only
        }
        double[] out = new double[v.length];
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                int k = g.index(i, j);
                out[k] = v[k] - (c[0] + c[1] * g.x(i) + c[2] * g.y(j));
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", "z = a + b x + c y, least squares over all nodes");
        p.put("a", c[0]);
        p.put("b", c[1]);
        p.put("c", c[2]);
        return new PreprocessingStep.Result(map.withValues(out), new PreprocessingStep("plane-levelling", p));
    }
}
