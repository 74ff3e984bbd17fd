/**
 * Fused, allocation-free stencil kernels on flat row-major arrays: the explicit Allen–Cahn
 * update and the 5/7-point Laplacian. Interior nodes run a loop without boundary branches —
 * SIMD on the Vector API when the JVM resolves {@code jdk.incubator.vector}, scalar otherwise,
 * with the same bits; ghost rows of non-periodic faces are built per thread, and the first and
 * last node of each row use the ghost formula of their face.
 */
package org.hafnia.solver.kernels;
