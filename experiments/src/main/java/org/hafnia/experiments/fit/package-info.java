/**
 * Inverse fitting: the parameters of the phase-field protocol that make the simulation started
 * from one map best match another (BOBYQA / Brent multi-start, integer parameters profiled).
 */
package org.hafnia.experiments.fit;
