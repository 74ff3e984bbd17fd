/**
 * Material models of HfO2 in SI units: conductivity σ(φ) (log-linear and percolation threshold),
 * Arrhenius mobility L(T), and the device-scale defaults of physics.md §6.
 */
package org.hafnia.physics.materials;
