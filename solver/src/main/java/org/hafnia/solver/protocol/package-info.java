/**
 * Pulse protocols: sequences of bias segments in model units with named snapshot points
 * ({@link org.hafnia.solver.protocol.PulseProtocol}), and protocols in physical units (volts,
 * seconds: pulses with rise and fall, gaps, reads of G, trains, waveforms;
 * {@link org.hafnia.solver.protocol.VoltageProtocol}) converted by a voltage → bias law and a
 * time scale τ0 to a resumable {@link org.hafnia.solver.protocol.Schedule} of model steps.
 */
package org.hafnia.solver.protocol;
