package org.hafnia.solver.protocol;

/** Receives the events of a protocol run. All methods have empty defaults. */
public interface ProtocolListener {

    /** A snapshot point was reached; {@code phi} is a copy the listener may keep. */
    default void snapshot(String name, double[] phi, long step, double time) {
    }

    /** {@code done} of {@code total} steps are complete. */
    default void progress(long done, long total) {
    }
}
