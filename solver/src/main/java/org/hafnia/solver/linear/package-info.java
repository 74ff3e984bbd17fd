/**
 * Iterative linear solvers on flat arrays: preconditioned conjugate gradients with IC(0),
 * aggregation multigrid or Jacobi preconditioning, for the symmetric positive-definite operators
 * of physics ({@link org.hafnia.physics.api.LinearOperator}). Preconditioners of a
 * {@link org.hafnia.physics.operators.StencilMatrix} refactor in place for the next pulse.
 */
package org.hafnia.solver.linear;
