package org.hafnia.solver.device;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.api.TelegraphNoiseSource;
import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.physics.compact.StructuralDevice;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.hafnia.physics.kinetics.SplitMix64;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.hafnia.solver.kernels.HoppingRates;
import org.hafnia.solver.kernels.LogLinearRows;
import org.hafnia.solver.kernels.StabilisedRows;

/**
 * The one physical device model (physics.md §1.3): a plan-view HfO2 film whose channel map φ(x, y)
 * evolves under the voltage applied to it, through
 * <ol>
 * <li><b>electrostatics</b>: the map is extruded through the film (σ(φ) constant along each
 * column), so the field is E = V_f/t in every column, J = σ(φ)E, and the film conductance is
 * G_f = Σ σ(φ) a²/t (columns in parallel: exact for the extruded film). A series resistance R_s
 * (access line, electrodes) divides the applied voltage: V_f = V/(1 + R_s G_f);</li>
 * <li><b>Joule heating</b>: q = σ(φ)E² drives the transient quasi-3D heat model {@link FilmHeat}
 * (film and electrode heat capacities), so the film heats during a pulse and cools after it by
 * conduction;</li>
 * <li><b>kinetics</b>: the Allen–Cahn flow of the free energy F = ∫ (f(φ)/v + κ/2 |∇φ|²) dV,
 * ∂φ/∂t = L(T) (−f'(φ)/v + κ∇²φ − b), φ clipped to [0, 1], with f the energy per site of the
 * {@link FreeEnergyDensity} (eV), v the site volume (nm³), κ in eV/nm, and
 * <ul>
 * <li>the Arrhenius mobility of a thermally activated hop, L(T) = (ν₀ v / k_B T) exp(−E_a/k_B T)
 * (rate ν₀ exp(−E_a/k_BT) per unit driving energy k_BT per site);</li>
 * <li>the field-accelerated ion-hopping drive b = −(b₀/v) sinh(z e a E / 2k_B T) (Mott–Gurney;
 * Ielmini, IEEE TED 58, 4309 (2011)), a the hop distance, z the ion charge: V &gt; 0 (SET)
 * grows φ, V &lt; 0 (RESET) dissolves it. No threshold is set: it emerges from the sinh, the
 * Arrhenius factor and the Joule heating.</li>
 * <li>when the model asks for it ({@link Model#thermalNoise()}), the Langevin noise of physics.md §1.3
 * at each node's own temperature, seeded per device ({@link #thermal}).</li>
 * </ul>
 * The kernel works in the per-site form ∂φ/∂t = (L/v)(−f' + vκ∇²φ − vb).</li>
 * </ol>
 * Time integration over every constant-voltage segment (pulse, read, idle): a linearly
 * stabilised, diagonally implicit Euler step of the Allen–Cahn equation (see {@link #step}),
 * stable for any Δt where the well is convex, so the hot channel's mobility (10³–10⁶ times the
 * cool matrix's) sets no step limit; the step is chosen for accuracy ({@link Stepping}): max |Δφ| ≤
 * 0.02 per step, and after a voltage change the steps start at a quarter of the film's column time
 * and grow no faster than the elapsed time, so the heating and cooling transients are resolved.
 * Heat is advanced exactly with the source of each step. The scheme is first order: tightening
 * both controls by 2 halves the error (FilmDeviceReferenceTest, against fine explicit steps).
 *
 * <p>A read is a pulse at V_read: it disturbs the state by the same laws. The read current adds the
 * telegraph noise of the structure (a {@link TelegraphNoiseSource}, if any) and the Johnson–Nyquist
 * current noise of the conductance, σ_I = √(4 k_B T0 G Δf) with Δf = 1/(2 × read width).
 * Not thread-safe; one device per thread.
 */
public final class FilmDevice implements StructuralDevice {

