package org.hafnia.experiments.fit;

import java.util.Arrays;
import java.util.List;

import org.hafnia.experiments.fig4.Fig4Experiment;
import org.hafnia.experiments.fig4.Fig4Parameters;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.solver.integrators.StepControl;
import org.hafnia.solver.protocol.ProtocolListener;

/**
 * The misfit of the Fig. 4 protocol run from φ0 with some parameters freed: the root-mean-square
 * difference, in φ, between one snapshot (by default the final state, {@code pulse2}) and the target map,
 * RMSE = (Σ (φ_sim − φ_target)² / N)^½. The physics is {@link Fig4Experiment} (explicit Euler,
 * {@code ForwardEulerAllenCahn2D}); a parameter set beyond the explicit stability limit is
 * sub-stepped and counted.
 */
public final class Fig4Objective {

    /** Default snapshot compared with the target: the state after the whole protocol. */
    public static final String FINAL_SNAPSHOT = "pulse2";

    private final EnergyProfile profile;
    private final Fig4Parameters base;
    private final ScalarField2D initial;
    private final double[] target;
    private final List<FitParameter> free;
    private final int threads;
    private final String snapshot;
    private int evaluations;
    private int substepped;

    /**
     * @param base    the parameters that stay fixed (and the starting values of the free ones)
     * @param initial φ0, values in [0, 1]
     * @param target  target φ on the same grid
     * @param free    the freed parameters, in the order of the value vectors
     * @param snapshot the protocol snapshot compared with the target (initial, relaxed, pulse1, pulse2)
     */
    public Fig4Objective(EnergyProfile profile, Fig4Parameters base, ScalarField2D initial, double[] target,
                         List<FitParameter> free, int threads, String snapshot) {
        if (!Arrays.asList(Fig4Experiment.PANELS).contains(snapshot)) {
            throw new InvalidInputException("unknown snapshot '" + snapshot + "': expected one of "
                    + String.join(", ", Fig4Experiment.PANELS));
        }
        if (target.length != initial.values().length) {
            throw new InvalidInputException("mismatched grids: the target has " + target.length
                    + " nodes, the initial map " + initial.values().length);
        }
        this.profile = profile;
        this.base = base;
        this.initial = initial;
        this.target = target;
        this.free = List.copyOf(free);
        this.threads = threads;
        this.snapshot = snapshot;
    }

    public String snapshot() {
        return snapshot;
    }

    public List<FitParameter> free() {
        return free;
    }

    public Fig4Parameters base() {
        return base;
    }

    /** The full parameter set with the free ones set to {@code values}. */
    public Fig4Parameters parameters(double[] values) {
        Fig4Parameters p = base;
        for (int k = 0; k < free.size(); k++) {
            p = free.get(k).apply(p, values[k]);
        }
        return p;
    }

    /** The compared snapshot φ of the protocol run with {@code values}. */
    public ScalarField2D simulate(double[] values) {
        Fig4Experiment e = new Fig4Experiment(profile, parameters(values), threads, StepControl.SUBSTEP);
        evaluations++;
        int nx = initial.grid().nx();
        int ny = initial.grid().ny();
        if (e.parameters().timeStep() * e.model(nx, ny).explicitRate() > 1) {
            substepped++;
        }
        return e.run(initial, new ProtocolListener() { }).get(snapshot);
    }

    /** φ_sim − φ_target at every node. */
    public double[] residuals(double[] values) {
        double[] s = simulate(values).values();
        double[] r = new double[s.length];
        for (int k = 0; k < s.length; k++) {
            r[k] = s[k] - target[k];
        }
        return r;
    }

    /** The RMSE in φ. */
    public double rmse(double[] values) {
        return rms(residuals(values));
    }

    static double rms(double[] r) {
        double ss = 0;
        for (double x : r) {
            ss += x * x;
        }
        return Math.sqrt(ss / r.length);
    }

    /** Protocol runs so far. */
    public int evaluations() {
        return evaluations;
    }

    /** Runs whose time step had to be sub-stepped for stability. */
    public int substepped() {
        return substepped;
    }
}
