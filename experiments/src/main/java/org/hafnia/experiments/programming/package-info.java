/**
 * Multilevel programming schemes on a simulated crossbar of compact devices (programming.md):
 * write-verify, write-verify with denoising (Rao 2023), reset-voltage control (Kim 2021),
 * feedforward pulses (Diao 2025) and open-loop programming (Chen 2023); the figures of merit;
 * and the transfer of a trained classifier's weights to differential pairs.
 */
package org.hafnia.experiments.programming;
