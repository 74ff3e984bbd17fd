/**
 * The denoising study (issue 10; Rao et al., Nature 615, 823 (2023)): trains of pulses of both
 * polarities, with a no-train and a 0 V control, applied to an ensemble of structural devices,
 * and what an experimenter measures before and after each train — the telegraph step from a read
 * trace by the published two-means analysis (physics.md §4), the read σ, the mean conductance —
 * and, from the channel map, whether the complete channel survived. The denoising window is
 * derived from these measurements, never set. Also the distinguishable levels with and without
 * denoising from programming the structural device (programming.md), and the trap census
 * ({@link org.hafnia.experiments.denoise.TrapCensusStudy}): where a case's read noise comes from,
 * trap by trap, as made and at the programmed levels.
 */
package org.hafnia.experiments.denoise;
