/**
 * Public interfaces of the solver: what a phase-field time stepper offers to protocols and
 * experiments ({@link org.hafnia.solver.api.PhaseFieldStepper}, fixed Δt) and what an
 * integrator offers to adaptive step control ({@link org.hafnia.solver.api.OneStepMethod}).
 */
package org.hafnia.solver.api;
