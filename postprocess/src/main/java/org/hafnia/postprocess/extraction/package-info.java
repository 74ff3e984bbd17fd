/**
 * Extraction of compact device parameters from simulated pulse responses: bounds and their
 * spreads, NeuroSim nonlinearity, the piecewise step table, step spreads, write and read noise
 * with RTN, the denoising factor, drift and distinguishable levels, each with unit and
 * uncertainty (anchors.md, "Crossbar simulators and the parameters they consume").
 */
package org.hafnia.postprocess.extraction;
