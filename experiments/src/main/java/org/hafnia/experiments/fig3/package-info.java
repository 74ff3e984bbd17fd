/**
 * The published quantum-transport simulations (Rao et al., Nature 615, 823 (2023), Fig. 3b and
 * 3d; physics.md §3): electron density and Landauer conductance of an island-like and a
 * boundary-like channel next to trapped charges.
 */
package org.hafnia.experiments.fig3;
