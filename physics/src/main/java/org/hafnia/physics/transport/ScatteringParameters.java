package org.hafnia.physics.transport;

import java.util.List;

import org.hafnia.meshes.InvalidInputException;

/**
 * Inputs of a multimode scattering calculation (physics.md §3). Lengths in nm, energies in eV.
 * The channel is the box 0 ≤ x ≤ a, 0 ≤ y ≤ b, −L/2 ≤ z ≤ L/2 with hard walls in x and y and
 * open (plane-wave) leads at z = ∓L/2. {@link #PUBLISHED} holds the published values (Rao et
 * al., Nature 615, 823 (2023), Fig. 3b) without traps; {@link #builder()} starts from it.
 *
 * @param widthX              a, channel width along x, nm (published 1 nm for Fig. 3b, 3 nm for 3d)
 * @param widthY              b, channel width along y, nm (published b = a)
 * @param length              L, channel length along z, nm (published 6)
 * @param modesX              transverse modes p = 1 … modesX (published 2)
 * @param modesY              transverse modes q = 1 … modesY (published 2)
 * @param energy              E, electron energy above the lowest transverse level, eV (published 0.2)
 * @param effectiveMass       effective mass in units of m_e (published 0.11)
 * @param hbar2Over2me        ħ²/2m_e, eV nm² (published 0.03810, the CODATA value to 4 digits)
 * @param coulombConstant     k1 = e²/4πε0, eV nm (published 1.440, the CODATA value to 4 digits;
 *                            the published potential has no 1/ε_r, ε_r enters only through λ_D)
 * @param debyePrefactor      λ_D = debyePrefactor · sqrt(ε_r T / n), nm with T in K and n in cm⁻³
 *                            (published 0.0690·10⁹ nm, the CODATA value sqrt(ε0 k_B/e²) to 3 digits)
 * @param permittivity        relative permittivity ε_r (published 16)
 * @param temperature         T, K (published 300)
 * @param carrierDensity      n, cm⁻³ (published 5·10¹⁸, 10¹⁹, 10³⁰)
 * @param traps               point charges beside the channel
 * @param intervals           grid intervals along z, nz (published 100: 101 nodes)
 * @param quadraturePoints    midpoint-rule points per transverse direction (published 20)
 * @param leads               discretisation of the open leads (published: {@link LeadModel#PUBLISHED})
 */
