/**
 * {@code hafnia array}: an array of phase-field devices, each with its own seeded channel map and
 * material variation, programmed by a scheme and read after a delay; per-batch commits for resume.
 */
package org.hafnia.experiments.array;
