/**
 * Time integrators and their stability limits: explicit Allen–Cahn, spectral linearly
 * stabilised semi-implicit Cahn–Hilliard (periodic and zero flux), and adaptive Δt
 * by step doubling that never exceeds an explicit limit.
 */
package org.hafnia.solver.integrators;
