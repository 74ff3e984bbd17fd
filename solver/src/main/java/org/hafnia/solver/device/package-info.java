/**
 * The device: {@link org.hafnia.solver.device.FilmDevice}, the one physical device model (with its
 * transient heat model {@link org.hafnia.solver.device.FilmHeat}), and the device-level solves that
 * need the linear solver and serve as its verification reference: conductance and current of a 3D
 * film at a read voltage and its steady Joule-heating temperature. The operators come from
 * {@code org.hafnia.physics.electrostatics} and {@code org.hafnia.physics.operators}; this
 * package only solves them, which keeps the module arrows physics → meshes, solver → physics.
 */
package org.hafnia.solver.device;
