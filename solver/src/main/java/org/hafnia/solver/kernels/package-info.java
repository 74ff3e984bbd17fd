/**
 * Fused, allocation-free stencil kernels on flat row-major arrays: the explicit Allen–Cahn
 * update and the 5/7-point Laplacian. Interior nodes run a loop without boundary branches —
 * SIMD on the Vector API when the JVM resolves {@code jdk.incubator.vector}, scalar otherwise,
 * with the same bits; ghost rows of non-periodic faces are built per thread, and the first and
 * last node of each row use the ghost formula of their face. Also the heat model's cosine transform
 * ({@link org.hafnia.solver.kernels.CosineTransform}: one even/odd split per axis, the products
 * {@link org.hafnia.solver.kernels.MatrixProduct}) and exact mode step
 * ({@link org.hafnia.solver.kernels.ModeSteps}), the log-linear σ(φ) over rows
 * ({@link org.hafnia.solver.kernels.LogLinearRows}), and the per-node rates of the device's
 * ion hop ({@link org.hafnia.solver.kernels.HoppingRates}: Arrhenius mobility and sinh drive from
 * {@link org.hafnia.solver.kernels.Exp} and {@link org.hafnia.solver.kernels.Sinh}, plain arithmetic
 * that the SIMD rows repeat bit for bit), and the rows of the device's stabilised Allen–Cahn step
 * ({@link org.hafnia.solver.kernels.StabilisedRows}, SIMD lanes with the scalar bits and early exit).
 */
package org.hafnia.solver.kernels;
