/** Fourier transforms on flat 2D arrays for the spectral (periodic) solvers. */
package org.hafnia.solver.spectral;
