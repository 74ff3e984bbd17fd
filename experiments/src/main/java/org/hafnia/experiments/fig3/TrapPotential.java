package org.hafnia.experiments.fig3;

import org.hafnia.physics.transport.PointTrap;

/** How trap B's screened Coulomb term is formed in the Fig. 3d cases (physics.md §3). */
public enum TrapPotential {

    /** −q k1 exp(−r_B/λ_D)/r_B: each trap's own distance (the default). */
    CONSISTENT,

    /**
     * −q k1 exp(−r_B/λ_D)/r_A: the published Fig. 3d data used trap A's distance in trap B's
     * 1/r denominator, in every case where trap B appears; this regenerates those columns.
     */
    PUBLISHED_FIG3D_VARIANT;

    /** Trap B as this variant forms it, given trap A. */
    public PointTrap trapB(PointTrap b, PointTrap a) {
        return this == CONSISTENT ? b : b.withCoulombCentreAt(a);
    }

    /** Key used in outputs. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
