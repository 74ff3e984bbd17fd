/**
 * Time integrators and their stability limits: explicit and linearly stabilised semi-implicit
 * Allen–Cahn, spectral semi-implicit Cahn–Hilliard (periodic and zero flux), and adaptive Δt
 * by step doubling that never exceeds an explicit limit.
 */
package org.hafnia.solver.integrators;
