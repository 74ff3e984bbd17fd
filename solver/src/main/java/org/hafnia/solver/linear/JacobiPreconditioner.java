package org.hafnia.solver.linear;

import org.hafnia.physics.api.LinearOperator;

/** Diagonal (Jacobi) preconditioning, M = diag(A): the baseline for any {@link LinearOperator}. */
public final class JacobiPreconditioner implements Preconditioner {

    private final double[] inverseDiagonal;

    public JacobiPreconditioner(LinearOperator a) {
        inverseDiagonal = new double[a.size()];
        a.diagonal(inverseDiagonal);
        for (int p = 0; p < inverseDiagonal.length; p++) {
            inverseDiagonal[p] = 1 / inverseDiagonal[p];
        }
    }

    @Override
    public void apply(double[] r, double[] z) {
        for (int p = 0; p < r.length; p++) {
            z[p] = inverseDiagonal[p] * r[p];
        }
    }

    @Override
    public String name() {
        return "Jacobi";
    }
}
