package org.hafnia.physics.energy;

import java.util.Arrays;

import org.hafnia.meshes.InvalidInputException;

/**
 * A free-energy profile tabulated on a uniform grid of φ from 0 to 1: the DFT energy along the
 * transition pathway between insulating and conducting HfO2 (Rao et al., Nature 615, 823
 * (2023), Fig. 4; {@code reference/fig4/energy_profile.txt}).
 *
 * @param phi    nodes φ_n = n h, n = 0 … N, ascending from 0 to 1
 * @param energy energies E_n at the nodes, in {@code unit}
 * @param unit   energy unit (eV for the published table)
 */
public record EnergyProfile(double[] phi, double[] energy, String unit) {

    /** Tolerance on the uniformity of the φ nodes: the table is printed with ≥ 2 decimals. */
    private static final double NODE_TOLERANCE = 1e-9;

    public EnergyProfile {
        if (phi.length != energy.length) {
            throw new InvalidInputException("energy profile: " + phi.length + " φ values but " + energy.length + " energies");
        }
        if (phi.length < 3) {
            throw new InvalidInputException("energy profile: needs at least 3 nodes, got " + phi.length);
        }
        int n = phi.length - 1;
        for (int k = 0; k <= n; k++) {
            if (Math.abs(phi[k] - (double) k / n) > NODE_TOLERANCE) {
                throw new InvalidInputException("energy profile: node " + (k + 1) + " has φ = " + phi[k]
                        + ", expected the uniform grid value " + ((double) k / n) + " (φ from 0 to 1 in equal steps)");
            }
            if (!Double.isFinite(energy[k])) {
                throw new InvalidInputException("energy profile: node " + (k + 1) + " has a non-finite energy " + energy[k]);
            }
        }
        phi = phi.clone();
        energy = energy.clone();
    }

    /** Number of intervals N (20 for the published table). */
    public int intervals() {
        return phi.length - 1;
    }

    /** Node spacing h = 1/N. */
    public double spacing() {
        return 1.0 / intervals();
    }

    @Override
    public double[] phi() {
        return phi.clone();
    }

    @Override
    public double[] energy() {
        return energy.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyProfile p && Arrays.equals(phi, p.phi) && Arrays.equals(energy, p.energy)
                && unit.equals(p.unit);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(energy) + unit.hashCode();
    }

    @Override
    public String toString() {
        return "EnergyProfile[" + phi.length + " nodes, " + unit + "]";
    }
}
