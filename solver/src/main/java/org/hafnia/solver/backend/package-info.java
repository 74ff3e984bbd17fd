/**
 * Interchangeable implementations of the Allen–Cahn step: the fused Java kernels (default) and
 * optional backends such as ND4J, loaded by name only when selected.
 */
package org.hafnia.solver.backend;
