package org.hafnia.solver.linear;

import java.util.function.Function;

import org.hafnia.physics.operators.StencilMatrix;

/**
 * The preconditioners of a {@link StencilMatrix}, by name, for solvers that build one per matrix.
 * Measured on device films (docs/kernels.md): IC(0) is the faster on thin films (≤ 8 layers), where
 * it needs ≈ 20 iterations; the multigrid halves the iterations and wins on thicker and larger
 * grids, whose IC(0) iteration count grows with the grid.
 */
public enum StencilPreconditioner {
    /** Zero fill-in incomplete Cholesky, {@link IncompleteCholesky}. */
    IC0(IncompleteCholesky::new),
    /** The aggregation V-cycle, {@link AggregationMultigrid}. */
    MULTIGRID(AggregationMultigrid::new);

    private final Function<StencilMatrix, Preconditioner> factory;

    StencilPreconditioner(Function<StencilMatrix, Preconditioner> factory) {
        this.factory = factory;
    }

    /** A new preconditioner of {@code a}. */
    public Preconditioner of(StencilMatrix a) {
        return factory.apply(a);
    }
}
