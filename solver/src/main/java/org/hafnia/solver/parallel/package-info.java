/** Deterministic parallel loops over the rows of a grid. */
package org.hafnia.solver.parallel;
