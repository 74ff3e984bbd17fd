package org.hafnia.experiments.array;

import java.util.SplittableRandom;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.physics.traps.TrapPopulation;
import org.hafnia.solver.device.FilmDevice;

/**
 * One device of the array, simulated on its own phase field ({@link FilmDevice}): its seed comes
 * from (case seed, row, column) only, so its result does not depend on the engine, the batch or
 * the thread that runs it. The seed gives the device its initial channel map (the case's
 * {@code initial} generator), its read noise, its charge traps (the case's {@code traps} section,
 * telegraph noise of the structure, as {@link DeviceCaseFile#device}), and its material variation: the activation energy
 * of ion hopping E_a + σ_Ea·z (z standard normal), which sets the device's switching speed through
 * the Arrhenius mobility L ∝ exp(−E_a/k_BT) (physics.md §1.3). The scheme programs the device by
 * pulses and verify reads on the phase field; then the device idles {@code delay} and is read
 * {@code traceReads} times, {@code traceInterval} apart.
 *
 * <p>The telegraph amplitude before denoising is measured the same way on the device as it was
 * just before its first denoising pulse — the first sub-threshold RESET-polarity pulse
 * (|V| &lt; V_th of what the scheme knows; every write pulse is above threshold,
 * {@link org.hafnia.physics.compact.CompactDeviceParameters#amplitudeFor}): at that pulse the
 * device's whole state is copied ({@link FilmDevice#copy()}: φ, heat, traps, the position of its
 * random streams) and the copy is idled and read as after programming, while the device itself
 * goes on untouched. A scheme that applies no such pulse has not denoised: before and after are the
 * one trace.
 */
public final class ArrayDevice {

    /**
     * The result of one device.
     *
     * @param row       array row
     * @param col       array column
     * @param seed      the device seed
     * @param target    target conductance (S)
     * @param finalG    noise-free conductance at the end of programming (S)
     * @param readFirst the first read after the delay (S): the level statistics use it
     * @param readMean  mean of the read trace after the delay (S)
     * @param readSigma standard deviation of that trace (S)
     * @param telegraph half the peak-to-peak of that trace (S)
     * @param telegraphBefore the same, measured on the device just before its denoising train (S)
     * @param pulses    pulses the scheme spent
     * @param time      programming time: pulses, reads and waits (s)
     * @param energy    programming energy, Σ V²Gτ over pulses and reads (J)
     * @param converged whether the scheme's closed loop ended inside its window
     */
    public record Result(int row, int col, long seed, double target, double finalG, double readFirst, double readMean,
                         double readSigma, double telegraph, double telegraphBefore, int pulses, double time,
                         double energy, boolean converged) {
    }

    /**
     * What every device of a study shares.
     *
     * @param device        the device case
     * @param scheme        programming scheme
     * @param settings      what the scheme knows (extracted mean model, tolerance, spacing, budget)
     * @param eaSpread      σ of the activation energy over devices (eV)
     * @param delay         idle time between programming and the reads (s)
     * @param traceReads    reads after the delay
     * @param traceInterval time between those reads (s)
     */
    public record Common(DeviceCaseFile device, ProgrammingScheme scheme, ProgrammingScheme.Settings settings,
                         double eaSpread, double delay, int traceReads, double traceInterval) {
    }

    private ArrayDevice() {
    }

    /** The seed of device (row, col) of a study seeded {@code caseSeed}: SplitMix64 of the three. */
    public static long seed(long caseSeed, int row, int col) {
        long z = mix(mix(caseSeed) ^ (((long) row << 32) | (col & 0xffffffffL)));
        return z & Long.MAX_VALUE;
    }

