package org.hafnia.experiments.programming;

import java.util.List;
import java.util.Locale;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.physics.compact.SaturatingExponential;

/**
 * The multilevel programming schemes of programming.md. A scheme drives one device to a target
 * conductance using only what a tester knows: reads of that device and the extracted mean
 * device model ({@link CompactDeviceParameters}); never the device's hidden state. Returns
 * whether it converged (closed-loop schemes) or true (open-loop ones).
 */
public enum ProgrammingScheme {

    /** Incremental step pulse programming with verify reads. */
    WRITE_VERIFY("write-verify") {
        @Override
        boolean program(ResistiveDevice d, double target, Settings s) {
            return writeVerify(d, target, s, s.maxPulses());
        }
    },

    /**
     * Write-verify, then a train of subthreshold RESET-polarity pulses (at 90 % of the switching
     * threshold) that dissolve incomplete channels (Rao et al., Nature 615, 823 (2023)), a re-read,
     * and another write-verify and train if the level left the window, at most
     * {@value #DENOISE_ROUNDS} rounds, then a last write-verify touch-up if it is still out.
     * Dissolving the incomplete channels also removes their conductance, so the first write aims
     * above the target by the extracted mean shift of a full train (capped at the top of the
     * window) and the train lands on the target; later rounds, after a small touch-up, aim at it.
     */
    WRITE_VERIFY_DENOISE("write-verify-denoise") {
        @Override
        boolean program(ResistiveDevice d, double target, Settings s) {
            CompactDeviceParameters p = s.model();
            int train = (int) Math.ceil(3 * p.denoisePulses());
            double amplitude = -0.9 * p.vThreshold();
            double aim = Math.max(target, Math.min(target / (1 + p.denoiseShift()), CrossbarProgramming.window(p)[1]));
            boolean ok = false;
            for (int round = 0; round < DENOISE_ROUNDS && !ok; round++) {
                writeVerify(d, aim, s, s.maxPulses());
                for (int k = 0; k < train; k++) {
                    d.pulse(amplitude, p.pulseWidth());
                }
                ok = Math.abs(d.read() - target) <= s.tolerance();
            }
            return ok || writeVerify(d, target, s, s.maxPulses());
        }
    },

    /**
     * Kim et al., Nanotechnology 2021: SET to the low-resistance state, then one RESET pulse whose
     * amplitude comes from the calibrated amplitude-to-conductance map of the mean RESET
     * characteristic (here: the extracted depression curve from Gmax), then at most
     * {@value #TRIM_PULSES} write-verify trim pulses.
     */
    RESET_VOLTAGE_CONTROL("reset-voltage-control") {
        @Override
        boolean program(ResistiveDevice d, double target, Settings s) {
            CompactDeviceParameters p = s.model();
            SaturatingExponential ltd = p.ltd();
            for (int k = 0; k < Math.ceil(1.5 * p.pulsesLtp()); k++) {
                d.pulse(p.vSet(), p.pulseWidth());
            }
            double strength = ltd.pulses(p.gMax() + p.gMin() - target);
            if (strength > 0) {
                d.pulse(p.amplitudeFor(strength, -1), p.pulseWidth());
            }
            return writeVerify(d, target, s, TRIM_PULSES);
        }
    },

    /**
     * Diao et al., Nanoscale Horizons 2025: from a full RESET, read the start, then apply pulses
     * whose amplitudes are computed in advance from the extracted potentiation curve so that each
     * gives an equal conductance step (linearised potentiation, steps of at most half a level
     * spacing); one read and one computed correction pulse at the end.
     */
    FEEDFORWARD("feedforward") {
        @Override
        boolean program(ResistiveDevice d, double target, Settings s) {
            CompactDeviceParameters p = s.model();
            SaturatingExponential ltp = p.ltp();
            resetFully(d, p);
            double g = d.read();
            int steps = Math.max(1, (int) Math.ceil(Math.abs(target - g) / (0.5 * s.spacing())));
            for (int k = 1; k <= steps; k++) {
                double next = g + (target - g) * k / steps;
                double prev = g + (target - g) * (k - 1) / steps;
                pulseBetween(d, p, ltp, prev, next);
            }
            pulseBetween(d, p, ltp, d.read(), target);
            return true;
        }
    },