    /**
     * The accuracy controls of the time integration (first order in both: halving them halves the
     * error, FilmDeviceReferenceTest).
     *
     * @param maxChange largest change of φ at any node in one step
     * @param growth    after a voltage change a step is at most max(first step, growth × the time
     *                  since the change): 1 lets the steps double, so the heating and cooling
     *                  transients take a few steps per decade
     * @param noiseDamping with thermal noise, the largest damping a = Δt λ (S + D) of a step at the hottest
     *                     node (λ its mobility, S + D the stiffness of the step, {@link FilmDevice#thermal}):
     *                     the noise's correlations between neighbours are resolved to first order in it
     *                     (at 0.1 the neighbour covariance is 4 % low, a node's variance 0.5 %)
     */
    public record Stepping(double maxChange, double growth, double noiseDamping) {
        /**
         * The defaults of every study: max |Δφ| ≤ 0.02, growth 1. Measured against fine explicit steps
         * (FilmDeviceReferenceTest): a 5 ns pulse of ±0.9 V that moves φ by 0.09 is off by 0.006 (RESET)
         * and 0.017 (SET) at the worst node; (0.005, 1/4) gives 0.0017 and 0.0063 at 2.5–3 × the steps.
         */
        public static final Stepping DEFAULT = new Stepping(0.02, 1);

        /** The two controls with the default noise damping, 0.1. */
        public Stepping(double maxChange, double growth) {
            this(maxChange, growth, 0.1);
        }

        public Stepping {
            if (!(maxChange > 0 && maxChange <= 0.5) || !(growth > 0 && growth <= 1)) {
                throw new InvalidInputException("device stepping: max change must be in (0, 0.5] and growth in (0, 1], got "
                        + maxChange + ", " + growth);
            }
            if (!(noiseDamping > 0 && noiseDamping <= 100)) {
                throw new InvalidInputException("device stepping: noise damping must be in (0, 100], got " + noiseDamping);
            }
        }
    }

    /** A segment that moves φ by less than this at any node (at the hotter of its end temperatures) is one step. */
    static final double QUIET = 1e-4;

    /** XOR of the device seed that gives its Langevin draws a stream apart from its read noise ("thermal"). */
    private static final long THERMAL_STREAM = 0x7468_6572_6D61_6CL;