    private static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The device of {@code seed} with its material variation. */
    public static FilmDevice create(Common c, long seed) {
        FilmDevice.Model m = c.device().model();
        double ea = m.activationEnergy() + c.eaSpread() * new SplittableRandom(mix(seed)).nextGaussian();
        if (!(ea > 0)) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                    "device of seed %d: activation energy %.4g eV + %.4g eV × z = %.4g eV is not positive; the spread"
                            + " (--ea-spread or the case's array.activation_energy_sigma) is too large for the case's barrier",
                    seed, m.activationEnergy(), c.eaSpread(), ea));
        }
        FilmDevice.Model v = m.withActivationEnergy(ea);
        return new FilmDevice(v, c.device().initialMap(seed), seed,
                c.device().traps() == null ? null : new TrapPopulation(c.device().traps(), seed));
    }

    /** Programs and reads device (row, col) of seed {@code seed} to {@code target}. */
    public static Result run(Common c, int row, int col, long seed, double target) {
        FilmDevice film = create(c, seed);
        Metered d = new Metered(film, c);
        boolean ok = c.scheme().programDevice(d, target, c.settings());
        double finalG = film.conductance();
        int pulses = d.pulses;
        double time = film.time();
        double energy = d.energy;
        double[] after = trace(film, c);
        double before = d.denoised ? d.before : after[3];
        return new Result(row, col, seed, target, finalG, after[0], after[1], after[2], after[3], before, pulses, time, energy,
                ok);
    }

    /**
     * Idles the device {@code delay}, then reads it {@code traceReads} times {@code traceInterval}
     * apart: {first read, mean, standard deviation, half the peak-to-peak} (S).
     */
    private static double[] trace(FilmDevice film, Common c) {
        film.idle(c.delay());
        double first = 0;
        double sum = 0;
        double sumSq = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c.traceReads(); k++) {
            if (k > 0) {
                film.idle(c.traceInterval());
            }
            double g = film.read();
            first = k == 0 ? g : first;
            sum += g;
            sumSq += g * g;
            lo = Math.min(lo, g);
            hi = Math.max(hi, g);
        }
        int n = c.traceReads();
        double mean = sum / n;
        double sigma = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1))) : 0;
        return new double[] {first, mean, sigma, 0.5 * (hi - lo)};
    }

    /**
     * Walks one device (seed {@code seed}) through every target in turn: programs it to each,
     * idles {@code delay}, reads once. Returns {read, pulses, converged (1/0)} per target.
     */
    public static double[][] walk(Common c, long seed, double[] targets) {
        FilmDevice film = create(c, seed);
        Metered d = new Metered(film, null);
        double[][] out = new double[targets.length][];
        for (int k = 0; k < targets.length; k++) {
            int before = d.pulses;
            boolean ok = c.scheme().programDevice(d, targets[k], c.settings());
            film.idle(c.delay());
            out[k] = new double[] {film.read(), d.pulses - before, ok ? 1 : 0};
        }
        return out;
    }

    /**
     * Counts the scheme's pulses and the energy of its pulses and reads by the film's own law
     * ({@link FilmDevice#pulseEnergy}); given the study, measures the telegraph amplitude on a copy
     * of the device at the first sub-threshold RESET pulse (the start of denoising), before it.
     */
    private static final class Metered implements ResistiveDevice {
        private final FilmDevice film;
        /** The study whose trace is taken before denoising, or null: no such measurement (the walk). */
        private final Common study;
        private final double threshold;
        private int pulses;
        private double energy;
        /** Whether the first denoising pulse has come, and the telegraph amplitude just before it (S). */
        private boolean denoised;
        private double before;

        Metered(FilmDevice film, Common study) {
            this.film = film;
            this.study = study;
            this.threshold = study == null ? 0 : study.settings().model().vThreshold();
        }

        @Override
        public void pulse(double amplitude, double width) {
            if (study != null && !denoised && amplitude < 0 && -amplitude < threshold) {
                denoised = true;
                before = trace(film.copy(), study)[3];
            }
            energy += film.pulseEnergy(amplitude, width);
            pulses++;
            film.pulse(amplitude, width);
        }

        @Override
        public double read() {
            energy += film.readEnergy();
            return film.read();
        }

        @Override
        public void idle(double seconds) {
            film.idle(seconds);
        }

        @Override
        public double time() {
            return film.time();
        }
    }
}
