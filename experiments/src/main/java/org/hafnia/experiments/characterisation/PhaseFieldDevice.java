package org.hafnia.experiments.characterisation;

import java.util.SplittableRandom;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.physics.compact.TelegraphNoise;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.ForwardEulerAllenCahn2D;
import org.hafnia.solver.integrators.StepControl;

/**
 * A plan-view phase-field device (physics.md §1.3): the Allen–Cahn channel map of physics.md §1.1
 * (double-well f, published grid scaling, explicit Euler, zero-flux edges) read out as
 * vertical columns in parallel, G = Σ g(φ), g(φ) = σ(φ) a²/t with the log-linear
 * σ(φ) = σ_off^(1−φ) σ_on^φ (physics.md §6).
 *
 * <ul>
 * <li>Pulse of amplitude V, width τ: τ × (reduced time per second) of evolution under the
 * field-driven bias b(x) = −β V exp(−r²/2R²), r the distance from the filament (physics.md §1.3:
 * a fixed profile for the field concentrated at the filament); b > 0 (RESET polarity) lowers φ.
 * The filament core (r ≤ core radius) is complete and held at φ = 1, which sets Gmin. The
 * film then cools for the case's cooling time, evolving without bias at the pulse mobility
 * (the lattice is still hot after the bias is removed).</li>
 * <li>Idle time t: evolution without bias at the Arrhenius-slowed mobility, i.e. t × (reduced
 * time per second) × exp(−Ea/kB (1/T_room − 1/T_pulse)) of reduced time.</li>
 * <li>Read: G plus white noise σ/G and a random telegraph step ΔG = γ G_inc, with G_inc the
 * conductance next to partially reduced oxide: incomplete boundary and island channels
 * ({@link #conductances()}), γ the fraction of
 * such a channel a trapped charge switches (Rao et al., Nature 615, 823 (2023), Fig. 3); the step
 * is centred so that its mean is zero.</li>
 * </ul>
 * The initial map is seeded: a tanh-profile channel of the case's radius centred with a random
 * offset, plus incomplete islands of random peak φ around it.
 */
public final class PhaseFieldDevice implements ResistiveDevice {

    private final DeviceCase c;
    private final SplittableRandom random;
    private final ForwardEulerAllenCahn2D stepper;
    private final double[] phi;
    private final double[] field;
    private final int[] core;
    private final LogLinearConductivity sigma;
    private final double columnFactor;
    private final TelegraphNoise rtn;
    private final double restRatio;
    private double pendingPulse;
    private double pendingRest;
    private double pendingCooling;
    private double clock;

