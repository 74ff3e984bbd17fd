package org.hafnia.experiments.denoise;

import java.util.SplittableRandom;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.hafnia.physics.compact.StructuralDevice;

/**
 * TEST FIXTURE, not a device model: a 16 × 16 plan-view map with a complete core (φ = 1, radius
 * 3 nodes) in an incomplete fringe (φ = {@value #FRINGE_PHI}, radius 3–5 nodes) whose simple,
 * stated rules let the analysis of the study be checked against closed-form expectations.
 * <ul>
 * <li>G = Σ g(φ) over the nodes, g = {@value #G_NODE} S · φ (columns in parallel).</li>
 * <li>A RESET-polarity pulse of amplitude a and width τ lowers every fringe node by
 * {@value #FRINGE_RATE} s⁻¹ · τ · sinh(|a| / {@value #FRINGE_V} V) and every core node (the initial core) by
 * {@value #CORE_RATE} s⁻¹ · τ · sinh(|a| / {@value #CORE_V} V); SET-polarity and 0 V pulses change nothing.</li>
 * <li>Telegraph noise: {@value #TRAPS} traps while the fringe holds φ &gt; {@value #TRAP_PHI}; each
 * is charged or not with probability ½ at every read, independently, and lowers G by
 * {@value #TRAP_STEP} S when charged. White read noise σ = {@value #WHITE} S.</li>
 * </ul>
 */
final class FixtureDevice implements StructuralDevice {

    static final double G_NODE = 3.4e-6;
    /** σ(φ) for the complete-channel conductance (log-linear, physics.md §6 range). */
    static final LogLinearConductivity SIGMA = new LogLinearConductivity(1e-2, 7e4);
    static final double FRINGE_PHI = 0.35;
    static final double FRINGE_RATE = 1e5;
    static final double FRINGE_V = 0.2;
    static final double CORE_RATE = 0.1;
    static final double CORE_V = 0.1;
    static final int TRAPS = 1;
    static final double TRAP_PHI = 0.1;
    static final double TRAP_STEP = 2e-6;
    static final double WHITE = 0.05e-6;

    private final Grid2D grid = new Grid2D(16, 16, 1, 1, LengthUnit.NANOMETRE);
    private final double[] phi = new double[grid.size()];
    private final boolean[] core = new boolean[grid.size()];
    private final SplittableRandom random;
    private double time;

    FixtureDevice(long seed) {
        random = new SplittableRandom(seed);
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double r = Math.hypot(i - 7.5, j - 7.5);
                phi[grid.index(i, j)] = r <= 3 ? 1 : (r <= 5 ? FRINGE_PHI : 0);
                core[grid.index(i, j)] = r <= 3;
            }
        }
    }

    @Override
    public void pulse(double amplitude, double width) {
        if (amplitude < 0) {
            double fringe = FRINGE_RATE * width * Math.sinh(-amplitude / FRINGE_V);
            double inner = CORE_RATE * width * Math.sinh(-amplitude / CORE_V);
            for (int k = 0; k < phi.length; k++) {
                phi[k] = Math.max(0, phi[k] - (core[k] ? inner : fringe));
            }
        }
        time += width;
    }

    @Override
    public double read() {
        return readCurrent(-0.15, 1e-6) / -0.15;
    }

    @Override
    public double readCurrent(double volts, double width) {
        double g = 0;
        boolean fringe = false;
        for (double p : phi) {
            g += G_NODE * p;
        }
        for (int k = 0; k < phi.length; k++) {
            fringe |= !core[k] && phi[k] > TRAP_PHI;
        }
        for (int t = 0; t < (fringe ? TRAPS : 0); t++) {
            g -= random.nextBoolean() ? TRAP_STEP : 0;
        }
        g += WHITE * random.nextGaussian();
        time += width;
        return volts * g;
    }

    @Override
    public void idle(double seconds) {
        time += seconds;
    }

    @Override
    public double time() {
        return time;
    }

    @Override
    public Grid2D grid() {
        return grid;
    }

    @Override
    public double[] phi() {
        return phi.clone();
    }
}
