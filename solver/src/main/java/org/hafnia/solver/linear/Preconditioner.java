package org.hafnia.solver.linear;

/** A symmetric positive-definite approximation M of a matrix A, applied as z = M⁻¹ r. */
public interface Preconditioner {

    /** Writes M⁻¹ r into {@code z} (distinct arrays). */
    void apply(double[] r, double[] z);

    /** Short name for reports. */
    String name();
}
