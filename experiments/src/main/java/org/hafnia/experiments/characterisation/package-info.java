/**
 * Device characterisation: the characterisation protocol run over a seeded ensemble of devices
 * (the one device model, made by {@link org.hafnia.experiments.device.DeviceCaseFile}) in parallel
 * (potentiation/depression cycles, read-only traces, denoising trains, retention, amplitude
 * sweep), whose result the extraction turns into compact parameters.
 */
package org.hafnia.experiments.characterisation;
