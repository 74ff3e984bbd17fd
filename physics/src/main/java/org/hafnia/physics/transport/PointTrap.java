package org.hafnia.physics.transport;

import org.hafnia.meshes.InvalidInputException;

/**
 * A point charge beside the channel. Its potential energy for a conduction electron is the
 * screened Coulomb term −q k1 exp(−r/λ_D) / r_c, with r the distance from the trap and r_c the
 * distance from the Coulomb centre. Physically r_c = r (the Coulomb centre is the trap); a
 * different centre exists only to regenerate the published Fig. 3d data, whose trap-B term used
 * trap A's distance in the denominator (physics.md §3).
 *
 * @param x       position across the channel, nm (the channel occupies 0 ≤ x ≤ a)
 * @param y       position across the channel, nm (0 ≤ y ≤ b)
 * @param z       position along the channel, nm (the channel runs from −L/2 to L/2)
 * @param charge  trap charge in units of e; −1 for one trapped electron (a repulsive barrier)
 * @param centreX x of the point the 1/r denominator is measured from, nm
 * @param centreY y of that point, nm
 * @param centreZ z of that point, nm
 */
public record PointTrap(double x, double y, double z, double charge,
                        double centreX, double centreY, double centreZ) {

    public PointTrap {
        for (double v : new double[] {x, y, z, charge, centreX, centreY, centreZ}) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("trap: position and charge must be finite numbers, got (" + x + ", "
                        + y + ", " + z + ") nm, charge " + charge + " e");
            }
        }
    }

    /** A trapped electron (charge −e) at (x, y, z) nm: the published traps. */
    public static PointTrap electron(double x, double y, double z) {
        return of(x, y, z, -1);
    }

    /** A trap of {@code charge} (units of e) at (x, y, z) nm, with its own Coulomb centre. */
    public static PointTrap of(double x, double y, double z, double charge) {
        return new PointTrap(x, y, z, charge, x, y, z);
    }

    /** This trap with its 1/r denominator measured from {@code other}'s position (published Fig. 3d variant). */
    public PointTrap withCoulombCentreAt(PointTrap other) {
        return new PointTrap(x, y, z, charge, other.x, other.y, other.z);
    }

    /** Whether the 1/r denominator is measured from the trap itself (the physical potential). */
    public boolean consistent() {
        return centreX == x && centreY == y && centreZ == z;
    }
}
