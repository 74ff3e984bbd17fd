package org.hafnia.physics.transport;

import java.util.List;

/**
 * Potential energy of a conduction electron in the field of point traps, screened by the free
 * carriers (Debye–Hückel): U(r) = Σ_traps −q k1 exp(−|r − r_t| / λ_D) / |r − r_c|, in eV, with
 * q the trap charge in e, k1 = e²/4πε0 (eV nm), λ_D the Debye length and r_c the trap's Coulomb
 * centre (the trap itself, except in the published Fig. 3d variant; see {@link PointTrap}).
 * physics.md §3.
 */
public final class ScreenedCoulombPotential implements ModeCouplingMatrices.Potential {

    private final double coulombConstant;
    private final double debyeLength;
    private final double[] traps;

    /**
     * @param coulombConstant k1, eV nm
     * @param debyeLength     λ_D, nm
     */
    public ScreenedCoulombPotential(List<PointTrap> traps, double coulombConstant, double debyeLength) {
        this.coulombConstant = coulombConstant;
        this.debyeLength = debyeLength;
        this.traps = new double[7 * traps.size()];
        for (int k = 0; k < traps.size(); k++) {
            PointTrap t = traps.get(k);
            System.arraycopy(new double[] {t.x(), t.y(), t.z(), t.charge(), t.centreX(), t.centreY(), t.centreZ()}, 0,
                    this.traps, 7 * k, 7);
        }
    }

    /** U(x, y, z), eV, at a point (nm) off every trap and Coulomb centre. */
    @Override
    public double energy(double x, double y, double z) {
        double u = 0;
        for (int k = 0; k < traps.length; k += 7) {
            double r = Math.sqrt(sq(x - traps[k]) + sq(y - traps[k + 1]) + sq(z - traps[k + 2]));
            double rc = Math.sqrt(sq(x - traps[k + 4]) + sq(y - traps[k + 5]) + sq(z - traps[k + 6]));
            u -= traps[k + 3] * coulombConstant * Math.exp(-r / debyeLength) / rc;
        }
        return u;
    }

    private static double sq(double v) {
        return v * v;
    }
}
