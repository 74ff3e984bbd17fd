package org.hafnia.physics.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.complex.ComplexField;
import org.apache.commons.math3.linear.Array2DRowFieldMatrix;
import org.apache.commons.math3.linear.FieldLUDecomposition;
import org.apache.commons.math3.linear.FieldMatrix;
import org.junit.jupiter.api.Test;

class BlockTridiagonalSystemTest {

    @Test
    void scatteringSystemAgreesWithDenseLu() {
        // Small grid, three propagating modes and one evanescent, two traps.
        ScatteringParameters p = ScatteringParameters.builder().width(3).energy(2.0).intervals(12)
                .traps(PointTrap.electron(-1, 2, 0), PointTrap.electron(-0.8, 1, 0.3)).build();
        assertAgreesWithDenseLu(new ChannelScattering(p).system());
    }

    @Test
    void randomSystemAgreesWithDenseLu() {
        Random rnd = new Random(5);
        int n = 9;
        int m = 3;
        List<FieldMatrix<Complex>> lower = new ArrayList<>();
        List<FieldMatrix<Complex>> diagonal = new ArrayList<>();
        List<FieldMatrix<Complex>> upper = new ArrayList<>();
        List<FieldMatrix<Complex>> rhs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            lower.add(k == 0 ? null : random(rnd, m, m, 0));
            diagonal.add(random(rnd, m, m, 4));
            upper.add(k == n - 1 ? null : random(rnd, m, m, 0));
            rhs.add(random(rnd, m, 2, 0));
        }
        assertAgreesWithDenseLu(new BlockTridiagonalSystem(lower, diagonal, upper, rhs));
    }

    private static FieldMatrix<Complex> random(Random rnd, int rows, int cols, double shift) {
        FieldMatrix<Complex> a = new Array2DRowFieldMatrix<>(ComplexField.getInstance(), rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.setEntry(i, j, new Complex(rnd.nextGaussian() + (i == j ? shift : 0), rnd.nextGaussian()));
            }
        }
        return a;
    }

    /** Solves by block Thomas and by a dense LU of the assembled matrix; relative agreement 1e-11. */
    private static void assertAgreesWithDenseLu(BlockTridiagonalSystem s) {
        int n = s.blocks();
        int m = s.diagonal().get(0).getRowDimension();
        int cols = s.rhs().get(0).getColumnDimension();
        FieldMatrix<Complex> dense = new Array2DRowFieldMatrix<>(ComplexField.getInstance(), n * m, n * m);
        FieldMatrix<Complex> b = new Array2DRowFieldMatrix<>(ComplexField.getInstance(), n * m, cols);
        for (int k = 0; k < n; k++) {
            dense.setSubMatrix(s.diagonal().get(k).getData(), k * m, k * m);
            if (k > 0) {
                dense.setSubMatrix(s.lower().get(k).getData(), k * m, (k - 1) * m);
            }
            if (k < n - 1) {
                dense.setSubMatrix(s.upper().get(k).getData(), k * m, (k + 1) * m);
            }
            b.setSubMatrix(s.rhs().get(k).getData(), k * m, 0);
        }
        FieldMatrix<Complex> reference = new FieldLUDecomposition<>(dense).getSolver().solve(b);
        List<FieldMatrix<Complex>> x = s.solve();
        double scale = 0;
        double diff = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < m; i++) {
                for (int c = 0; c < cols; c++) {
                    Complex ref = reference.getEntry(k * m + i, c);
                    scale = Math.max(scale, ref.abs());
                    diff = Math.max(diff, x.get(k).getEntry(i, c).subtract(ref).abs());
                }
            }
        }
        assertThat(scale).isPositive();
        // Both are backward-stable eliminations of a well-conditioned system of ≤ 60 unknowns:
        // they agree to a small multiple of machine epsilon times the condition number.
        assertThat(diff / scale).isLessThan(1e-11);
    }
}
