/**
 * Case files: JSON input decks for {@code hafnia run} (grid with units, physics, initial state,
 * pulse protocol in volts and seconds, outputs, seed), read strictly — unknown keys, missing
 * units and out-of-range values are rejected with the key's JSON path and line — and run with
 * periodic atomic checkpoints so that a killed run resumes bit for bit. A plan-view case is the
 * one device model driven segment by segment ({@link org.hafnia.experiments.cases.DeviceRunCase},
 * {@link org.hafnia.experiments.cases.DeviceRun}); a 3D case is the reduced-unit reference film
 * ({@link org.hafnia.experiments.cases.RunCase}, {@link org.hafnia.experiments.cases.CaseRun}).
 */
package org.hafnia.experiments.cases;
