package org.hafnia.physics.compact;

import org.hafnia.meshes.Grid2D;

/**
 * A resistive device simulated from its structure (the channel map φ and the fields it carries):
 * besides pulses and reads at its own read voltage, it reads at any voltage and shows its map.
 * A read is a short pulse: it disturbs the state by the same laws as any other pulse.
 */
public interface StructuralDevice extends ResistiveDevice {

    /**
     * One read at {@code volts} (V, signed) lasting {@code width} (s).
     *
     * @return the current (A, signed with the voltage), telegraph noise included
     */
    double readCurrent(double volts, double width);

    /** The plan-view grid of the channel map. */
    Grid2D grid();

    /** A copy of the channel map φ on {@link #grid()} (flat, row-major). */
    double[] phi();

    /**
     * A copy of the film temperature on {@link #grid()} now (K), or null for a device without a
     * thermal model. Read at the end of a pulse it is the pulse's heated state (the film's thermal
     * time is far below any pulse width), which shows where the pulse can move ions.
     */
    default double[] temperature() {
        return null;
    }

    /** The activation energy E_a of ion hopping (eV), NaN for a device without Arrhenius kinetics. */
    default double activationEnergy() {
        return Double.NaN;
    }
}
