/**
 * Iterative linear solvers on flat arrays: preconditioned conjugate gradients with IC(0) or
 * Jacobi preconditioning, for the symmetric positive-definite operators of physics
 * ({@link org.hafnia.physics.api.LinearOperator}).
 */
package org.hafnia.solver.linear;
