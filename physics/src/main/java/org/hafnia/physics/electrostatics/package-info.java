/**
 * Electrostatics of a memristor film: ∇·(σ(φ)∇V) = 0 between the electrodes (physics.md §1.3).
 * This package builds the discrete problem (a symmetric positive-definite
 * {@link org.hafnia.physics.api.LinearOperator} and its right-hand side) and evaluates currents,
 * fields and Joule heat from a potential. Solving it is the job of the solver module
 * ({@code org.hafnia.solver.device.DeviceConductance}, preconditioned conjugate gradients), since
 * the module arrows run physics → meshes only.
 */
package org.hafnia.physics.electrostatics;
