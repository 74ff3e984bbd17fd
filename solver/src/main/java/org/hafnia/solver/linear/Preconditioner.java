package org.hafnia.solver.linear;

/** A symmetric positive-definite approximation M of a matrix A, applied as z = M⁻¹ r. */
public interface Preconditioner {

    /** Writes M⁻¹ r into {@code z} (distinct arrays). */
    void apply(double[] r, double[] z);

    /**
     * Re-reads the coefficients of its matrix after they were updated in place (same grid), giving
     * the preconditioner a new instance would be, without allocating.
     *
     * @throws UnsupportedOperationException when this preconditioner cannot
     */
    default void refactor() {
        throw new UnsupportedOperationException(name() + " cannot be refactored in place");
    }

    /** Short name for reports. */
    String name();
}
