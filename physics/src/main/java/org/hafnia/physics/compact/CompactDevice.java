package org.hafnia.physics.compact;

import java.util.SplittableRandom;

/**
 * One stochastic compact device drawn from {@link CompactDeviceParameters} with a seed.
 *
 * <p>Device-to-device: at construction the device draws its own bounds
 * Gmin·(1 + σ_b ξ), Gmax·(1 + σ_b ξ), step scale 1 + σ_d ξ ({@link DeviceSpread}) and drift exponent ν + σ_ν ξ
 * (ξ standard normal). Pulse update (NeuroSim form): a SET pulse of strength s moves the pulse
 * coordinate of the potentiation curve by Δp = s · scale · (1 + σ_c2c ξ), a RESET pulse likewise
 * along the mirrored depression curve ({@link SaturatingExponential}); the write noise σ_w ξ is
 * added to the conductance seen until the next write. A switching pulse of strength s re-creates
 * incomplete channels in proportion to what it switches, f ← f + (1 − f) min(1, s), so a full
 * reference pulse leaves f = 1 and a small trim pulse only a little; a subthreshold RESET-polarity pulse (the denoising pulse of
 * Rao et al., Nature 615, 823 (2023)) relaxes f towards f∞ with e-folding n_d pulses and shifts G by
 * the fraction of the full-train shift it removes. A read at time t returns
 * G (t'/t0)^−ν (t' = time since the last write, no drift before t0) plus white noise of σ/G = σ_r and a telegraph step ΔG = a_rtn f G (lifetimes τ0, τ1) centred so that its mean is zero.
 */
public final class CompactDevice implements ResistiveDevice {

    private final CompactDeviceParameters p;
    private final SplittableRandom random;
    private final SaturatingExponential ltp;
    private final SaturatingExponential ltd;
    private final double stepScale;
    private final double nu;
    private final TelegraphNoise rtn;

    private double g;
    private double writeOffset;
    private double incomplete = 1;
    private double clock;
    private double lastWrite;

    /** A device of the ensemble described by {@code p}, drawn and driven by the seeded generator. */
    public CompactDevice(CompactDeviceParameters p, long seed) {
        this.p = p;
        this.random = new SplittableRandom(seed);
        DeviceSpread own = DeviceSpread.draw(p.gMin(), p.gMax(), p.boundsDtoD(), p.stepDtoD(), random);
        this.ltp = new SaturatingExponential(own.lo(), own.hi(), p.pulsesLtp(), p.aLtp());
        this.ltd = new SaturatingExponential(own.lo(), own.hi(), p.pulsesLtd(), p.aLtd());
        this.stepScale = own.stepScale();
        this.nu = p.driftNu() + p.driftNuDtoD() * gaussian();
        this.rtn = new TelegraphNoise(p.tau0(), p.tau1(), random);
        this.g = own.lo();
    }

    /** A standard normal draw from the device's own stream: deterministic per seed. */
    private double gaussian() {
        return random.nextGaussian();
    }

    public CompactDeviceParameters parameters() {
        return p;
    }

    @Override
    public void pulse(double amplitude, double width) {
        DeviceSpread.requireWidth(width);
        clock += width;
        double s = p.pulseStrength(amplitude, width);
        if (s > 0) {
            g = drifted();
            double dp = s * stepScale * DeviceSpread.cycle(p.stepCtoC(), random);
            g = amplitude > 0 ? ltp.potentiated(g, dp) : ltd.depressed(g, dp);
            writeOffset = p.writeNoise() * gaussian();
            incomplete += (1 - incomplete) * Math.min(1, s);
            lastWrite = clock;
        } else if (amplitude < 0) {
            double fInf = p.incompleteAfterDenoise();
            double next = fInf + (incomplete - fInf) * Math.exp(-width / p.pulseWidth() / p.denoisePulses());
            if (fInf < 1) {
                g *= 1 + p.denoiseShift() * (incomplete - next) / (1 - fInf);
            }
            incomplete = next;
        }
    }

    /** The conductance without read noise, drift applied (S). */
    public double conductance() {
        return drifted() + writeOffset;
    }

    private double drifted() {
        double since = clock - lastWrite;
        return since > p.driftT0() ? g * Math.pow(since / p.driftT0(), -nu) : g;
    }

    @Override
    public double read() {
        clock += p.readWidth();
        double mean = conductance();
        double white = DeviceSpread.white(mean, p.readNoise(), random);
        double step = p.rtnAmplitude() * incomplete * mean;
        double pi1 = p.tau1() / (p.tau0() + p.tau1());
        double tele = step * ((rtn.stateAt(clock, random) ? 1 : 0) - pi1);
        return Math.max(0, mean + white + tele);
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

    /** A two-terminal cell: the Joule energy V²Gτ in its noise-free conductance ({@link ResistiveDevice#joule}). */
    @Override
    public double pulseEnergy(double amplitude, double width) {
        return ResistiveDevice.joule(amplitude, conductance(), width);
    }

    /** V_read² G t_read ({@link ResistiveDevice#joule}). */
    @Override
    public double readEnergy() {
        return ResistiveDevice.joule(p.readVoltage(), conductance(), p.readWidth());
    }
}
