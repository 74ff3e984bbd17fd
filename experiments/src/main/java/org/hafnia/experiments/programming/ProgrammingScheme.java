package org.hafnia.experiments.programming;

import java.util.List;
import java.util.Locale;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.physics.compact.ResistiveDevice;

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
        Status program(ResistiveDevice d, double target, Settings s) {
            return writeVerify(d, target, s, s.maxPulses(), false) ? Status.CONVERGED : Status.FAILED;
        }
    },

    /**
     * Write-verify, then a train of subthreshold RESET-polarity pulses (at 90 % of the switching
     * threshold; {@link Settings#denoiseTrain} of them) that dissolve incomplete channels (Rao et al., Nature 615, 823 (2023)), a re-read,
     * and another write-verify and train if the level left the window, at most
     * {@value #DENOISE_ROUNDS} rounds, then a last write-verify touch-up if it is still out.
     * Dissolving the incomplete channels also removes their conductance, so the first write aims
     * above the target by the extracted mean shift of a full train (capped at the top of the
     * window) and the train lands on the target; later rounds, after a small touch-up, aim at it.
     */
    WRITE_VERIFY_DENOISE("write-verify-denoise") {
        @Override
        Status program(ResistiveDevice d, double target, Settings s) {
            CompactDeviceParameters p = s.model();
            int train = s.denoiseTrain();
            double amplitude = -0.9 * p.vThreshold();
            double aim = Math.max(target, Math.min(target / (1 + p.denoiseShift()), CrossbarProgramming.window(p)[1]));
            boolean ok = false;
            for (int round = 0; round < DENOISE_ROUNDS && !ok; round++) {
                writeVerify(d, aim, s, s.maxPulses(), false);
                for (int k = 0; k < train; k++) {
                    d.pulse(amplitude, p.pulseWidth());
                }
                ok = Math.abs(d.read() - target) <= s.tolerance();
            }
            return ok || writeVerify(d, target, s, s.maxPulses(), false) ? Status.CONVERGED : Status.FAILED;
        }
    },

    /**
     * Kim et al., Nanotechnology 2021. Per level: SET to the low-resistance state, then one RESET
     * pulse whose |V| comes from the {@link ResetCalibration} measured on reference devices of the
     * array (an amplitude sweep from that state over the characterised range, interpolated, never
     * extrapolated; a target outside the map is reported unreachable and gets the nearest
     * calibrated amplitude), then at most {@value #TRIM_PULSES} write-verify trim pulses whose
     * amplitudes are clamped to the characterised range. Published: SET-then-one-RESET with the
     * RESET voltage selecting the level, differential pairs and post-training quantisation (see
     * {@link WeightTransfer}). Our standard choices: the calibration grid and averaging, and the
     * trim as clamped ISPP.
     */
    RESET_VOLTAGE_CONTROL("reset-voltage-control") {
        @Override
        Status program(ResistiveDevice d, double target, Settings s) {
            ResetCalibration c = s.reset();
            ResetCalibration.setLow(d, s.population());
            double a = c.amplitude(target);
            boolean reachable = !Double.isNaN(a);
            if (!reachable) {
                double[] r = c.reachable();
                a = target > r[1] ? c.amplitudes()[0] : c.amplitudes()[c.amplitudes().length - 1];
            }
            d.pulse(-a, s.model().pulseWidth());
            boolean ok = writeVerify(d, target, s, TRIM_PULSES, true);
            return reachable ? (ok ? Status.CONVERGED : Status.FAILED) : Status.UNREACHABLE;
        }
    },

    /**
     * Diao et al., Nanoscale Horizons 2025. From a full RESET, one read of the start G₀; then n
     * SET pulses, each chosen from the {@link ResponseMap} ΔG(G, V, τ) measured on reference devices
     * so that its predicted step is (G_target − G₀)/n (equal steps: linearised potentiation); no
     * further reads. Each pulse has the reference width where the characterised amplitudes make its
     * step, else the nearest characterised width that does ({@link ResponseMap#width}). n is the
     * smallest count with steps of at most half a level spacing that every point of the path can make
     * within the characterised pulses, raised when the largest characterised step is smaller and
     * lowered (not below that) while the weakest pulse steps further. A target below G₀ is
     * unreachable by potentiation. Published: the measured response inverted to equal steps, over
     * amplitude and width. Our standard choices: the step size, the single start read, no final
     * correction, the reference width first.
     */
    FEEDFORWARD("feedforward") {
        @Override
        Status program(ResistiveDevice d, double target, Settings s) {
            ResponseMap map = s.response();
            ResponseMap.resetFully(d, s.population());
            double g0 = d.read();
            double distance = target - g0;
            if (distance <= 0) {
                return Status.UNREACHABLE;
            }
            int n = steps(map, g0, distance, s.spacing());
            double step = distance / n;
            int ref = map.nearestWidth(s.model().pulseWidth());
            for (int k = 0; k < n; k++) {
                double g = g0 + k * step;
                int w = map.width(g, step, ref);
                d.pulse(map.amplitude(w, g, step), map.widths()[w]);
            }
            return Status.CONVERGED;
        }
    },

    /**
     * Chen et al., Nat. Commun. 2023: no reads; from a full RESET apply the number of identical
     * SET pulses at the reference amplitude that the mean potentiation curve needs to reach the
     * target (rounded). Published: open-loop pulse counts from the average, linear response. Ours:
     * the full RESET as the common start.
     */
    OPEN_LOOP("open-loop") {
        @Override
        Status program(ResistiveDevice d, double target, Settings s) {
            CompactDeviceParameters p = s.model();
            ResponseMap.resetFully(d, s.population());
            long n = Math.round(p.ltp().pulses(target));
            for (long k = 0; k < n; k++) {
                d.pulse(p.vSet(), p.pulseWidth());
            }
            return Status.CONVERGED;
        }
    };

    /** How one device ended. */
    public enum Status {
        /** Closed loop inside the window, or an open-loop scheme done. */
        CONVERGED,
        /** Closed loop ended outside the window. */
        FAILED,
        /** The scheme's calibration cannot reach the target. */
        UNREACHABLE
    }

    /** Most steps of one {@link #FEEDFORWARD} path. */
    static final int MAX_STEPS = 100_000;

    /**
     * Step count of {@link #FEEDFORWARD} (see there): from the level-spacing count, the first n whose
     * steps no characterised pulse exceeds ({@link #MAX_STEPS} when none does), then lowered while
     * its steps fall below the weakest pulse's and n − 1 still fits. The search skips, from the map's
     * {@link ResponseMap#largestStepRange} over the path, the counts that must exceed it (step above
     * its maximum, or a sample inside an interval where no pulse switches) and stops at one that
     * cannot (step below its minimum): the same n as trying every count, in O(n) instead of O(n²).
     */
    static int steps(ResponseMap map, double g0, double distance, double spacing) {
        int n = Math.max(1, (int) Math.ceil(distance / (0.5 * spacing)));
        ResponseMap.LargestStepRange r = map.largestStepRange(g0, g0 + distance);
        // Every count with distance/n > highest exceeds the map at every sample; one below the bound
        // for round-off.
        n = r.highest() > 0 ? (int) Math.max(n, Math.min(MAX_STEPS, Math.ceil(distance / r.highest()) - 1)) : MAX_STEPS;
        // From here every count's steps are within the map everywhere on the path.
        long fits = r.lowest() > 0 ? (long) Math.ceil(distance / r.lowest()) + 1 : Long.MAX_VALUE;
        // From here a sample falls inside the widest interval where no pulse switches: n samples
        // distance/n apart cover [g0, g0 + distance − distance/n], and an interval longer than two
        // steps inside the path holds one.
        long dead = r.dead() > 0 ? (long) Math.ceil(2 * distance / r.dead()) + 1 : Long.MAX_VALUE;
        while (n < MAX_STEPS && n < fits && (exceedsNear(map, g0, distance, n, r.weakest())
                || violates(map, g0, distance, n, true))) {
            n = n + 1 >= dead ? MAX_STEPS : n + 1;
        }
        while (n > 1 && violates(map, g0, distance, n, false) && !violates(map, g0, distance, n - 1, true)) {
            n--;
        }
        return n;
    }

    /**
     * Whether a step of an n-step path next to G = {@code weakest} (the samples either side of it)
     * is larger than the largest characterised step there: where the counts that fail mostly fail,
     * so that most of them are refused without a scan of the whole path.
     */
    private static boolean exceedsNear(ResponseMap map, double g0, double distance, int n, double weakest) {
        double step = distance / n;
        int k = (int) Math.floor((weakest - g0) / step);
        for (int q = Math.max(0, k); q <= Math.min(n - 1, k + 1); q++) {
            if (step > map.largestStep(g0 + q * step)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some step of an n-step path is larger than the largest (or smaller than the smallest) characterised step. */
    private static boolean violates(ResponseMap map, double g0, double distance, int n, boolean large) {
        double step = distance / n;
        for (int k = 0; k < n; k++) {
            double g = g0 + k * step;
            if (large ? step > map.largestStep(g) : step < map.smallestStep(g)) {
                return true;
            }
        }
        return false;
    }

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
     * @param population the devices: their mean model and characterised amplitudes
     * @param tolerance  verify window half-width (S)
     * @param spacing    level spacing (S)
     * @param maxPulses  pulse budget of one write-verify
     * @param reset      the reset-voltage calibration (null unless the scheme needs it)
     * @param response   the measured response map (null unless the scheme needs it)
     */
    public record Settings(DevicePopulation population, double tolerance, double spacing, int maxPulses,
                           ResetCalibration reset, ResponseMap response, int denoiseTrainPulses) {

        /** The settings with the train length of the model ({@link #denoiseTrain}). */
        public Settings(DevicePopulation population, double tolerance, double spacing, int maxPulses,
                        ResetCalibration reset, ResponseMap response) {
            this(population, tolerance, spacing, maxPulses, reset, response, -1);
        }

        /** The mean device model. */
        public CompactDeviceParameters model() {
            return population.model();
        }

        /**
         * Pulses of one denoising train of {@code write-verify-denoise}: as set ({@link #withDenoiseTrain};
         * 0 leaves the train out), else three time constants of the extracted train, n_d, within the
         * pulse budget (an unresolved, huge n_d must not turn one programming into millions of pulses).
         */
        public int denoiseTrain() {
            return denoiseTrainPulses >= 0 ? denoiseTrainPulses
                    : (int) Math.min(Math.ceil(3 * model().denoisePulses()), maxPulses);
        }

        /** These settings with trains of {@code pulses} pulses (≥ 0; 0: no train), or the model's when negative. */
        public Settings withDenoiseTrain(int pulses) {
            return new Settings(population, tolerance, spacing, maxPulses, reset, response, pulses);
        }
    }

    /** Programs one device to {@code target} (S). */
    abstract Status program(ResistiveDevice d, double target, Settings s);

    /**
     * The settings of this scheme for a population: measures the calibration it needs on
     * reference devices of seeds {@code firstReferenceSeed}, {@code firstReferenceSeed − 1}, …
     */
    public Settings settings(DevicePopulation pop, double spacing, long firstReferenceSeed) {
        ResetCalibration reset = this == RESET_VOLTAGE_CONTROL ? ResetCalibration.measure(pop, firstReferenceSeed) : null;
        ResponseMap response = this == FEEDFORWARD ? ResponseMap.measure(pop, firstReferenceSeed) : null;
        return new Settings(pop, spacing / 4, spacing, CrossbarProgramming.MAX_PULSES, reset, response);
    }

    /** Programs {@code d} to {@code target} (S) with this scheme; true when it converged (closed loop) or always (open loop). */
    public boolean programDevice(ResistiveDevice d, double target, Settings s) {
        return program(d, target, s) == Status.CONVERGED;
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
     * direction repeats (up to {@value #MAX_STRENGTH}) and halves on a flip; stops inside the window or after {@code budget} pulses. With
     * {@code clamp} every |V| is clamped into the characterised range.
     */
    static boolean writeVerify(ResistiveDevice d, double target, Settings s, int budget, boolean clamp) {
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
            double v = p.amplitudeFor(strength, direction);
            d.pulse(clamp ? s.population().clamp(v) : v, p.pulseWidth());
        }
        return Math.abs(d.read() - target) <= s.tolerance();
    }

    /** Strength (reference pulses) of the first write-verify pulse and of each increment. */
    static final double START = 0.25;
    /** Smallest write-verify strength: finer than this the step is below the read noise. */
    static final double MIN_STRENGTH = 0.02;
    /** Largest write-verify strength: ISPP caps the amplitude (here at twice the reference overdrive). */
    static final double MAX_STRENGTH = 2;
}
