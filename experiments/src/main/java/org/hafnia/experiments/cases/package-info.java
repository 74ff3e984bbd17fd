/**
 * Case files: JSON input decks for {@code hafnia run} (grid with units, physics, initial state,
 * pulse protocol in volts and seconds, outputs, seed), read strictly — unknown keys, missing
 * units and out-of-range values are rejected with the key's JSON path and line — and run with
 * periodic atomic checkpoints so that a killed run resumes bit for bit.
 */
package org.hafnia.experiments.cases;
