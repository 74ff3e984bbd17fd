package org.hafnia.postprocess.rtn;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.traps.TrapParameters;
import org.hafnia.physics.traps.TrapPopulation;

/**
 * The telegraph noise of one channel map, trap by trap: the traps that {@link TrapPopulation}
 * places on the map, each with its conductance step ΔG_k at the read voltage and its share of the
 * stationary telegraph variance, and the white (Johnson) floor of one read.
 *
 * <p>Each trap is a two-state Markov process, charged with stationary probability
 * p = τ0/(τ0 + τ1) at the read voltage, independent of the others; the read conductance carries
 * ΔG_k when it is charged, so the stationary variance of the telegraph part is
 * <pre>
 *     σ_T² = Σ_k ΔG_k² p (1 − p),
 * </pre>
 * and one read of width w adds Johnson noise of variance σ_J² = 4 k_B T G / (2 w) (as
 * {@code FilmDevice.readCurrent}). This is the read σ a long trace converges to (a finite trace
 * samples σ_T² with the error of its dwell count, docs/traps.md).
 *
 * <p>{@link #against} attributes the change of σ_T² between two maps of the same device (same seed,
 * so a trap keeps its key and position while φ there stays in the window) to the traps that
 * vanished — φ at the trap dissolved (φ &lt; φ_min), completed (φ ≥ φ_channel), or the trap lost its
 * path within reach — the traps that appeared, and the step change of the traps that persisted:
 * σ_T²(now) = σ_T²(before) − vanished + appeared + persisting.
 *
 * @param conductance the terminal conductance of the map without noise, S
 * @param grid        the map's grid
 * @param phi         the map (not copied: the caller's snapshot)
 * @param parameters  the trap parameters
 * @param chargedFraction p = τ0/(τ0 + τ1) at the census voltage
 * @param traps       the placed traps with their steps and variances
 * @param johnson     σ_J² of one read, S²
 */
public record TrapCensus(double conductance, Grid2D grid, double[] phi, TrapParameters parameters,
                         double chargedFraction, List<Entry> traps, double johnson) {

    /**
     * One trap.
     *
     * @param trap     the trap (key, position, distance to its path and the path's width)
     * @param step     ΔG_k in a read at the census voltage, S (negative)
     * @param variance ΔG_k² p (1 − p), S²
     */
    public record Entry(TrapPopulation.Trap trap, double step, double variance) {
    }

    /**
     * The change of σ_T² from one census of a device to another, S², split by cause.
     *
     * @param before     σ_T² of the earlier map
     * @param now        σ_T² of the later map
     * @param dissolved  variance of traps where φ dissolved (φ &lt; φ_min at the trap)
     * @param completed  variance of traps where φ completed (φ ≥ φ_channel at the trap)
     * @param outOfReach variance of traps where φ stayed partially reduced but no path is left within reach
     * @param appeared   variance of traps present only in the later map
     * @param persisting Σ (ΔG_now² − ΔG_before²) p (1 − p) of the traps in both
     */
    public record Attribution(double before, double now, double dissolved, double completed, double outOfReach,
                              double appeared, double persisting) {

        /** The traps that vanished, S². */
        public double vanished() {
            return dissolved + completed + outOfReach;
        }
    }

    /**
     * The census of a map.
     *
     * @param parameters  trap parameters
     * @param seed        the device's trap seed
     * @param grid        the map's grid (physical unit)
     * @param phi         the map
     * @param conductance terminal conductance without noise, S
     * @param volts       read voltage, V (signed)
     * @param readWidth   read width, s
     * @param temperature ambient temperature of the read, K
     */
    public static TrapCensus of(TrapParameters parameters, long seed, Grid2D grid, double[] phi, double conductance,
                                double volts, double readWidth, double temperature) {
        TrapPopulation population = new TrapPopulation(parameters, seed);
        population.update(grid, phi);
        double p = population.chargedFraction(volts);
        List<TrapPopulation.Trap> placed = population.traps();
        List<Entry> entries = new ArrayList<>(placed.size());
        for (int k = 0; k < placed.size(); k++) {
            double step = population.step(k, volts);
            entries.add(new Entry(placed.get(k), step, step * step * p * (1 - p)));
        }
        double johnson = 4 * PhysicalConstants.BOLTZMANN_J_PER_K * temperature * conductance
                / (2 * readWidth);
        return new TrapCensus(conductance, grid, phi, parameters, p, List.copyOf(entries), johnson);
    }

    /** σ_T² = Σ_k ΔG_k² p (1 − p), S². */
    public double telegraphVariance() {
        double s = 0;
        for (Entry e : traps) {
            s += e.variance();
        }
        return s;
    }

    /** √(σ_T² + σ_J²): the stationary read σ, S. */
    public double readSigma() {
        return Math.sqrt(telegraphVariance() + johnson);
    }

    /**
     * The entry of trap {@code t} (its identity on one device: the counter key of its candidate,
     * drawn from the seed alone), or null. Linear in the traps (a few per device).
     */
    public Entry find(TrapPopulation.Trap t) {
        for (Entry e : traps) {
            if (e.trap().key() == t.key()) {
                return e;
            }
        }
        return null;
    }

    /** This census against an earlier one of the same device (same trap seed and grid). */
    public Attribution against(TrapCensus earlier) {
        double dissolved = 0;
        double completed = 0;
        double outOfReach = 0;
        double persisting = 0;
        for (Entry e : earlier.traps) {
            Entry later = find(e.trap());
            if (later != null) {
                persisting += later.variance() - e.variance();
                continue;
            }
            double here = TrapPopulation.phiAt(grid, phi, e.trap().x(), e.trap().y());
            if (here < parameters.phiMin()) {
                dissolved += e.variance();
            } else if (parameters.conducting(here)) {
                completed += e.variance();
            } else {
                outOfReach += e.variance();
            }
        }
        double appeared = 0;
        for (Entry e : traps) {
            if (earlier.find(e.trap()) == null) {
                appeared += e.variance();
            }
        }
        return new Attribution(earlier.telegraphVariance(), telegraphVariance(), dissolved, completed, outOfReach,
                appeared, persisting);
    }
}