    public PhaseFieldDevice(DeviceCase c, long seed) {
        this.c = c;
        this.random = new SplittableRandom(seed);
        int nx = c.nx();
        int ny = c.ny();
        AllenCahnModel2D model = new AllenCahnModel2D(AllenCahnModel2D.publishedGrid(nx, ny),
                BoundaryConditions2D.zeroFlux(), new DoubleWellEnergy(c.barrier(), c.asymmetry()), c.gradientK(), 1,
                true);
        this.stepper = new ForwardEulerAllenCahn2D(model, c.timeStep(), StepControl.REFUSE, 1);
        this.phi = new double[nx * ny];
        this.field = new double[nx * ny];
        double a = c.spacing();
        double cx = (nx - 1) / 2.0 + (random.nextDouble() - 0.5) * 2;
        double cy = (ny - 1) / 2.0 + (random.nextDouble() - 0.5) * 2;
        double width = 1.0; // interface half-width of the initial tanh profile (nodes)
        int nCore = 0;
        int[] coreTmp = new int[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double r = Math.hypot(i - cx, j - cy) * a;
                int idx = j * nx + i;
                phi[idx] = 0.5 * (1 - Math.tanh((r - c.channelRadius()) / (width * a)));
                field[idx] = Math.exp(-r * r / (2 * c.fieldRadius() * c.fieldRadius()));
                if (r <= c.coreRadius()) {
                    coreTmp[nCore++] = idx;
                }
            }
        }
        this.core = java.util.Arrays.copyOf(coreTmp, nCore);
        for (int k = 0; k < c.islands(); k++) {
            double angle = 2 * Math.PI * random.nextDouble();
            double dist = c.channelRadius() / a + 1.5 + 2.5 * random.nextDouble();
            double ix = cx + dist * Math.cos(angle);
            double iy = cy + dist * Math.sin(angle);
            double peak = c.islandPhiMin() + (c.islandPhiMax() - c.islandPhiMin()) * random.nextDouble();
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double r = Math.hypot(i - ix, j - iy) * a;
                    int idx = j * nx + i;
                    phi[idx] = Math.max(phi[idx], peak * Math.exp(-r * r / (2 * c.islandRadius() * c.islandRadius())));
                }
            }
        }
        pin();
        this.sigma = new LogLinearConductivity(c.sigmaOff(), c.sigmaOn());
        this.columnFactor = a * a / c.thickness();
        this.rtn = new TelegraphNoise(c.tau0(), c.tau1(), random);
        this.restRatio = c.restMobilityRatio();
    }

    private void pin() {
        for (int idx : core) {
            phi[idx] = 1;
        }
    }

    /** Runs whole steps of the pending reduced time under bias b (with the field profile when b ≠ 0). */
    private double evolve(double pending, double bias) {
        int steps = (int) Math.floor(pending / c.timeStep() + 1e-9);
        for (int s = 0; s < steps; s++) {
            stepper.advance(phi, 1, bias, bias == 0 ? null : field);
            pin();
        }
        return pending - steps * c.timeStep();
    }

    @Override
    public void pulse(double amplitude, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("pulse width must be positive, got " + width);
        }
        pendingRest = evolve(pendingRest, 0);
        clock += width;
        pendingPulse = evolve(pendingPulse + width * c.reducedPerSecond(), -c.biasPerVolt() * amplitude);
        clock += c.coolingTime();
        pendingCooling = evolve(pendingCooling + c.coolingTime() * c.reducedPerSecond(), 0);
    }

    @Override
    public void idle(double seconds) {
        clock += seconds;
        pendingRest = evolve(pendingRest + seconds * c.reducedPerSecond() * restRatio, 0);
    }

    /** Column conductance g(φ) = σ(φ) a²/t (S), σ log-linear between the phases. */
    double column(double p) {
        return sigma.conductivity(p) * columnFactor;
    }

    /**
     * {G, G_inc} without noise (S). The traps that switch a column sit in the partially reduced
     * oxide around it: a neighbour at φ holds a trap density ∝ 4φ(1 − φ), which vanishes in both
     * pure phases (clean oxide, complete filament) and is largest at φ = ½ (Rao et al. 2023: the
     * charge traps of the incomplete channels cause the telegraph noise; the complete channel does
     * not). A column's coupling is w = ¼ Σ 4φ_nb(1 − φ_nb) over its four neighbours (edges: clean
     * oxide), w ∈ [0, 1], and G_inc = Σ g(φ) w is the conductance switched by those traps.
     */
    public double[] conductances() {
        int nx = c.nx();
        int ny = c.ny();
        double g = 0;
        double inc = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int idx = j * nx + i;
                double x = column(phi[idx]);
                double w = (i > 0 ? partial(phi[idx - 1]) : 0) + (i < nx - 1 ? partial(phi[idx + 1]) : 0)
                        + (j > 0 ? partial(phi[idx - nx]) : 0) + (j < ny - 1 ? partial(phi[idx + nx]) : 0);
                g += x;
                inc += x * w;
            }
        }
        return new double[] {g, inc};
    }

    /** Trap density of a node at φ relative to its largest value: ¼ · 4φ(1 − φ). */
    private static double partial(double p) {
        return p * (1 - p);
    }

    @Override
    public double read() {
        clock += c.protocol().readWidth();
        double[] gs = conductances();
        double pi1 = c.tau1() / (c.tau0() + c.tau1());
        double tele = c.trapBlocking() * gs[1] * ((rtn.stateAt(clock, random) ? 1 : 0) - pi1);
        double white = gs[0] * c.readNoise() * random.nextGaussian();
        return Math.max(0, gs[0] + white + tele);
    }

    @Override
    public double time() {
        return clock;
    }
}