    /**
     * The device physics in physical units.
     *
     * @param grid             plan-view grid, spacings in nm
     * @param thickness        film thickness t, m
     * @param energy           bulk free energy per site f(φ), eV
     * @param siteVolume       volume per site v, nm³ (the factor from f per site to f per volume)
     * @param kappa            gradient coefficient κ, eV/nm
     * @param attemptFrequency ν₀, 1/s
     * @param activationEnergy E_a, eV
     * @param driveScale       b₀, the drive per site at sinh = 1, eV
     * @param ionCharge        z, the hopping ion's charge number
     * @param hopDistance      a, nm
     * @param sigma            σ(φ), S/m
     * @param heat             thermal parameters
     * @param seriesResistance R_s, Ω (≥ 0)
     * @param readVoltage      V_read of {@link #read()}, V (≠ 0)
     * @param readWidth        width of a read, s
     * @param stepping         the accuracy controls of the time integration (numerics, not physics)
     * @param thermalNoise     the Langevin noise of the kinetics at each node's own temperature
     *                         (physics.md §1.3; see {@link FilmDevice#step})
     */
    public record Model(Grid2D grid, double thickness, FreeEnergyDensity energy, double siteVolume, double kappa,
                        double attemptFrequency, double activationEnergy, double driveScale, double ionCharge,
                        double hopDistance, ConductivityModel sigma, FilmHeat.Parameters heat,
                        double seriesResistance, double readVoltage, double readWidth, Stepping stepping,
                        boolean thermalNoise) {

        /** The model integrated with {@link Stepping#DEFAULT}, without thermal noise. */
        public Model(Grid2D grid, double thickness, FreeEnergyDensity energy, double siteVolume, double kappa,
                     double attemptFrequency, double activationEnergy, double driveScale, double ionCharge,
                     double hopDistance, ConductivityModel sigma, FilmHeat.Parameters heat,
                     double seriesResistance, double readVoltage, double readWidth) {
            this(grid, thickness, energy, siteVolume, kappa, attemptFrequency, activationEnergy, driveScale, ionCharge,
                    hopDistance, sigma, heat, seriesResistance, readVoltage, readWidth, Stepping.DEFAULT, false);
        }

        public Model {
            java.util.Objects.requireNonNull(stepping, "stepping");
            if (Math.abs(grid.unit().metres() - 1e-9) > 0) {
                throw new InvalidInputException("the device grid is in nm, got " + grid.unit().symbol());
            }
            positive("site volume (nm^3)", siteVolume);
            if (!(kappa >= 0) || !Double.isFinite(kappa)) {
                throw new InvalidInputException("κ must be ≥ 0 (eV/nm), got " + kappa);
            }
            positive("attempt frequency (1/s)", attemptFrequency);
            positive("activation energy (eV)", activationEnergy);
            positive("drive scale b0 (eV)", driveScale);
            positive("ion charge number", ionCharge);
            positive("hop distance (nm)", hopDistance);
            positive("read width (s)", readWidth);
            if (!(readVoltage != 0) || !Double.isFinite(readVoltage)) {
                throw new InvalidInputException("read voltage must be non-zero, got " + readVoltage);
            }
            if (!(seriesResistance >= 0) || !Double.isFinite(seriesResistance)) {
                throw new InvalidInputException("series resistance must be ≥ 0 (Ω), got " + seriesResistance);
            }
            if (Math.abs(heat.thickness() - thickness) > 1e-12 * thickness) {
                throw new InvalidInputException("heat model thickness " + heat.thickness() + " m ≠ film " + thickness + " m");
            }
        }

        /**
         * The hop's rates in the kernel's per-site form: the Arrhenius mobility L/v = ν₀/(k_B T)
         * exp(−E_a/k_B T), 1/(eV s), and the drive v·b = −b₀ sinh(z a E / 2k_B T), eV ({@link HoppingRates},
         * q = z a/2 with a in m).
         */
        public HoppingRates hopping() {
            return new HoppingRates(attemptFrequency, activationEnergy, driveScale, ionCharge * hopDistance * 1e-9 / 2);
        }

        /** The same physics integrated with {@code s}. */
        public Model withStepping(Stepping s) {
            return new Model(grid, thickness, energy, siteVolume, kappa, attemptFrequency, activationEnergy, driveScale,
                    ionCharge, hopDistance, sigma, heat, seriesResistance, readVoltage, readWidth, s, thermalNoise);
        }

        /** The same model with the Langevin noise of the kinetics on or off. */
        public Model withThermalNoise(boolean on) {
            return new Model(grid, thickness, energy, siteVolume, kappa, attemptFrequency, activationEnergy, driveScale,
                    ionCharge, hopDistance, sigma, heat, seriesResistance, readVoltage, readWidth, stepping, on);
        }

        /** The same model on {@code g} (the spacing of a refinement study). */
        public Model withGrid(Grid2D g) {
            return new Model(g, thickness, energy, siteVolume, kappa, attemptFrequency, activationEnergy, driveScale,
                    ionCharge, hopDistance, sigma, heat, seriesResistance, readVoltage, readWidth, stepping, thermalNoise);
        }

        /**
         * The sites of one node's column, N = h_x h_y t / v: the free energy of a node is N times the per-site
         * f, so the thermal noise of its φ scales as 1/√N.
         */
        public double sitesPerNode() {
            return grid.dx() * grid.dy() * thickness * 1e9 / siteVolume;
        }

        /** The same model with the activation energy {@code ea} (eV): a device's material variation. */
        public Model withActivationEnergy(double ea) {
            return new Model(grid, thickness, energy, siteVolume, kappa, attemptFrequency, ea, driveScale,
                    ionCharge, hopDistance, sigma, heat, seriesResistance, readVoltage, readWidth, stepping, thermalNoise);
        }

        /** L(T) in the kernel's per-site form, L/v = ν₀/(k_B T) exp(−E_a/k_B T), 1/(eV s). */
        public double siteMobility(double temperature) {
            return hopping().mobility(temperature);
        }

        /** The per-site drive v·b = −b₀ sinh(z a E / 2k_B T), eV, for the field E (V/m) at T (K). */
        public double siteBias(double field, double temperature) {
            return hopping().drive(field, temperature);
        }

    }

