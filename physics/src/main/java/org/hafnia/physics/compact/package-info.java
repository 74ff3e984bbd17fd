/**
 * Compact (array-level) device models: the {@link org.hafnia.physics.compact.ResistiveDevice}
 * seam that every device simulator implements (apply a pulse, read the conductance, and the
 * device's own energy law for both), the
 * saturating-exponential pulse response used by NeuroSim, a two-state telegraph noise source,
 * and a seeded stochastic compact device with bounds, nonlinear potentiation/depression,
 * cycle-to-cycle and device-to-device variation, write and read noise, RTN from incomplete
 * channels that subthreshold (denoising) pulses remove, and power-law drift; and an ECRAM
 * (ion-intercalation) cell with a linear, symmetric response and a gate-pulse write energy for
 * devices the film model does not describe. Both draw their device-to-device variation and noise
 * from one {@link org.hafnia.physics.compact.DeviceSpread}.
 */
package org.hafnia.physics.compact;
