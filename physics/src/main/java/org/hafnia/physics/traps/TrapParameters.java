package org.hafnia.physics.traps;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.transport.LeadModel;
import org.hafnia.physics.transport.PointTrap;
import org.hafnia.physics.transport.ScatteringParameters;

/**
 * Parameters of the charge traps of a channel map (issue 10, docs/traps.md). Lengths in nm,
 * energies in eV, densities as stated. {@link #DEFAULT} holds the values with their sources;
 * {@link #builder()} starts from it.
 *
 * <p>Structure. A node of the plan-view map is <em>conducting</em> when φ ≥ {@code phiChannel}
 * and <em>partially reduced</em> when {@code phiMin} ≤ φ &lt; {@code phiChannel}; traps sit
 * only in partially reduced oxide within {@code maxDistance} of a conducting path.
 *
 * <p>Scattering. A trap's conductance step is computed by the multimode scattering model of
 * physics.md §3 ({@link org.hafnia.physics.transport.ChannelScattering}) for a square channel
 * segment of side a (the local path's width) and length {@code segmentLength}, with the trap of
 * charge {@code trapCharge} at distance d outside one face, mid-segment; every other input of
 * that model (ħ²/2mₑ, k1, the Debye prefactor, 2 × 2 modes, nz = 100, 20 × 20 quadrature) is the
 * published value of {@link ScatteringParameters#PUBLISHED}. The leads are
 * {@link LeadModel#LATTICE}, exact for the discretised lead: with the published leads the empty
 * segment already reflects at O(k dz) (|r|² ≈ 10⁻⁵), and that spurious wave interferes with the
 * trap's, which gives ΔT of either sign at the 10⁻⁴ level far from the path.
 *
 * <p>Occupancy. A trap is charged (the device in its low-current state) for exponential dwells
 * of mean τ0(V) = {@code chargedLifetime} and neutral (high-current state) for τ1(V) =
 * {@code neutralLifetime}: measured material inputs, the τ(V) laws that {@code hafnia rtn}
 * fits to {@code reference/rtn} (physics.md §4).
 *
 * @param arealDensity    density of electrically active traps per plan-view area of partially
 *                        reduced oxide, nm⁻² (default 0.15 nm⁻² = 1.5·10¹³ cm⁻², i.e. 3·10¹⁹ cm⁻³ over a
 *                        5 nm film, inside the 10¹⁸–10²¹ cm⁻³ of oxygen-vacancy trap densities used for
 *                        HfO2 in the RRAM literature; chosen so that a 3 nm channel with the fringe of
 *                        docs/traps.md holds one trap on average, as the two-level reference traces
 *                        show one dominant trap; it sets how many traps, not their steps)
 * @param phiMin          lowest φ that counts as partially reduced (default 0.1: the 10 % end of
 *                        the 10–90 % interface of the φ profile; below it the oxide is insulating HfO2)
 * @param phiChannel      φ from which a node conducts, and the upper end of partially reduced
 *                        oxide (default 0.5: the barrier top of the double well between φ = 0 and
 *                        φ = 1, physics.md §1.1; a region that passes it has completed)
 * @param maxDistance     largest trap–path distance considered, nm (default 2 nm ≈ 2.5 λ_D at the
 *                        default carrier density, where the step of the default device's path, a = 3.4 nm,
 *                        has fallen to 0.04 % of its value at 0.25 nm; docs/traps.md)
 * @param trapCharge      charge of a charged trap, units of e (default −1: one captured electron,
 *                        as in physics.md §3)
 * @param fermiEnergy     E_F above the lowest transverse level of the segment, eV (default 0.2, the
 *                        energy of physics.md §3)
 * @param carrierDensity  free-carrier density of the conducting path that screens the trap, cm⁻³
 *                        (default 3.6·10¹⁹, λ_D = 0.80 nm: <b>calibrated</b> on the default device case's
 *                        own ensemble, devices 1–200 of {@code hfo2-device.json} at its 0.5 nm spacing with
 *                        the grid-converged placement, so that the median dominant-trap step is the
 *                        measured 0.32 µA at −0.15 V of reference/rtn (0.330 µA, z = 1 interval
 *                        0.301–0.367 µA; docs/traps.md); between the 10¹⁹ cm⁻³ of physics.md §3 and the ≈ 10²¹ cm⁻³ of a
 *                        metallic sub-oxide)
 * @param effectiveMass   conduction-band effective mass, mₑ (default 0.11, physics.md §3)
 * @param permittivity    relative permittivity in λ_D (default 16, physics.md §3)
 * @param temperature     temperature in λ_D, K (default 300, physics.md §3)
 * @param segmentLength   length of the scattering segment along the film normal, nm (default 5:
 *                        the film thickness of the device case, physics.md §6)
 * @param maxBias         largest |V| whose bias window [E_F − |V|/2, E_F + |V|/2] (in eV for an
 *                        electron) the step table covers, V (default 0.3; wider windows are clipped to it)
 * @param chargedLifetime τ0(V), lifetime of the charged (low-current) state (measured, reference/rtn)
 * @param neutralLifetime τ1(V), lifetime of the neutral (high-current) state (measured, reference/rtn)
 */
