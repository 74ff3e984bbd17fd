/**
 * Checkpoints of a protocol run: the field, the position in the schedule and the history
 * recorded so far, in a versioned binary form with a checksum, so that a run continued from a
 * checkpoint ends bit for bit where the uninterrupted run ends.
 */
package org.hafnia.solver.checkpoint;
