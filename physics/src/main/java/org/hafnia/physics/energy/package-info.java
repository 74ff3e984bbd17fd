/**
 * Free-energy densities of the insulating–conducting transition: the published DFT pathway
 * table with its derivative rule, a smooth spline of the same table, a parametric double
 * well, the quartic double well of the PFHub benchmarks, and the Ginzburg–Landau functional
 * that sums bulk and gradient energy over a grid.
 */
package org.hafnia.physics.energy;
