package org.hafnia.experiments.cases;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.kinetics.FieldDrivenBias;
import org.hafnia.solver.device.DeviceConductance;
import org.hafnia.solver.device.JouleHeating;
import org.hafnia.solver.device.PulseSolves;
import org.hafnia.solver.protocol.ScheduleRunner;

/**
 * The bias profile s(x, y, z) of a 3D run's field- or current-driven bias (physics.md §1.3),
 * refreshed from the 3D film every few steps: a pure function of (φ, step), held in an array the
 * stepper reads and saved in checkpoints by name, so that a resumed run uses exactly the profile
 * in effect when it was interrupted.
 */
final class DeviceCouplings {

    private static final double NM = 1e-9;

    static final String PROFILE = "bias_profile";

    private final RunCase c;
    /** Bias profile read by the stepper (updated in place), or null for a uniform bias. */
    private final double[] profile;
    /** The 3D conduction solve, kept across updates (no arrays allocated per update); each from zero, as a fresh solve. */
    private PulseSolves solves;

    DeviceCouplings(RunCase c) {
        this.c = c;
        this.profile = c.physics().profile() == null ? null : new double[c.initial().grid().size()];
    }

    /** The bias profile array the runner passes to the stepper (null when uniform). */
    double[] profile() {
        return profile;
    }

    /** Steps between updates that the runner's boundaries must hit (0 when nothing is coupled). */
    int interval() {
        return c.physics().profile() == null ? 0 : c.physics().profile().updateEvery();
    }

    /** Updates the profile when due at {@code at} from the state {@code phi}. */
    void update(ScheduleRunner.Position at, double[] phi) {
        RunCase.DriveProfile p = c.physics().profile();
        if (p != null && at.step() % p.updateEvery() == 0) {
            updateProfile(phi, p);
        }
    }

    /** The fields to save in a checkpoint. */
    Map<String, double[]> fields() {
        Map<String, double[]> m = new LinkedHashMap<>();
        if (profile != null) {
            m.put(PROFILE, profile.clone());
        }
        return m;
    }

    /** Restores the fields saved by {@link #fields()}. */
    void restore(Map<String, double[]> saved, String checkpoint) {
        if (profile == null) {
            return;
        }
        double[] v = saved.get(PROFILE);
        if (v == null || v.length != profile.length) {
            throw new InvalidInputException(checkpoint + ": has no " + PROFILE + " field of " + profile.length + " values");
        }
        System.arraycopy(v, 0, profile, 0, v.length);
    }

    /**
     * s = |E| / (V/t) or |J| / (σ_on V/t) per cell at a 1 V read: independent of V for ohmic
     * conduction. A fresh solve from a zero guess each time: a warm start would make the profile
     * depend on the run's history, and a resumed run must compute exactly what the uninterrupted one did.
     */
    private void updateProfile(double[] phi, RunCase.DriveProfile p) {
        RunCase.Conductance g = c.physics().conductance();
        double field = 1.0 / (g.thickness() * NM);
        boolean byField = p.driver().equals("field");
        FieldDrivenBias.Driver driver = byField ? FieldDrivenBias.Driver.FIELD : FieldDrivenBias.Driver.CURRENT_DENSITY;
        double reference = byField ? field : g.sigma().onConductivity() * field;
        ConductingFilm film = CaseRun.film(c, phi);
        DeviceConductance.Read r = read(film, 1.0);
        double[] s = FieldDrivenBias.profile(r.operator(), r.potential(), film.conductivity(), driver, reference);
        System.arraycopy(s, 0, profile, 0, profile.length);
    }

    private DeviceConductance.Read read(ConductingFilm film, double volts) {
        if (solves == null) {
            solves = new PulseSolves(new DeviceConductance(c.physics().conductance().tolerance(),
                    DeviceConductance.DEFAULT.maxIterations()), JouleHeating.DEFAULT);
        }
        return solves.read(film, volts, null);
    }
}
