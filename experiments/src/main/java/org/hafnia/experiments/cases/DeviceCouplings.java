package org.hafnia.experiments.cases;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.kinetics.FieldDrivenBias;
import org.hafnia.physics.materials.ArrheniusMobility;
import org.hafnia.physics.materials.HafniaMaterial;
import org.hafnia.solver.device.DeviceConductance;
import org.hafnia.solver.device.JouleHeating;
import org.hafnia.solver.device.PulseSolves;
import org.hafnia.solver.device.PlanViewCoupling;
import org.hafnia.solver.protocol.Schedule;
import org.hafnia.solver.protocol.ScheduleRunner;

/**
 * The device fields the kinetics read, refreshed from the film every few steps
 * (physics.md §1.3): the bias profile s(x, y) of a field- or current-driven bias, and the
 * Arrhenius mobility L(T(x, y)) of a Joule-heated film: column means of the film's fields for a
 * plan-view case, the fields of every cell, s(x, y, z) and L(T(x, y, z)), for a 3D case. Both are pure functions of (φ, step),
 * held in arrays the stepper reads, and saved in checkpoints by name so that a resumed run uses
 * exactly the fields in effect when it was interrupted.
 */
final class DeviceCouplings {

    private static final double NM = 1e-9;

    static final String PROFILE = "bias_profile";
    static final String MOBILITY = "mobility";

    private final RunCase c;
    /** Bias profile read by the stepper (updated in place), or null for a uniform bias. */
    private final double[] profile;
    /** Mobility field handed to the stepper after each update, or null for a constant L. */
    private final double[] mobility;
    private final MobilitySink sink;
    /** The 3D solves, kept across updates (no arrays allocated per update); each from zero, as a fresh solve. */
    private PulseSolves solves;
    private double[] thermalConductivity;

    /** Receives a new mobility field (the stepper re-checks its stability limit). */
    @FunctionalInterface
    interface MobilitySink {
        void mobilityField(double[] mobility);
    }

    DeviceCouplings(RunCase c, MobilitySink sink) {
        this.c = c;
        this.sink = sink;
        int n = c.initial().grid().size();
        this.profile = c.physics().profile() == null ? null : new double[n];
        this.mobility = c.physics().arrhenius() == null ? null : new double[n];
    }

    /** The bias profile array the runner passes to the stepper (null when uniform). */
    double[] profile() {
        return profile;
    }

    /** Steps between updates that the runner's boundaries must hit (0 when nothing is coupled). */
    int interval() {
        int a = c.physics().profile() == null ? 0 : c.physics().profile().updateEvery();
        int b = c.physics().arrhenius() == null ? 0 : c.physics().arrhenius().updateEvery();
        return a == 0 ? b : (b == 0 ? a : gcd(a, b));
    }

    /** Updates whatever is due at {@code at} from the state {@code phi}. */
    void update(ScheduleRunner.Position at, double[] phi, Schedule schedule) {
        long step = at.step();
        RunCase.DriveProfile p = c.physics().profile();
        if (p != null && step % p.updateEvery() == 0) {
            updateProfile(phi, p);
        }
        RunCase.Arrhenius a = c.physics().arrhenius();
        if (a != null && step % a.updateEvery() == 0) {
            updateMobility(phi, schedule.voltageAt(at), a);
        }
    }

    /** The fields to save in a checkpoint. */
    Map<String, double[]> fields() {
        Map<String, double[]> m = new LinkedHashMap<>();
        if (profile != null) {
            m.put(PROFILE, profile.clone());
        }
        if (mobility != null) {
            m.put(MOBILITY, mobility.clone());
        }
        return m;
    }

    /** Restores the fields saved by {@link #fields()}. */
    void restore(Map<String, double[]> saved, String checkpoint) {
        restore(saved, PROFILE, profile, checkpoint);
        restore(saved, MOBILITY, mobility, checkpoint);
        if (mobility != null) {
            sink.mobilityField(mobility);
        }
    }