    private final Model m;
    private final double[] phi;
    private final double[] next;
    private final double[] sigma;
    /** φ (raw bits) at which each node's σ was evaluated: a law other than log-linear is re-evaluated only where φ changed. */
    private final long[] sigmaAt;
    private final double[] source;
    private final double[] saved;
    private final double[] start;
    private final double[] hot;
    private final HoppingRates hopping;
    /** Per node the Arrhenius mobility L/v and the drive v·b of the present trial (its rows as it reaches them). */
    private final double[] mobility;
    private final double[] bias;
    /** The kinetic sweep's rows, made at the first step. */
    private StabilisedRows sweep;
    private final FilmHeat heat;
    private final TelegraphNoiseSource traps;
    /** The read noise: {@code SplittableRandom}'s numbers from a generator that can be copied ({@link #copy()}). */
    private final SplitMix64 random;
    private final FilmDeviceWork work = new FilmDeviceWork();
    private final double columnArea;
    private final double firstStep;
    /** The Langevin noise's seed (the device seed on a stream of its own) and N. */
    private final long noiseSeed;
    private final double sites;
    /** The gradient energy's couplings vκ/h_x² and vκ/h_y², eV, of the step ({@link StabilisedRows}) and its noise. */
    private final double cx;
    private final double cy;
    private double filmConductance;
    private double clock;
    private long steps;
    /** The row of the last node that failed a trial (where {@link #step} starts). */
    private int failedRow;

    /**
     * @param model   the physics
     * @param initial initial φ on {@code model.grid()} (copied)
     * @param seed    seed of the read noise
     * @param traps   telegraph noise of the structure, or null
     */
    public FilmDevice(Model model, double[] initial, long seed, TelegraphNoiseSource traps) {
        Grid2D g = model.grid();
        if (initial.length != g.size()) {
            throw new IllegalArgumentException("initial map has " + initial.length + " values, grid has " + g.size());
        }
        this.m = model;
        this.phi = initial.clone();
        int n = g.size();
        this.next = new double[n];
        this.sigma = new double[n];
        this.sigmaAt = new long[n];
        this.source = new double[n];
        this.saved = new double[2 * n];
        this.start = new double[n];
        this.hot = new double[n];
        this.hopping = model.hopping();
        this.mobility = new double[n];
        this.bias = new double[n];
        this.heat = new FilmHeat(g, model.heat());
        this.traps = traps;
        this.random = new SplitMix64(seed);
        this.columnArea = g.dx() * g.dy() * 1e-18;
        double column = model.heat().filmHeatCapacity() * model.thickness() * model.thickness()
                / (12 * model.heat().filmConductivity());
        this.firstStep = column / 4;
        this.noiseSeed = seed ^ THERMAL_STREAM;
        this.sites = model.sitesPerNode();
        this.cx = model.siteVolume() * model.kappa() / (g.dx() * g.dx());
        this.cy = model.siteVolume() * model.kappa() / (g.dy() * g.dy());
        m.sigma().conductivity(phi, sigma);
        for (int k = 0; k < n; k++) {
            sigmaAt[k] = Double.doubleToRawLongBits(phi[k]);
        }
        conduct();
        if (traps != null) {
            traps.update(g, phi);
        }
    }

