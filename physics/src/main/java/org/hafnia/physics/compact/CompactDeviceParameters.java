package org.hafnia.physics.compact;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of the stochastic {@link CompactDevice}, in SI units. Relative spreads are standard
 * deviations divided by the mean.
 *
 * @param gMin                   median low bound Gmin (S)
 * @param gMax                   median high bound Gmax (S)
 * @param boundsDtoD             device-to-device relative spread of Gmin and Gmax
 * @param pulsesLtp              SET pulses (at the reference amplitude) from Gmin to Gmax
 * @param pulsesLtd              RESET pulses from Gmax to Gmin
 * @param aLtp                   nonlinearity A of potentiation (pulses), {@link SaturatingExponential}
 * @param aLtd                   nonlinearity A of depression (pulses)
 * @param stepCtoC               cycle-to-cycle relative spread of each step
 * @param stepDtoD               device-to-device relative spread of the mean step
 * @param writeNoise             write noise σ (S): added to the conductance seen after a write,
 *                               redrawn at the next write (aihwkit's write_noise_std convention)
 * @param readNoise              white read noise σ relative to G
 * @param rtnAmplitude           RTN step ΔG/G per unit incomplete-channel fraction
 * @param tau0                   RTN low-state lifetime (s)
 * @param tau1                   RTN high-state lifetime (s)
 * @param incompleteAfterDenoise incomplete-channel fraction left after a long denoising train
 * @param denoisePulses          e-folding number of denoising pulses
 * @param denoiseShift           relative conductance change over a complete denoising train
 * @param driftNu                mean drift exponent ν of G(t) = G0 (t/t0)^−ν
 * @param driftNuDtoD            device-to-device σ of ν
 * @param driftT0                drift reference time t0 (s)
 * @param vSet                   reference SET amplitude (V, > 0)
 * @param vReset                 reference RESET amplitude (V, < 0)
 * @param vThreshold             switching threshold |V| (V): weaker pulses do not switch
 * @param pulseWidth             reference pulse width (s)
 * @param readVoltage            read voltage (V)
 * @param readWidth              read pulse width (s)
 */
public record CompactDeviceParameters(
        double gMin, double gMax, double boundsDtoD,
        double pulsesLtp, double pulsesLtd, double aLtp, double aLtd,
        double stepCtoC, double stepDtoD, double writeNoise,
        double readNoise, double rtnAmplitude, double tau0, double tau1,
        double incompleteAfterDenoise, double denoisePulses, double denoiseShift,
        double driftNu, double driftNuDtoD, double driftT0,
        double vSet, double vReset, double vThreshold, double pulseWidth,
        double readVoltage, double readWidth) {

    public CompactDeviceParameters {
        List<String> bad = new ArrayList<>();
        check(bad, "g_min", gMin >= 0);
        check(bad, "g_max", gMax > gMin);
        check(bad, "pulses_ltp", pulsesLtp > 0);
        check(bad, "pulses_ltd", pulsesLtd > 0);
        check(bad, "a_ltp", aLtp > 0);
        check(bad, "a_ltd", aLtd > 0);
        for (double s : new double[] {boundsDtoD, stepCtoC, stepDtoD, writeNoise, readNoise,
                rtnAmplitude, driftNuDtoD}) {
            check(bad, "spreads and noise", s >= 0);
        }
        check(bad, "tau0/tau1", tau0 > 0 && tau1 > 0);
        check(bad, "incomplete_after_denoise", incompleteAfterDenoise >= 0 && incompleteAfterDenoise <= 1);
        check(bad, "denoise_pulses", denoisePulses > 0);
        check(bad, "drift_t0", driftT0 > 0);
        check(bad, "v_set", vSet > vThreshold);
        check(bad, "v_reset", -vReset > vThreshold);
        check(bad, "v_threshold", vThreshold >= 0);
        check(bad, "pulse_width", pulseWidth > 0);
        check(bad, "read_width", readWidth > 0);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("invalid compact device parameters: " + bad);
        }
    }

    private static void check(List<String> bad, String name, boolean ok) {
        if (!ok) {
            bad.add(name);
        }
    }

    /** The mean potentiation curve of a nominal device. */
    public SaturatingExponential ltp() {
        return new SaturatingExponential(gMin, gMax, pulsesLtp, aLtp);
    }

    /** The mean depression curve of a nominal device. */
    public SaturatingExponential ltd() {
        return new SaturatingExponential(gMin, gMax, pulsesLtd, aLtd);
    }

    /**
     * Pulses' worth of switching done by one pulse of amplitude V and width τ: the linear
     * overdrive (|V| − Vth)/(|Vref| − Vth) times τ/τref, zero below threshold. The linear form is
     * our choice (the standard first-order model of overdrive); the programming schemes only rely
     * on it being monotone.
     */
    public double pulseStrength(double amplitude, double width) {
        double ref = amplitude >= 0 ? vSet : -vReset;
        double over = (Math.abs(amplitude) - vThreshold) / (ref - vThreshold);
        return over <= 0 ? 0 : over * width / pulseWidth;
    }

    /** The amplitude (same polarity as {@code sign}) that gives strength {@code s} at the reference width. */
    public double amplitudeFor(double s, double sign) {
        double ref = sign >= 0 ? vSet : -vReset;
        double v = vThreshold + s * (ref - vThreshold);
        return sign >= 0 ? v : -v;
    }

    /** σ of a single read (S) at conductance G and incomplete-channel fraction f: white noise and RTN. */
    public double readSigma(double g, double f) {
        double white = g * readNoise;
        double pi1 = tau1 / (tau0 + tau1);
        double rtn = rtnAmplitude * f * g * Math.sqrt(pi1 * (1 - pi1));
        return Math.hypot(white, rtn);
    }
}