public record ScatteringParameters(double widthX, double widthY, double length, int modesX, int modesY,
                                   double energy, double effectiveMass, double hbar2Over2me,
                                   double coulombConstant, double debyePrefactor, double permittivity,
                                   double temperature, double carrierDensity, List<PointTrap> traps,
                                   int intervals, int quadraturePoints, LeadModel leads) {

    /** The published parameters of Fig. 3b (island channel, a = b = 1 nm, n = 5·10¹⁸ cm⁻³), no trap. */
    public static final ScatteringParameters PUBLISHED = new ScatteringParameters(1.0, 1.0, 6.0, 2, 2, 0.2, 0.11,
            0.03810, 1.440, 0.0690e9, 16, 300, 5e18, List.of(), 100, 20, LeadModel.PUBLISHED);

    public ScatteringParameters {
        positive("width_x_nm", widthX);
        positive("width_y_nm", widthY);
        positive("length_nm", length);
        positive("energy_eV", energy);
        positive("effective_mass", effectiveMass);
        positive("hbar2_over_2me_eV_nm2", hbar2Over2me);
        positive("coulomb_constant_eV_nm", coulombConstant);
        positive("debye_prefactor_nm", debyePrefactor);
        positive("permittivity", permittivity);
        positive("temperature_K", temperature);
        positive("carrier_density_cm3", carrierDensity);
        atLeast("modes_x", modesX, 1);
        atLeast("modes_y", modesY, 1);
        atLeast("intervals", intervals, 2);
        atLeast("quadrature_points", quadraturePoints, 1);
        if (leads == null) {
            throw new InvalidInputException("leads: expected a lead model, got none");
        }
        traps = List.copyOf(traps);
        for (int k = 0; k < traps.size(); k++) {
            PointTrap t = traps.get(k);
            if (inside(t.x(), t.y(), widthX, widthY) || inside(t.centreX(), t.centreY(), widthX, widthY)) {
                throw new InvalidInputException("traps[" + k + "]: at x = " + t.x() + " nm, y = " + t.y()
                        + " nm it lies in the channel cross-section [0, " + widthX + "] × [0, " + widthY
                        + "] nm; traps (and Coulomb centres) must lie outside it");
            }
        }
    }

    private static boolean inside(double x, double y, double a, double b) {
        return x >= 0 && x <= a && y >= 0 && y <= b;
    }

    private static void positive(String key, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(key + ": expected a finite positive number, got " + v);
        }
    }

    private static void atLeast(String key, int v, int min) {
        if (v < min) {
            throw new InvalidInputException(key + ": expected an integer ≥ " + min + ", got " + v);
        }
    }

    /** c = ħ²/2m*, eV nm². */
    public double kineticScale() {
        return hbar2Over2me / effectiveMass;
    }

    /** λ_D = debyePrefactor · sqrt(ε_r T / n), nm. */
    public double debyeLength() {
        return debyePrefactor * Math.sqrt(permittivity * temperature / carrierDensity);
    }

    /** Grid spacing dz = L / nz, nm. */
    public double spacing() {
        return length / intervals;
    }

    /** Node positions z_l = −L/2 + l dz, l = 0 … nz, nm. */
    public double[] nodes() {
        double[] z = new double[intervals + 1];
        for (int l = 0; l <= intervals; l++) {
            z[l] = -0.5 * length + l * spacing();
        }
        return z;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(PUBLISHED);
    }

    /** Builds parameters from {@link #PUBLISHED}, changing only what is set. */
    public static final class Builder {
        private double widthX;
        private double widthY;
        private double length;
        private int modesX;
        private int modesY;
        private double energy;
        private double effectiveMass;
        private double hbar2Over2me;
        private double coulombConstant;
        private double debyePrefactor;
        private double permittivity;
        private double temperature;
        private double carrierDensity;
        private List<PointTrap> traps;
        private int intervals;
        private int quadraturePoints;
        private LeadModel leads;

        private Builder(ScatteringParameters p) {
            widthX = p.widthX;
            widthY = p.widthY;
            length = p.length;
            modesX = p.modesX;
            modesY = p.modesY;
            energy = p.energy;
            effectiveMass = p.effectiveMass;
            hbar2Over2me = p.hbar2Over2me;
            coulombConstant = p.coulombConstant;
            debyePrefactor = p.debyePrefactor;
            permittivity = p.permittivity;
            temperature = p.temperature;
            carrierDensity = p.carrierDensity;
            traps = p.traps;
            intervals = p.intervals;
            quadraturePoints = p.quadraturePoints;
            leads = p.leads;
        }

        /** Square cross-section a × a, nm. */
        public Builder width(double a) {
            return crossSection(a, a);
        }

        public Builder crossSection(double a, double b) {
            widthX = a;
            widthY = b;
            return this;
        }

        public Builder length(double l) {
            length = l;
            return this;
        }

        public Builder modes(int px, int qy) {
            modesX = px;
            modesY = qy;
            return this;
        }

        public Builder energy(double e) {
            energy = e;
            return this;
        }

        public Builder effectiveMass(double m) {
            effectiveMass = m;
            return this;
        }

        public Builder hbar2Over2me(double v) {
            hbar2Over2me = v;
            return this;
        }

        public Builder coulombConstant(double k1) {
            coulombConstant = k1;
            return this;
        }

        public Builder debyePrefactor(double v) {
            debyePrefactor = v;
            return this;
        }

        public Builder permittivity(double eps) {
            permittivity = eps;
            return this;
        }

        public Builder temperature(double t) {
            temperature = t;
            return this;
        }

        public Builder carrierDensity(double n) {
            carrierDensity = n;
            return this;
        }

        public Builder traps(List<PointTrap> t) {
            traps = t;
            return this;
        }

        public Builder traps(PointTrap... t) {
            return traps(List.of(t));
        }

        public Builder intervals(int nz) {
            intervals = nz;
            return this;
        }

        public Builder quadraturePoints(int n) {
            quadraturePoints = n;
            return this;
        }

        public Builder leads(LeadModel l) {
            leads = l;
            return this;
        }

        public ScatteringParameters build() {
            return new ScatteringParameters(widthX, widthY, length, modesX, modesY, energy, effectiveMass,
                    hbar2Over2me, coulombConstant, debyePrefactor, permittivity, temperature, carrierDensity, traps,
                    intervals, quadraturePoints, leads);
        }
    }
}
