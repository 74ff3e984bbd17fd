/**
 * Multilevel programming schemes on a simulated crossbar of devices (docs/programming.md), each
 * acting through {@link org.hafnia.physics.compact.ResistiveDevice} with what a tester knows (the
 * mean model, the characterised amplitudes, calibrations measured on reference devices):
 * write-verify, write-verify with denoising (Rao 2023), reset-voltage control (Kim 2021),
 * feedforward pulses (Diao 2025) and open-loop programming (Chen 2023); the figures of merit;
 * and the transfer of a trained classifier's weights to differential pairs.
 */
package org.hafnia.experiments.programming;
