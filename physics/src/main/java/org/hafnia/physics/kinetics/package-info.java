/**
 * Couplings of the phase-field kinetics to the device (physics.md §1.3): the field- or
 * current-driven bias profile, seeded, thread-count-independent Langevin noise, and a sequential
 * SplitMix64 generator whose state can be copied (a device's read noise).
 */
package org.hafnia.physics.kinetics;
