package org.hafnia.physics.api;

import org.hafnia.meshes.Grid2D;

/**
 * Random telegraph noise of a device that comes from its structure (Rao et al., Nature 615, 823
 * (2023), Fig. 3): charge traps in the partially reduced oxide of the channel map φ, each with
 * the conductance step that its charge causes and a two-state occupancy. Implementations are not
 * thread-safe; one device owns one source.
 */
public interface TelegraphNoiseSource {

    /**
     * Re-reads the structure: traps appear, stay or disappear with the channel map.
     *
     * @param grid plan-view grid of the map (spacings in {@code grid.unit()})
     * @param phi  the channel map φ on {@code grid}, flat, row-major
     */
    void update(Grid2D grid, double[] phi);

    /** Advances every trap's occupancy by {@code seconds} (s) at the applied voltage {@code volts} (V, signed). */
    void advance(double seconds, double volts);

    /** The conductance change that the charged traps cause in a read at {@code volts} (V, signed), in S. */
    double conductanceChange(double volts);

    /**
     * An independent source in this one's present state (traps, occupancies, the position of its
     * random streams): driven alike, the two give the same noise bit for bit, and driving one does not
     * change the other.
     */
    TelegraphNoiseSource copy();
}
