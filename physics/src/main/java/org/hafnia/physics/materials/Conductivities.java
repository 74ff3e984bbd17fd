package org.hafnia.physics.materials;

import org.hafnia.meshes.InvalidInputException;

/** Checks shared by the conductivity models. */
final class Conductivities {

    private Conductivities() {
    }

    static void requireRange(double off, double on) {
        if (!(off > 0) || !Double.isFinite(off)) {
            throw new InvalidInputException("σ_off must be positive and finite (S/m), got " + off);
        }
        if (!(on >= off) || !Double.isFinite(on)) {
            throw new InvalidInputException("σ_on must be finite and ≥ σ_off = " + off + " S/m, got " + on);
        }
    }
}