    /**
     * The state of {@code o}: φ, σ and its cache, the per-node rates and work arrays, the heat model, the
     * traps and the read-noise generator, the clock and the counters of steps. The model and what was
     * computed from it alone are shared; the work counters ({@link #work()}) start at zero, untimed.
     */
    private FilmDevice(FilmDevice o) {
        this.m = o.m;
        this.phi = o.phi.clone();
        this.next = o.next.clone();
        this.sigma = o.sigma.clone();
        this.sigmaAt = o.sigmaAt.clone();
        this.source = o.source.clone();
        this.saved = o.saved.clone();
        this.start = o.start.clone();
        this.hot = o.hot.clone();
        this.hopping = o.hopping;
        this.mobility = o.mobility.clone();
        this.bias = o.bias.clone();
        this.heat = o.heat.copy();
        this.traps = o.traps == null ? null : o.traps.copy();
        this.random = o.random.copy();
        this.columnArea = o.columnArea;
        this.firstStep = o.firstStep;
        this.noiseSeed = o.noiseSeed;
        this.sites = o.sites;
        this.cx = o.cx;
        this.cy = o.cy;
        this.filmConductance = o.filmConductance;
        this.clock = o.clock;
        this.steps = o.steps;
        this.failedRow = o.failedRow;
    }

    /**
     * An independent device in this one's present state: driven alike (the same pulses, reads and
     * waits), the copy and this device give the same reads, conductances and maps bit for bit, and
     * driving one does not change the other. A measurement on the copy leaves this device's protocol
     * untouched.
     */
    public FilmDevice copy() {
        return new FilmDevice(this);
    }

    public Model model() {
        return m;
    }

    /**
     * σ per node and the film conductance G_f = Σ σ a²/t (S), the sum in {@link LogLinearRows#sum}'s
     * fixed order. The log-linear law (the case files' "log-linear") runs on {@link LogLinearRows}' SIMD
     * rows at every node (e^x from {@link org.hafnia.solver.kernels.Exp}: σ within 6e-16 relative of the
     * law's {@code Math.exp}); any other law ({@link ConductivityModel}, a function of the node's φ alone)
     * is re-evaluated only where φ changed its bits (the clipped background and the settled channel).
     */
    private void conduct() {
        ConductivityModel law = m.sigma();
        if (law instanceof LogLinearConductivity log) {
            LogLinearRows.conductivity(phi, 0, phi.length, log.offConductivity(), log.logRatio(), sigma, true);
        } else {
            for (int k = 0; k < sigma.length; k++) {
                long bits = Double.doubleToRawLongBits(phi[k]);
                if (bits != sigmaAt[k]) {
                    sigma[k] = law.conductivity(phi[k]);
                    sigmaAt[k] = bits;
                }
            }
        }
        filmConductance = LogLinearRows.sum(sigma) * columnArea / m.thickness();
    }

    /** Film conductance without noise or traps, S. */
    public double filmConductance() {
        return filmConductance;
    }

    /** The device conductance seen by the terminals, 1/(1/G_f + R_s), S. */
    public double conductance() {
        return filmConductance / (1 + m.seriesResistance() * filmConductance);
    }

    /** The heat model (its temperatures follow the device). */
    public FilmHeat heat() {
        return heat;
    }

    /** Accepted steps so far (the counter of the Langevin draws). */
    public long steps() {
        return steps;
    }

    /**
     * Sets the step counter of a device rebuilt from a checkpoint to the one saved ({@link #steps()}), so that
     * its Langevin draws continue those of the uninterrupted run.
     */
    public void resumeSteps(long saved) {
        if (saved < 0) {
            throw new IllegalArgumentException("step counter must be ≥ 0, got " + saved);
        }
        steps = saved;
    }

    /** What the integration did so far, and where its time went when timed. */
    public FilmDeviceWork work() {
        return work;
    }

