package org.hafnia.physics.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.commons.math3.complex.Complex;
import org.apache.commons.math3.linear.FieldDecompositionSolver;
import org.apache.commons.math3.linear.FieldLUDecomposition;
import org.apache.commons.math3.linear.FieldMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * A complex block-tridiagonal system A_k x_{k−1} + D_k x_k + C_k x_{k+1} = B_k, k = 0 … n−1
 * (A_0 and C_{n−1} absent), with square M × M blocks and M × R right-hand sides (R systems at
 * once). {@link #solve()} is block Gaussian elimination without block pivoting (the block
 * Thomas algorithm; in transport language the recursive Green's function sweep): each Schur
 * complement S_k = D_k − A_k S_{k−1}⁻¹ C_{k−1} is factorised by {@link FieldLUDecomposition}.
 * Cost O(n M³), memory O(n M²) instead of O((nM)³) and O((nM)²) for a dense solve. It needs
 * every S_k to be regular, which holds for the scattering systems here (their lead blocks are
 * I and diag(K + i/dz) with Re K ≥ 0).
 *
 * @param lower    A_k (entry 0 ignored, may be null)
 * @param diagonal D_k
 * @param upper    C_k (entry n−1 ignored, may be null)
 * @param rhs      B_k
 */
public record BlockTridiagonalSystem(List<FieldMatrix<Complex>> lower, List<FieldMatrix<Complex>> diagonal,
                                     List<FieldMatrix<Complex>> upper, List<FieldMatrix<Complex>> rhs) {

    public BlockTridiagonalSystem {
        int n = diagonal.size();
        if (n == 0 || lower.size() != n || upper.size() != n || rhs.size() != n) {
            throw new IllegalArgumentException("block-tridiagonal system: " + lower.size() + " lower, " + n
                    + " diagonal, " + upper.size() + " upper and " + rhs.size() + " right-hand-side blocks; expected n ≥ 1 of each");
        }
        lower = Collections.unmodifiableList(new ArrayList<>(lower));
        upper = Collections.unmodifiableList(new ArrayList<>(upper));
        diagonal = List.copyOf(diagonal);
        rhs = List.copyOf(rhs);
    }

    /** Number of block rows n. */
    public int blocks() {
        return diagonal.size();
    }

    /** The solution blocks x_k (M × R each). */
    public List<FieldMatrix<Complex>> solve() {
        int n = blocks();
        List<FieldMatrix<Complex>> cHat = new ArrayList<>(n);
        List<FieldMatrix<Complex>> yHat = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            FieldMatrix<Complex> s = diagonal.get(k);
            FieldMatrix<Complex> b = rhs.get(k);
            if (k > 0) {
                FieldMatrix<Complex> a = lower.get(k);
                s = s.subtract(a.multiply(cHat.get(k - 1)));
                b = b.subtract(a.multiply(yHat.get(k - 1)));
            }
            FieldDecompositionSolver<Complex> lu = new FieldLUDecomposition<>(s).getSolver();
            try {
                cHat.add(k < n - 1 ? lu.solve(upper.get(k)) : null);
                yHat.add(lu.solve(b));
            } catch (SingularMatrixException e) {
                throw new ArithmeticException("block-tridiagonal elimination: Schur complement of block row " + k
                        + " is singular");
            }
        }
        List<FieldMatrix<Complex>> x = new ArrayList<>(Collections.nCopies(n, null));
        x.set(n - 1, yHat.get(n - 1));
        for (int k = n - 2; k >= 0; k--) {
            x.set(k, yHat.get(k).subtract(cHat.get(k).multiply(x.get(k + 1))));
        }
        return x;
    }
}
