package org.hafnia.solver.linear;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.LinearOperator;

/**
 * Preconditioned conjugate gradients for A x = b with A symmetric positive definite
 * (Hestenes & Stiefel 1952; Saad, Iterative Methods for Sparse Linear Systems, 2nd ed.,
 * Alg. 9.1). Stops when the recursively updated residual satisfies ‖r‖₂ ≤ tol ‖b‖₂; the
 * reported residual is recomputed from b − A x. Work arrays are allocated once per instance,
 * so repeated solves (one per time step) allocate nothing.
 */
public final class ConjugateGradient {

    private final LinearOperator a;
    private final Preconditioner m;
    private final double tolerance;
    private final int maxIterations;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] q;

    /**
     * @param a             the matrix
     * @param m             its preconditioner
     * @param tolerance     relative residual target (> 0)
     * @param maxIterations iteration cap (≥ 1)
     */
    public ConjugateGradient(LinearOperator a, Preconditioner m, double tolerance, int maxIterations) {
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new InvalidInputException("CG needs a positive tolerance and ≥ 1 iteration, got "
                    + tolerance + ", " + maxIterations);
        }
        this.a = a;
        this.m = m;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        int n = a.size();
        r = new double[n];
        z = new double[n];
        p = new double[n];
        q = new double[n];
    }

    /**
     * Solves A x = b starting from the given {@code x} (overwritten with the solution).
     *
     * @return iterations and residual; {@code converged} is false when the cap was hit
     */
    public SolveReport solve(double[] b, double[] x) {
        int n = b.length;
        double bnorm = Math.sqrt(dot(b, b));
        if (bnorm == 0) {
            java.util.Arrays.fill(x, 0);
            return new SolveReport(0, 0, tolerance, true, m.name());
        }
        a.apply(x, q);
        for (int i = 0; i < n; i++) {
            r[i] = b[i] - q[i];
        }
        m.apply(r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = dot(r, z);
        double target = tolerance * bnorm;
        int it = 0;
        while (it < maxIterations && Math.sqrt(dot(r, r)) > target) {
            a.apply(p, q);
            double alpha = rz / dot(p, q);
            for (int i = 0; i < n; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }
            m.apply(r, z);
            double rzNew = dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            for (int i = 0; i < n; i++) {
                p[i] = z[i] + beta * p[i];
            }
            it++;
        }
        a.apply(x, q);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = b[i] - q[i];
            s += d * d;
        }
        double rel = Math.sqrt(s) / bnorm;
        return new SolveReport(it, rel, tolerance, rel <= tolerance, m.name());
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}
