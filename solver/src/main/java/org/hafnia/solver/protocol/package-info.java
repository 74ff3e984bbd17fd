/** Pulse protocols: sequences of bias segments with named snapshot points, and their runner. */
package org.hafnia.solver.protocol;
