/** Public interfaces of the solver: what a phase-field time stepper offers to protocols and experiments. */
package org.hafnia.solver.api;