    private static void restore(Map<String, double[]> saved, String name, double[] target, String checkpoint) {
        if (target == null) {
            return;
        }
        double[] v = saved.get(name);
        if (v == null || v.length != target.length) {
            throw new InvalidInputException(checkpoint + ": has no " + name + " field of " + target.length + " values");
        }
        System.arraycopy(v, 0, target, 0, v.length);
    }

    /**
     * The plan-view device of this case. A fresh one per update: {@link PlanViewCoupling}
     * warm-starts each solve from its previous potential, which would make the fields depend on
     * the run's history, and a resumed run must compute exactly what the uninterrupted one did.
     */
    private PlanViewCoupling device(ArrheniusMobility law, FieldDrivenBias.Driver driver, double reference) {
        RunCase.Conductance g = c.physics().conductance();
        RunCase.Heat h = g.heat();
        HafniaMaterial m = h == null ? HafniaMaterial.DEFAULT
                : new HafniaMaterial(g.sigma().onConductivity(), g.sigma().offConductivity(), h.thermalConductivity(),
                        law == null ? HafniaMaterial.DEFAULT.activationEnergy() : law.activationEnergy(),
                        g.thickness() * NM, h.ambient());
        return new PlanViewCoupling(c.planView().grid(), g.thickness(), g.layers(), g.sigma(), m, law, driver, reference);
    }

    /** s = |E| / (V/t) or |J| / (σ_on V/t) at a 1 V read: independent of V for ohmic conduction. */
    private void updateProfile(double[] phi, RunCase.DriveProfile p) {
        RunCase.Conductance g = c.physics().conductance();
        double field = 1.0 / (g.thickness() * NM);
        boolean byField = p.driver().equals("field");
        FieldDrivenBias.Driver driver = byField ? FieldDrivenBias.Driver.FIELD : FieldDrivenBias.Driver.CURRENT_DENSITY;
        double reference = byField ? field : g.sigma().onConductivity() * field;
        double[] s;
        if (c.threeD()) {
            // A fresh solve from a zero guess, for the reason given at device().
            ConductingFilm film = CaseRun.film(c, phi);
            DeviceConductance.Read r = read(film, 1.0);
            s = FieldDrivenBias.profile(r.operator(), r.potential(), film.conductivity(), driver, reference);
        } else {
            s = device(null, driver, reference).evaluate(phi, 1.0).biasProfile();
        }
        System.arraycopy(s, 0, profile, 0, profile.length);
    }

    private DeviceConductance.Read read(ConductingFilm film, double volts) {
        if (solves == null) {
            solves = new PulseSolves(new DeviceConductance(c.physics().conductance().tolerance(),
                    DeviceConductance.DEFAULT.maxIterations()), JouleHeating.DEFAULT);
        }
        return solves.read(film, volts, null);
    }

    /** L(T) with T the column-mean Joule temperature at the voltage applied next (T0 at 0 V). */
    private void updateMobility(double[] phi, double volts, RunCase.Arrhenius a) {
        double ambient = c.physics().conductance().heat().ambient();
        ArrheniusMobility law = ArrheniusMobility.normalisedAt(c.physics().mobility(), ambient, a.activationEnergy());
        if (volts == 0) {
            java.util.Arrays.fill(mobility, law.at(ambient));
        } else if (c.threeD()) {
            ConductingFilm film = CaseRun.film(c, phi);
            RunCase.Heat h = c.physics().conductance().heat();
            DeviceConductance.Read r = read(film, volts);
            if (thermalConductivity == null) {
                thermalConductivity = new double[film.grid().size()];
                java.util.Arrays.fill(thermalConductivity, h.thermalConductivity());
            }
            law.at(solves.heat(film, r, thermalConductivity, h.ambient(), null).temperature(), mobility);
        } else {
            double[] l = device(law, FieldDrivenBias.Driver.FIELD, 1.0).evaluate(phi, volts).mobility();
            System.arraycopy(l, 0, mobility, 0, mobility.length);
        }
        sink.mobilityField(mobility);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
