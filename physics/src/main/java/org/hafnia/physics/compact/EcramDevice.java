package org.hafnia.physics.compact;

import java.util.SplittableRandom;

/**
 * A three-terminal electrochemical RAM cell (ECRAM; Chen et al., Nat. Commun. 2023,
 * doi:10.1038/s41467-023-41958-4,
 * W/YSZ/WOx) seen as a two-terminal programmable conductance: a gate pulse moves a charge of ions
 * into (SET polarity) or out of (RESET) the WOx channel, and the channel conductance changes in
 * proportion to the intercalated charge, ΔG = ±ΔG₀ s k (1 + σ_c ξ), the same law both ways
 * (linear and symmetric), clamped to the device's own bounds [Gmin', Gmax'] (the channel full or
 * empty). ΔG₀ = (Gmax − Gmin)/P_full, s the pulse's charge in reference pulses: the linear
 * overdrive (|V| − Vth)/(Vref − Vth) times τ/τref (charge ∝ width is the pulse-width modulation
 * Chen used; the linear overdrive in amplitude is our first-order assumption), k = 1 + σ_d ξ the
 * device's own step scale and Gmin' = Gmin (1 + σ_b ξ), Gmax' = Gmax (1 + σ_b ξ) its bounds
 * (device-to-device, drawn once by {@link DeviceSpread}), ξ standard normal. A read returns G (1 + σ_r ξ).
 * No drift and no telegraph noise: Chen reports retention of 20 analog states (Fig. 2d), and RTN of
 * the channel is outside this model. Starts at Gmin'.
 *
 * <p>Energy ({@link #pulseEnergy}, {@link #readEnergy}): the write is a gate pulse, not a current
 * through the channel, so the two-terminal V²Gτ does not apply. The gate source delivers
 * E = |V_g| (Q_ion + C_g |V_g|) per pulse: it moves the ionic charge Q_ion = |ΔG| L²/μ that the
 * step needs ({@link EcramParameters.Gate#chargePerConductance}) and charges the gate capacitance,
 * whose ½ C_g V² is dissipated on charging and the stored ½ C_g V² on discharge after the pulse.
 * ΔG is the mean step of the pulse from the present state (clamped at the bounds); below threshold
 * no ions move and only the capacitance charges. Electronic leakage through the electrolyte is
 * neglected (YSZ is an electronic insulator; an assumption). A read biases the channel only:
 * V_read² G t_read.
 */
public final class EcramDevice implements ResistiveDevice {

    private final EcramParameters p;
    private final SplittableRandom random;
    private final DeviceSpread own;
    private double g;
    private double clock;

    /** A device of the ensemble {@code p}, drawn and driven by the seeded generator. */
    public EcramDevice(EcramParameters p, long seed) {
        this.p = p;
        this.random = new SplittableRandom(seed);
        this.own = DeviceSpread.draw(p.gMin(), p.gMax(), p.boundsDtoD(), p.stepDtoD(), random);
        this.g = own.lo();
    }

    public EcramParameters parameters() {
        return p;
    }

    /** The mean step |ΔG| (S) of a pulse, unclamped: ΔG₀ (linear overdrive) (τ/τref) k; 0 below threshold. */
    private double step(double amplitude, double width) {
        double over = (Math.abs(amplitude) - p.vThreshold()) / (p.vPulse() - p.vThreshold());
        return over <= 0 ? 0 : p.step() * over * width / p.pulseWidth() * own.stepScale();
    }

    @Override
    public void pulse(double amplitude, double width) {
        DeviceSpread.requireWidth(width);
        clock += width;
        double mean = step(amplitude, width);
        if (mean == 0) {
            return;
        }
        double dg = mean * DeviceSpread.cycle(p.stepCtoC(), random);
        g = Math.max(own.lo(), Math.min(own.hi(), amplitude > 0 ? g + dg : g - dg));
    }

    /** The conductance without read noise (S). */
    public double conductance() {
        return g;
    }

    @Override
    public double read() {
        clock += p.readWidth();
        return Math.max(0, g + DeviceSpread.white(g, p.readNoise(), random));
    }

    @Override
    public void idle(double seconds) {
        DeviceSpread.requireIdle(seconds);
        clock += seconds;
    }

    @Override
    public double time() {
        return clock;
    }

    /** The gate pulse: E = |V_g| (|ΔG| L²/μ + C_g |V_g|), ΔG the mean step from the present state (see the class). */
    @Override
    public double pulseEnergy(double amplitude, double width) {
        DeviceSpread.requireWidth(width);
        double v = Math.abs(amplitude);
        EcramParameters.Gate gate = p.gate();
        double mean = step(amplitude, width);
        double moved = amplitude > 0 ? Math.min(mean, own.hi() - g) : Math.min(mean, g - own.lo());
        return v * (moved * gate.chargePerConductance() + gate.capacitance() * v);
    }

    /** The channel at the read voltage: V_read² G t_read ({@link ResistiveDevice#joule}). */
    @Override
    public double readEnergy() {
        return ResistiveDevice.joule(p.readVoltage(), g, p.readWidth());
    }
}