    /**
     * Holds {@code volts} on the terminals for {@code duration} seconds: the state, the temperature
     * and the traps evolve by the model's laws.
     */
    public void apply(double volts, double duration) {
        if (!(duration >= 0) || !Double.isFinite(duration) || !Double.isFinite(volts)) {
            throw new IllegalArgumentException("segment needs a finite voltage and a duration ≥ 0, got " + volts + " V, " + duration + " s");
        }
        double t = 0;
        while (t < duration) {
            double vf = volts / (1 + m.seriesResistance() * filmConductance);
            double e = vf / m.thickness();
            boolean heated = vf != 0;
            if (heated) {
                for (int k = 0; k < source.length; k++) {
                    source[k] = sigma[k] * e * e;
                }
            }
            boolean cold = !heated && heat.atAmbient(1e-6);
            double rest = duration - t;
            double dt;
            double[] used = heat.temperature();
            if (cold) {
                dt = Math.min(rest, noiseCap(heat.temperature()));
                while (trial(e, dt, heat.temperature(), m.stepping().maxChange()) > m.stepping().maxChange()) {
                    dt /= 2;
                    work.halvings++;
                }
            } else {
                long c = work.clock();
                heat.save(saved);
                System.arraycopy(heat.temperature(), 0, start, 0, start.length);
                heat.source(heated ? source : null);
                work.heatNanos += work.since(c);
                dt = rest;
                // The whole rest in one step when even the hotter of the start and end temperatures (a bound
                // over a monotone transient) moves φ by no more than QUIET: a quiet read or rest. Its first
                // test, at the start temperatures, needs no heat advance; a segment that fails it is resolved.
                // (Written as !(change > QUIET), as before: a NaN state is not refined forever but taken in one step.)
                boolean advanced = false;
                boolean quiet = !(trial(e, dt, start, QUIET) > QUIET);
                if (quiet) {
                    advance(dt);
                    advanced = true;
                    used = hotter(start, heat.temperature());
                    quiet = dt <= noiseCap(used) && !(trial(e, dt, used, QUIET) > QUIET);
                }
                if (!quiet) {
                    // Resolve the heating or cooling transient: steps no longer than the time since the voltage changed.
                    dt = Math.min(Math.min(rest, Math.max(firstStep, m.stepping().growth() * t)), noiseCap(start));
                    used = heat.temperature();
                    // A step of the whole rest finds the heat already advanced by it (the same source and Δt).
                    boolean reuse = advanced && dt == rest;
                    while (true) {
                        if (!reuse) {
                            if (advanced) {
                                c = work.clock();
                                heat.restore(saved);
                                work.heatNanos += work.since(c);
                            }
                            advance(dt);
                            advanced = true;
                        }
                        reuse = false;
                        // The noise bound first: a step it refuses needs no trial.
                        if (dt <= noiseCap(heat.temperature())
                                && trial(e, dt, heat.temperature(), m.stepping().maxChange()) <= m.stepping().maxChange()) {
                            break;
                        }
                        dt /= 2;
                        work.halvings++;
                    }
                }
            }
            if (m.thermalNoise()) {
                // The step was chosen on the deterministic flow alone (a choice that does not look at the
                // draws keeps their statistics); the accepted step is taken again with its Langevin increment.
                long c = work.clock();
                step(e, dt, used, Double.POSITIVE_INFINITY, true);
                work.trials++;
                work.kineticsNanos += work.since(c);
            }
            System.arraycopy(next, 0, phi, 0, phi.length);
            long c = work.clock();
            conduct();
            work.conductanceNanos += work.since(c);
            if (traps != null) {
                c = work.clock();
                traps.advance(dt, volts);
                work.trapNanos += work.since(c);
            }
            t += dt;
            steps++;
            work.steps++;
        }
        clock += duration;
        work.segments++;
        if (traps != null) {
            long c = work.clock();
            traps.update(m.grid(), phi);
            work.trapNanos += work.since(c);
        }
    }

