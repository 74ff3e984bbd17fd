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
 * (device-to-device, drawn once), ξ standard normal. A read returns G (1 + σ_r ξ). No drift and no
 * telegraph noise: Chen reports retention of 20 analog states (Fig. 2d), and RTN of the channel is
 * outside this model. Starts at Gmin'.
 */
public final class EcramDevice implements ResistiveDevice {

    private final EcramParameters p;
    private final SplittableRandom random;
    private final double lo;
    private final double hi;
    private final double scale;
    private double g;
    private double clock;

    /** A device of the ensemble {@code p}, drawn and driven by the seeded generator. */
    public EcramDevice(EcramParameters p, long seed) {
        this.p = p;
        this.random = new SplittableRandom(seed);
        double l = p.gMin() * Math.max(0.05, 1 + p.boundsDtoD() * random.nextGaussian());
        double h = p.gMax() * Math.max(0.05, 1 + p.boundsDtoD() * random.nextGaussian());
        this.lo = l;
        this.hi = Math.max(h, l + 0.05 * (p.gMax() - p.gMin()));
        this.scale = Math.max(0, 1 + p.stepDtoD() * random.nextGaussian());
        this.g = lo;
    }

    public EcramParameters parameters() {
        return p;
    }

    @Override
    public void pulse(double amplitude, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("pulse width must be positive, got " + width);
        }
        clock += width;
        double over = (Math.abs(amplitude) - p.vThreshold()) / (p.vPulse() - p.vThreshold());
        if (over <= 0) {
            return;
        }
        double dg = p.step() * over * width / p.pulseWidth() * scale * (1 + p.stepCtoC() * random.nextGaussian());
        g = Math.max(lo, Math.min(hi, amplitude > 0 ? g + dg : g - dg));
    }

    /** The conductance without read noise (S). */
    public double conductance() {
        return g;
    }

    @Override
    public double read() {
        clock += p.readWidth();
        return Math.max(0, g * (1 + p.readNoise() * random.nextGaussian()));
    }

    @Override
    public void idle(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("idle time must be ≥ 0, got " + seconds);
        }
        clock += seconds;
    }

    @Override
    public double time() {
        return clock;
    }
}
