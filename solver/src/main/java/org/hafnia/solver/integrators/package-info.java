/** Time integrators of the Allen–Cahn equation and their stability limits. */
package org.hafnia.solver.integrators;