    /**
     * The longest step that resolves the thermal noise at the temperatures {@code temp}: the noise damping
     * over λ(T_max)(S + D_max), λ rising with T (below E_a/k_B); unbounded without noise.
     */
    private double noiseCap(double[] temp) {
        if (!m.thermalNoise()) {
            return Double.POSITIVE_INFINITY;
        }
        return m.stepping().noiseDamping()
                / (hopping.mobility(FilmHeat.max(temp)) * (m.energy().maxCurvature() + 2 * (cx + cy)));
    }

    /** Advances the heat model by dt with its present source, counted and timed. */
    private void advance(double dt) {
        long c = work.clock();
        heat.advance(dt);
        work.heatAdvances++;
        work.heatNanos += work.since(c);
    }

    /** {@link #step}, counted and timed as a trial of the kinetics. */
    private double trial(double e, double dt, double[] temp, double stop) {
        long c = work.clock();
        double change = step(e, dt, temp, stop, false);
        work.trials++;
        work.kineticsNanos += work.since(c);
        return change;
    }

    /**
     * One linearly stabilised, diagonally implicit step of size {@code dt} into {@code next} at the
     * field {@code e} (V/m) and the present temperatures; returns max |Δφ|. Per node, with the
     * per-site mobility λ = L/v, the existing neighbours' sum Σ and count n (zero-flux sides):
     * φ' = [φ + Δt λ (−f'(φ) + Sφ + vκ Σ/h² − vb)] / [1 + Δt λ (vκ n/h² + S)], S = max|f''|.
     * Linearised, a Fourier mode's amplification lies in [−1, 1] for any Δt where f'' ≥ 0 and
     * below 2 where the well is concave (f'' &lt; 0, where the equation itself is unstable), so the
     * hot channel's mobility sets no step limit; the step is bounded by accuracy instead
     * (max |Δφ| ≤ {@link Stepping#maxChange()}). Its fixed points are those of the Allen–Cahn equation.
     *
     * <p>A trial that a node has already failed ({@code |Δφ| > stop}) returns that |Δφ| at once,
     * leaving {@code next} incomplete: the caller rejects the trial on the same comparison, so the
     * decisions and every accepted step are those of the full sweep. The sweep starts at the row of
     * the last such node (the rows are independent; max |Δφ| does not depend on their order), where
     * the next failing node most likely is. Each row's rates are {@link HoppingRates#rates}, its update
     * {@link StabilisedRows#row} (SIMD lanes, the bits and the early exit of the node-by-node sweep).
     */
    private double step(double e, double dt, double[] temp, double stop, boolean noisy) {
        Grid2D g = m.grid();
        int nx = g.nx();
        int ny = g.ny();
        if (sweep == null) {
            sweep = new StabilisedRows(nx, ny, cx, cy, m.energy());
        }
        double change = 0;
        int first = failedRow;
        for (int row = 0; row < ny; row++) {
            int j = row + first < ny ? row + first : row + first - ny;
            hopping.rates(temp, e, j * nx, j * nx + nx, mobility, bias, true);
            if (noisy) {
                thermal(j, dt, temp);
            }
            change = sweep.row(phi, j, dt, mobility, bias, next, change, stop, true);
            if (change > stop) {
                failedRow = j;
                return change;
            }
        }
        return change;
    }

