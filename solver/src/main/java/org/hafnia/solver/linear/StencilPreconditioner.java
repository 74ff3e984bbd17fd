package org.hafnia.solver.linear;

import java.util.function.Function;

import org.hafnia.physics.operators.StencilMatrix;

/**
 * The preconditioners of a {@link StencilMatrix}, by name, for solvers that build one per matrix.
 * Measured in CPU time per solve from zero (docs/kernels.md): the multigrid halves the iterations
 * but a V-cycle costs about two IC(0) sweeps, so the two are within ±25 % of each other on device
 * and run-deck films. IC(0) is the faster for conduction on layered films (32²–64² × 8, 40² × 10:
 * 0.79–0.95 of the multigrid's time) and stays {@code DeviceConductance}'s default; the multigrid is
 * the faster for the heat solve on the run deck's films and is {@code JouleHeating}'s default.
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
