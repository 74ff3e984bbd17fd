package org.hafnia.physics.api;

/**
 * Bulk free-energy density f(φ) of the channel order parameter φ ∈ [0, 1]
 * (0 = insulating HfO2, 1 = conducting HfO2−x), in the energy unit of {@link #unit()}.
 * Implementations are immutable and safe to call from many threads.
 */
public interface FreeEnergyDensity {

    /** f(φ). */
    double value(double phi);

    /** f'(φ) = df/dφ as used by the dynamics (for the published table, its derivative rule). */
    double derivative(double phi);

    /**
     * An upper bound of |f''(φ)| on [0, 1], used by the explicit stability limit
     * Δt · L · (2κ Σ 1/h² + max|f''|) ≤ 1.
     */
    double maxCurvature();

    /**
     * An upper bound of |f''| on [lo, hi] (for stabilised schemes whose field stays in a known
     * range); defaults to the bound on [0, 1], which is valid only for ranges inside it.
     */
    default double maxCurvature(double lo, double hi) {
        return maxCurvature();
    }

    /** Short name used in reports and file attributes. */
    String name();

    /** Unit of f, e.g. {@code eV} or {@code 1} for reduced units. */
    default String unit() {
        return "1";
    }
}