    /**
     * Folds the Langevin increment of the step into the drive of row {@code j}: with r = Δt λ_k the
     * step's numerator gains r (−Δb) = √(2 r k_B T_k (1 + a_k/2) / N) ξ, ξ the standard normal of
     * (seed, step, node) ({@link LangevinNoise#standardNormal}: the same draws on any engine, batch or
     * thread count, and a copy or a resumed device draws the same), N = {@link Model#sitesPerNode()}.
     * Without the factor it is Euler–Maruyama for ∂φ/∂t = −(λ/N) ∂F_node/∂φ + η, ⟨ηη'⟩ = 2 (λ/N) k_B T δ/Δt
     * (physics.md §1.3 with F_node = N (f + vκ|∇φ|²/2) per node). The factor 1 + a/2, a = r (S + D_k) the
     * step's own damping, makes the stationary variance of a node in a well of curvature S exactly
     * k_BT/(N S) at any Δt (the linear step x' = (x + w)/(1 + a) holds var w/((1 + a)² − 1)), where
     * Euler–Maruyama would give 2/(2 + a) of it. Coupled by κ, neighbours updated together decorrelate
     * at long steps (at the default case's vκ/h² = 0.47 S and Δt λ S = 1 their covariance is 0.49 of the
     * exact one), so with noise the steps keep a ≤ {@link Stepping#noiseDamping()} at the hottest node
     * ({@link #noiseCap}); at 0.1 the linearised step's discrete Lyapunov equation on a 4 × 4 grid gives
     * node variances 0.5 % low, neighbour covariances 4 % and the variance of their sum 2.3 %, first order
     * in the damping (FilmDeviceNoiseTest measures it against the exact Gaussian k_BT (N H)⁻¹).
     */
    private void thermal(int j, double dt, double[] temp) {
        Grid2D g = m.grid();
        int nx = g.nx();
        int ny = g.ny();
        for (int i = 0; i < nx; i++) {
            int k = j * nx + i;
            double rate = dt * mobility[k];
            if (rate > 0) {
                double d = (i > 0 ? cx : 0) + (i < nx - 1 ? cx : 0) + (j > 0 ? cy : 0) + (j < ny - 1 ? cy : 0);
                double a = rate * (m.energy().maxCurvature() + d);
                double kT = PhysicalConstants.BOLTZMANN_EV_PER_K * temp[k];
                bias[k] -= Math.sqrt(2 * kT * (1 + a / 2) / (sites * rate))
                        * LangevinNoise.standardNormal(noiseSeed, steps, k);
            }
        }
    }

    /** max(a, b) per node, into a work array. */
    private double[] hotter(double[] a, double[] b) {
        for (int k = 0; k < hot.length; k++) {
            hot[k] = Math.max(a[k], b[k]);
        }
        return hot;
    }

    @Override
    public void pulse(double amplitude, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("pulse width must be positive, got " + width);
        }
        apply(amplitude, width);
    }

    @Override
    public double read() {
        return readCurrent(m.readVoltage(), m.readWidth()) / m.readVoltage();
    }

    @Override
    public double readCurrent(double volts, double width) {
        if (volts == 0 || !(width > 0)) {
            throw new IllegalArgumentException("a read needs a non-zero voltage and a positive width, got " + volts + " V, " + width + " s");
        }
        apply(volts, width);
        double g = conductance() + (traps == null ? 0 : traps.conductanceChange(volts));
        double johnson = Math.sqrt(4 * PhysicalConstants.BOLTZMANN_J_PER_K * m.heat().ambient() * Math.max(g, 0)
                / (2 * width));
        return volts * g + johnson * random.nextGaussian();
    }

    @Override
    public void idle(double seconds) {
        apply(0, seconds);
    }

    @Override
    public double time() {
        return clock;
    }

    /** A two-terminal cell: V²Gτ in the terminal conductance ({@link ResistiveDevice#joule}). */
    @Override
    public double pulseEnergy(double amplitude, double width) {
        return ResistiveDevice.joule(amplitude, conductance(), width);
    }

    /** V_read² G t_read ({@link ResistiveDevice#joule}). */
    @Override
    public double readEnergy() {
        return ResistiveDevice.joule(m.readVoltage(), conductance(), m.readWidth());
    }

    @Override
    public Grid2D grid() {
        return m.grid();
    }

    @Override
    public double[] phi() {
        return phi.clone();
    }

    @Override
    public double[] temperature() {
        return heat.temperature().clone();
    }

    @Override
    public double activationEnergy() {
        return m.activationEnergy();
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(what + " must be positive and finite, got " + v);
        }
    }
}
