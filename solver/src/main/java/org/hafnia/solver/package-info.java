/** Time integration of phase-field models: steppers, pulse protocols, parallel execution. */
package org.hafnia.solver;