public record TrapParameters(double arealDensity, double phiMin, double phiChannel, double maxDistance,
                             double trapCharge, double fermiEnergy, double carrierDensity, double effectiveMass,
                             double permittivity, double temperature, double segmentLength, double maxBias,
                             LifetimeLaw chargedLifetime, LifetimeLaw neutralLifetime) {

    /**
     * τ0 of the reference device, the fit of {@code hafnia rtn} (published analysis) to
     * {@code reference/rtn}: τ_p = 12.17 ± 0.82 ms, s = 0.31 ± 0.32 V⁻¹ (flat within its error;
     * 11.6 / 11.5 / 11.2 ms at −0.15 / −0.20 / −0.25 V), to three digits; checked by
     * MeasuredTrapLifetimesTest (experiments).
     */
    public static final LifetimeLaw MEASURED_CHARGED = new LifetimeLaw(12.2e-3, 0.31);

    /**
     * τ1 of the reference device, the fit of {@code hafnia rtn} (published analysis) to
     * {@code reference/rtn}: τ_p = 70.1 ± 4.6 ms, s = 11.36 ± 0.31 V⁻¹ (V0 = 0.0880 V; 12.3 ms at
     * −0.15 V falling to 3.95 ms at −0.25 V), to three digits; checked by MeasuredTrapLifetimesTest.
     */
    public static final LifetimeLaw MEASURED_NEUTRAL = new LifetimeLaw(70.1e-3, 11.36);

    /** The default parameters (sources in the record's Javadoc). */
    public static final TrapParameters DEFAULT = new TrapParameters(0.15, 0.1, 0.5, 2.0, -1, 0.2, 3.6e19, 0.11, 16,
            300, 5.0, 0.3, MEASURED_CHARGED, MEASURED_NEUTRAL);

    public TrapParameters {
        positive("trap_density_nm2", arealDensity);
        positive("trap_max_distance_nm", maxDistance);
        positive("trap_fermi_energy_eV", fermiEnergy);
        positive("trap_carrier_density_cm3", carrierDensity);
        positive("trap_effective_mass", effectiveMass);
        positive("trap_permittivity", permittivity);
        positive("trap_temperature_K", temperature);
        positive("trap_segment_length_nm", segmentLength);
        positive("trap_max_bias_V", maxBias);
        if (!(phiMin > 0 && phiMin < phiChannel && phiChannel < 1)) {
            throw new InvalidInputException("trap_phi_window: expected 0 < phi_min < phi_channel < 1, got phi_min = "
                    + phiMin + ", phi_channel = " + phiChannel);
        }
        if (!Double.isFinite(trapCharge) || trapCharge == 0) {
            throw new InvalidInputException("trap_charge_e: expected a finite non-zero charge in e, got " + trapCharge);
        }
        if (chargedLifetime == null || neutralLifetime == null) {
            throw new InvalidInputException("trap lifetimes: expected both τ0(V) and τ1(V) laws");
        }
    }

    private static void positive(String key, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(key + ": expected a finite positive number, got " + v);
        }
    }

    /** Whether φ counts as partially reduced oxide: {@code phiMin} ≤ φ &lt; {@code phiChannel}. */
    public boolean partiallyReduced(double phi) {
        return phi >= phiMin && phi < phiChannel;
    }

    /** Whether φ conducts: φ ≥ {@code phiChannel}. */
    public boolean conducting(double phi) {
        return phi >= phiChannel;
    }

    /** λ_D of the screening, nm (physics.md §3). */
    public double debyeLength() {
        return scattering(1, 1, fermiEnergy, false).debyeLength();
    }

    /**
     * The scattering problem of physics.md §3 for a segment of side {@code width} (nm) at
     * {@code energy} (eV above its lowest transverse level), with ({@code charged}) or without a
     * trap at {@code distance} (nm) outside the x = 0 face, at y = a/2, z = 0.
     */
    public ScatteringParameters scattering(double width, double distance, double energy, boolean charged) {
        ScatteringParameters.Builder b = ScatteringParameters.builder().width(width).length(segmentLength)
                .energy(energy).effectiveMass(effectiveMass).permittivity(permittivity).temperature(temperature)
                .carrierDensity(carrierDensity).leads(LeadModel.LATTICE);
        return (charged ? b.traps(PointTrap.of(-distance, 0.5 * width, 0, trapCharge)) : b.traps()).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** Builds parameters from {@link #DEFAULT}, changing only what is set. */
    public static final class Builder {
        private double arealDensity;
        private double phiMin;
        private double phiChannel;
        private double maxDistance;
        private double trapCharge;
        private double fermiEnergy;
        private double carrierDensity;
        private double effectiveMass;
        private double permittivity;
        private double temperature;
        private double segmentLength;
        private double maxBias;
        private LifetimeLaw chargedLifetime;
        private LifetimeLaw neutralLifetime;

        private Builder(TrapParameters p) {
            arealDensity = p.arealDensity;
            phiMin = p.phiMin;
            phiChannel = p.phiChannel;
            maxDistance = p.maxDistance;
            trapCharge = p.trapCharge;
            fermiEnergy = p.fermiEnergy;
            carrierDensity = p.carrierDensity;
            effectiveMass = p.effectiveMass;
            permittivity = p.permittivity;
            temperature = p.temperature;
            segmentLength = p.segmentLength;
            maxBias = p.maxBias;
            chargedLifetime = p.chargedLifetime;
            neutralLifetime = p.neutralLifetime;
        }

        /** Active traps per nm² of partially reduced oxide. */
        public Builder arealDensity(double perNm2) {
            arealDensity = perNm2;
            return this;
        }

        /** The φ window of partially reduced oxide, [phiMin, phiChannel). */
        public Builder phiWindow(double min, double channel) {
            phiMin = min;
            phiChannel = channel;
            return this;
        }

        /** nm. */
        public Builder maxDistance(double nm) {
            maxDistance = nm;
            return this;
        }

        /** Units of e. */
        public Builder trapCharge(double e) {
            trapCharge = e;
            return this;
        }

        /** eV above the lowest transverse level. */
        public Builder fermiEnergy(double eV) {
            fermiEnergy = eV;
            return this;
        }

        /** cm⁻³. */
        public Builder carrierDensity(double perCm3) {
            carrierDensity = perCm3;
            return this;
        }

        /** Units of mₑ. */
        public Builder effectiveMass(double m) {
            effectiveMass = m;
            return this;
        }

        public Builder permittivity(double epsR) {
            permittivity = epsR;
            return this;
        }

        /** K. */
        public Builder temperature(double kelvin) {
            temperature = kelvin;
            return this;
        }

        /** nm; the film thickness of the device. */
        public Builder segmentLength(double nm) {
            segmentLength = nm;
            return this;
        }

        /** V. */
        public Builder maxBias(double volts) {
            maxBias = volts;
            return this;
        }

        /** τ0(V) of the charged state and τ1(V) of the neutral state. */
        public Builder lifetimes(LifetimeLaw charged, LifetimeLaw neutral) {
            chargedLifetime = charged;
            neutralLifetime = neutral;
            return this;
        }

        public TrapParameters build() {
            return new TrapParameters(arealDensity, phiMin, phiChannel, maxDistance, trapCharge, fermiEnergy,
                    carrierDensity, effectiveMass, permittivity, temperature, segmentLength, maxBias,
                    chargedLifetime, neutralLifetime);
        }
    }
}
