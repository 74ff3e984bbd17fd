/**
 * Fused, allocation-free stencil kernels on flat row-major arrays: the explicit Allen–Cahn
 * update and the 5/7-point Laplacian. Interior rows run a loop without boundary branches;
 * boundary nodes are peeled off and use the ghost formula of their face.
 */
package org.hafnia.solver.kernels;
