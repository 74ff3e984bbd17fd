/**
 * Device characterisation: the phase-field device case, the plan-view phase-field device
 * simulator, and the characterisation protocol run over a seeded ensemble of devices in
 * parallel (potentiation/depression cycles, read-only traces, denoising trains, retention,
 * amplitude sweep), whose result the extraction turns into compact parameters.
 */
package org.hafnia.experiments.characterisation;
