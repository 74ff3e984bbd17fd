/** Quantitative comparison of simulated and measured or published maps. */
package org.hafnia.postprocess.compare;
