package org.hafnia.physics.compact;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of the {@link EcramDevice}, in SI units; relative spreads are standard deviations
 * divided by the mean. The shipped values and their sources are in
 * {@code experiments/cases/chen2023-ecram.json}.
 *
 * @param gMin        median low bound (S)
 * @param gMax        median high bound (S)
 * @param boundsDtoD  device-to-device relative spread of both bounds
 * @param pulsesFull  reference pulses from Gmin to Gmax (the linear step is (Gmax − Gmin)/pulsesFull)
 * @param stepCtoC    cycle-to-cycle relative spread of each step
 * @param stepDtoD    device-to-device relative spread of a device's mean step
 * @param readNoise   white read noise σ relative to G
 * @param vPulse      reference gate pulse amplitude |V| (V), both polarities (symmetric)
 * @param vThreshold  gate threshold |V| (V): weaker pulses move no ions
 * @param pulseWidth  reference pulse width (s)
 * @param readVoltage read voltage (V)
 * @param readWidth   read width (s)
 * @param gate        the gate stack, for the write energy
 */
public record EcramParameters(double gMin, double gMax, double boundsDtoD, double pulsesFull, double stepCtoC,
                              double stepDtoD, double readNoise, double vPulse, double vThreshold, double pulseWidth,
                              double readVoltage, double readWidth, Gate gate) {

    /**
     * What the write energy of an ECRAM depends on ({@link EcramDevice#pulseEnergy}).
     *
     * @param channelLength source–drain length L of the channel (m)
     * @param mobility      electron mobility μ of the channel (m²/(V s))
     * @param capacitance   gate capacitance C_g, electrolyte between gate and channel (F)
     */
    public record Gate(double channelLength, double mobility, double capacitance) {

        public Gate {
            if (!(channelLength > 0 && mobility > 0 && capacitance >= 0)) {
                throw new IllegalArgumentException("invalid ECRAM gate: need L > 0, μ > 0, C ≥ 0");
            }
        }

        /**
         * Gate charge per unit channel conductance change, Q/ΔG = L²/μ (C/S = V s): the channel holds
         * N mobile electrons, G = q μ N / L² (Drude: σ = q n μ, G = σ W t / L, N = n W t L), and every
         * intercalated ion's charge passes through the gate circuit while an electron enters the channel
         * to keep it neutral, so Q = q ΔN = ΔG L² / μ.
         */
        public double chargePerConductance() {
            return channelLength * channelLength / mobility;
        }
    }

    /**
     * Nonlinearity constant of the tester's nominal curve in units of pulsesFull: A = 10⁶ Pmax makes
     * the saturating exponential linear to Pmax/2A = 5·10⁻⁷ of the range, far below any noise.
     */
    private static final double LINEAR_A = 1e6;

    public EcramParameters {
        List<String> bad = new ArrayList<>();
        if (!(gMin >= 0 && gMax > gMin)) {
            bad.add("g_min/g_max");
        }
        if (!(pulsesFull > 0)) {
            bad.add("pulses_full");
        }
        for (double s : new double[] {boundsDtoD, stepCtoC, stepDtoD, readNoise}) {
            if (!(s >= 0)) {
                bad.add("spreads and noise");
            }
        }
        if (!(vThreshold >= 0 && vPulse > vThreshold)) {
            bad.add("v_pulse/v_threshold");
        }
        if (!(pulseWidth > 0 && readWidth > 0)) {
            bad.add("widths");
        }
        if (gate == null) {
            bad.add("gate");
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("invalid ECRAM parameters: " + bad);
        }
    }

    /** The mean step ΔG of one reference pulse (S). */
    public double step() {
        return (gMax - gMin) / pulsesFull;
    }

    /**
     * The nominal device as a tester knows it (the datasheet mean, no hidden state): the compact
     * parameters of a linear, symmetric response with the same bounds, steps, spreads and
     * amplitude law, no RTN, no drift, no denoising.
     */
    public CompactDeviceParameters nominal() {
        double a = LINEAR_A * pulsesFull;
        return new CompactDeviceParameters(gMin, gMax, boundsDtoD, pulsesFull, pulsesFull, a, a, stepCtoC, stepDtoD, 0,
                readNoise, 0, 1, 1, 1, 1, 0, 0, 0, 1, vPulse, -vPulse, vThreshold, pulseWidth, readVoltage, readWidth);
    }
}
