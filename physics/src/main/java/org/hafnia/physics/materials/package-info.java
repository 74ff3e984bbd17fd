/**
 * Material models of HfO2 in SI units: conductivity σ(φ) (log-linear and percolation threshold)
 * and the device-scale defaults of physics.md §6. The Arrhenius mobility is the device's
 * ({@code solver.device.FilmDevice.Model#siteMobility}).
 */
package org.hafnia.physics.materials;
