/**
 * Device-level solves that need the linear solver: conductance and current at a read voltage,
 * and the steady Joule-heating temperature. The operators come from
 * {@code org.hafnia.physics.electrostatics} and {@code org.hafnia.physics.operators}; this
 * package only solves them, which keeps the module arrows physics → meshes, solver → physics.
 */
package org.hafnia.solver.device;
