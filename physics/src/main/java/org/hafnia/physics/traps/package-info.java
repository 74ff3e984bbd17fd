/**
 * Random telegraph noise from the structure (issue 10; physics.md §3, §4): charge traps placed
 * with a seeded areal density in the partially reduced oxide of the channel map φ beside the
 * conducting paths, each with the conductance step that the multimode scattering model of
 * {@code physics.transport} gives for its distance from the path and the path's width, and a
 * two-state Markov occupancy whose lifetimes follow the τ(V) laws measured on the reference
 * device ({@code reference/rtn}).
 */
package org.hafnia.physics.traps;
