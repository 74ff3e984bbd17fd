/**
 * Couplings of the phase-field kinetics to the device (physics.md §1.3): the field- or
 * current-driven bias profile and seeded, thread-count-independent Langevin noise.
 */
package org.hafnia.physics.kinetics;
