package org.hafnia.physics.api;

/**
 * A square linear operator y = A x on flat arrays, applied without forming the matrix. The
 * discrete elliptic operators of physics (conduction, heat, implicit diffusion) implement it;
 * the iterative solvers of the solver module consume it, so physics never depends on solvers.
 */
public interface LinearOperator {

    /** Number of unknowns n (A is n × n). */
    int size();

    /** Writes A x into {@code y} ({@code x} and {@code y} distinct, both of length n). */
    void apply(double[] x, double[] y);

    /** Writes the diagonal of A into {@code d} (for Jacobi preconditioning). */
    void diagonal(double[] d);
}