    /**
     * Chen et al., Nat. Commun. 2023: no reads; from a full RESET apply the number of identical
     * SET pulses that the mean potentiation curve needs to reach the target.
     */
    OPEN_LOOP("open-loop") {
        @Override
        boolean program(ResistiveDevice d, double target, Settings s) {
            CompactDeviceParameters p = s.model();
            resetFully(d, p);
            long n = Math.round(p.ltp().pulses(target));
            for (long k = 0; k < n; k++) {
                d.pulse(p.vSet(), p.pulseWidth());
            }
            return true;
        }
    };

    static final int DENOISE_ROUNDS = 3;
    static final int TRIM_PULSES = 5;

    private final String label;

    ProgrammingScheme(String label) {
        this.label = label;
    }

    /** The command-line name. */
    public String label() {
        return label;
    }

    /**
     * What a scheme knows.
     *
     * @param model     the extracted mean device
     * @param tolerance verify window half-width (S)
     * @param spacing   level spacing (S)
     * @param maxPulses pulse budget of one write-verify
     */
    public record Settings(CompactDeviceParameters model, double tolerance, double spacing, int maxPulses) {
    }

    abstract boolean program(ResistiveDevice d, double target, Settings s);

    /** Programs {@code d} (any device: compact or phase field) to {@code target}; true if the loop converged. */
    public boolean programDevice(ResistiveDevice d, double target, Settings s) {
        return program(d, target, s);
    }

    public static ProgrammingScheme of(String name) {
        for (ProgrammingScheme s : values()) {
            if (s.label.equals(name)) {
                return s;
            }
        }
        throw new InvalidInputException(String.format(Locale.ROOT, "unknown scheme \"%s\"; expected one of %s", name,
                List.of(values()).stream().map(ProgrammingScheme::label).toList()));
    }

    /**
     * Incremental step pulse programming: read; SET if below the window, RESET if above; the
     * strength starts at {@value #START} reference pulses, grows by {@value #START} while the
     * direction repeats (up to {@value #MAX_STRENGTH}) and halves on a flip; stops inside the window or after {@code budget} pulses.
     */
    static boolean writeVerify(ResistiveDevice d, double target, Settings s, int budget) {
        CompactDeviceParameters p = s.model();
        double strength = START;
        int lastDirection = 0;
        for (int k = 0; k < budget; k++) {
            double g = d.read();
            if (Math.abs(g - target) <= s.tolerance()) {
                return true;
            }
            int direction = g < target ? 1 : -1;
            strength = direction == lastDirection ? strength + START : (lastDirection == 0 ? START : strength / 2);
            strength = Math.min(MAX_STRENGTH, Math.max(MIN_STRENGTH, strength));
            lastDirection = direction;
            d.pulse(p.amplitudeFor(strength, direction), p.pulseWidth());
        }
        return Math.abs(d.read() - target) <= s.tolerance();
    }

    /** Strength (reference pulses) of the first write-verify pulse and of each increment. */
    static final double START = 0.25;
    /** Smallest write-verify strength: finer than this the step is below the read noise. */
    static final double MIN_STRENGTH = 0.02;
    /** Largest write-verify strength: ISPP caps the amplitude (here at twice the reference overdrive). */
    static final double MAX_STRENGTH = 2;

    private static void resetFully(ResistiveDevice d, CompactDeviceParameters p) {
        for (int k = 0; k < Math.ceil(1.5 * p.pulsesLtd()); k++) {
            d.pulse(p.vReset(), p.pulseWidth());
        }
    }

    /** One pulse whose strength the mean curve predicts to take G from {@code from} to {@code to}. */
    private static void pulseBetween(ResistiveDevice d, CompactDeviceParameters p, SaturatingExponential ltp,
                                     double from, double to) {
        double s = to >= from ? ltp.pulses(to) - ltp.pulses(from)
                : p.ltd().pulses(p.gMax() + p.gMin() - to) - p.ltd().pulses(p.gMax() + p.gMin() - from);
        if (s > 1e-6) {
            d.pulse(p.amplitudeFor(s, to >= from ? 1 : -1), p.pulseWidth());
        }
    }
}
