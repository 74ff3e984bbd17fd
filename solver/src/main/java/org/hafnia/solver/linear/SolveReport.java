package org.hafnia.solver.linear;

/**
 * Outcome of an iterative solve.
 *
 * @param iterations       iterations performed
 * @param relativeResidual ‖b − A x‖₂ / ‖b‖₂ reached (the true residual, recomputed at the end)
 * @param tolerance        the requested relative tolerance
 * @param converged        whether {@code relativeResidual ≤ tolerance}
 * @param preconditioner   name of the preconditioner
 */
public record SolveReport(int iterations, double relativeResidual, double tolerance, boolean converged,
                          String preconditioner) {
}
