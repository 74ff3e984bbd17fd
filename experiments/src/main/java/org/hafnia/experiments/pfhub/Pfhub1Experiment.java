package org.hafnia.experiments.pfhub;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.energy.GinzburgLandauFunctional;
import org.hafnia.physics.energy.QuarticDoubleWell;
import org.hafnia.solver.integrators.AdaptiveTimeStepper;
import org.hafnia.solver.integrators.SpectralCahnHilliard2D;
import org.hafnia.solver.integrators.ZeroFluxCahnHilliard2D;
import org.hafnia.solver.api.OneStepMethod;

/**
 * PFHub benchmark 1, spinodal decomposition (physics.md §5), variation a (periodic
 * boundaries) or b (zero flux, by {@link ZeroFluxCahnHilliard2D}):
 * ∂c/∂t = ∇·(M∇μ), μ = f'(c) − κ∇²c, f = ρs (c − cα)²(cβ − c)², ρs = 5, cα = 0.3, cβ = 0.7,
 * κ = 2, M = 5, on a 200 × 200 square; c0 = 0.5 + ε[cos(0.105x)cos(0.11y)
 * + (cos(0.13x)cos(0.087y))² + cos(0.025x − 0.15y)cos(0.07x − 0.02y)], ε = 0.01.
 * Solved by {@link SpectralCahnHilliard2D} (second-order finite differences in space, FFT
 * solve, semi-implicit Euler in time with range-adaptive stabilisation) with
 * {@link AdaptiveTimeStepper} step-doubling error control and local Richardson extrapolation
 * (second order in time). The spinodal onset is exponentially sensitive to the growth rate of
 * the small initial perturbation, which the stabilising damping S·Δt·∂c/∂t slows: with S fixed
 * at max|f''|/2 on [0, 1] (= 7.1) the time error at t = 10–30 dominated everything; the
 * range-adaptive S (≈ 0.4 early on) and the extrapolation remove that. F(t) = Σ f(c) ΔA + (κ/2) Σ |∇_h c|² ΔA by {@link GinzburgLandauFunctional}, the
 * energy the scheme dissipates (the analytic F(0) of the benchmark is {@link #initialFreeEnergy()}).
 *
 * @param variation a (periodic) or b (zero flux)
 * @param nodes     nodes per side (a power of two; 256 gives Δx = 0.78125)
 * @param tolerance local error tolerance per step (max norm of c, of the un-extrapolated step)
 */
public record Pfhub1Experiment(Variation variation, int nodes, double tolerance) {

    /** The benchmark variation. */
    public enum Variation {
        /** 1a: periodic boundaries. */
        A,
        /** 1b: zero-flux boundaries. */
        B;

        public String label() {
            return "1" + name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Parses "1a" / "1b" (case-insensitive). */
        public static Variation parse(String text) {
            switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1a": return A;
                case "1b": return B;
                default:
                    throw new InvalidInputException("unknown PFHub benchmark '" + text + "': supported are 1a and 1b");
            }
        }
    }

    public static final double SIZE = 200;
    public static final double KAPPA = 2;
    public static final double MOBILITY = 5;
    public static final double C0 = 0.5;
    public static final double EPSILON = 0.01;
    /** First Δt tried; the controller adapts it at once. */
    private static final double INITIAL_STEP = 1e-3;
    private static final double MIN_STEP = 1e-9;

    /** F at one time. */
    public record Sample(double time, double freeEnergy, long acceptedSteps, long rejectedSteps, double mass) {

        /** As a row of doubles, for a checkpoint (step counts are exact below 2⁵³). */
        public double[] row() {
            return new double[] {time, freeEnergy, acceptedSteps, rejectedSteps, mass};
        }

        /** From a {@link #row()}. */
        public static Sample ofRow(double[] r) {
            if (r.length != 5) {
                throw new InvalidInputException("a PFHub sample has 5 values, the checkpoint holds " + r.length);
            }
            return new Sample(r[0], r[1], (long) r[2], (long) r[3], r[4]);
        }
    }

    public Pfhub1Experiment {
        if (nodes < 16 || Integer.bitCount(nodes) != 1) {
            throw new InvalidInputException("--nodes must be a power of two ≥ 16, got " + nodes);
        }
        if (!(tolerance > 0)) {
            throw new InvalidInputException("--tolerance must be positive, got " + tolerance);
        }
    }

    public Grid2D grid() {
        return Grid2D.ofExtent(nodes, nodes, SIZE, SIZE, LengthUnit.REDUCED);
    }

    /** The benchmark's initial condition at the grid's cell centres. */
    public double[] initialCondition() {
        Grid2D g = grid();
        double[] c = new double[g.size()];
        for (int j = 0; j < g.ny(); j++) {
            double y = g.y(j);
            for (int i = 0; i < g.nx(); i++) {
                double x = g.x(i);
                double q = Math.cos(0.13 * x) * Math.cos(0.087 * y);
                c[g.index(i, j)] = C0 + EPSILON * (Math.cos(0.105 * x) * Math.cos(0.11 * y) + q * q
                        + Math.cos(0.025 * x - 0.15 * y) * Math.cos(0.07 * x - 0.02 * y));
            }
        }
        return c;
    }

    /**
     * F of the analytic initial condition, Σ [f(c0) + (κ/2)|∇c0|²] ΔA with the exact gradient at
     * the nodes: the benchmark's F(0) ≈ 319.0. The initial condition is not periodic on the
     * 200 × 200 square, so for 1a the discrete periodic energy of the same field also counts the jump
     * across the wrap-around faces ({@link #discreteInitialFreeEnergy()}, ≈ 0.15 more on 256²,
     * growing like 1/Δx). The dynamics smooths that jump over a width growing like (Mκt)^¼, and its
     * excess energy decays accordingly (≈ 0.03 left at t = 0.1). The reported F(t), t = 0 included,
     * is the discrete energy that the scheme dissipates, so the curve is one quantity throughout.
     */
    public double initialFreeEnergy() {
        Grid2D g = grid();
        double s = 0;
        for (int j = 0; j < g.ny(); j++) {
            double y = g.y(j);
            for (int i = 0; i < g.nx(); i++) {
                double x = g.x(i);
                double q = Math.cos(0.13 * x) * Math.cos(0.087 * y);
                double u = 0.025 * x - 0.15 * y;
                double v = 0.07 * x - 0.02 * y;
                double c = C0 + EPSILON * (Math.cos(0.105 * x) * Math.cos(0.11 * y) + q * q + Math.cos(u) * Math.cos(v));
                double gx = EPSILON * (-0.105 * Math.sin(0.105 * x) * Math.cos(0.11 * y)
                        - 2 * q * 0.13 * Math.sin(0.13 * x) * Math.cos(0.087 * y)
                        - 0.025 * Math.sin(u) * Math.cos(v) - 0.07 * Math.cos(u) * Math.sin(v));
                double gy = EPSILON * (-0.11 * Math.cos(0.105 * x) * Math.sin(0.11 * y)
                        - 2 * q * 0.087 * Math.cos(0.13 * x) * Math.sin(0.087 * y)
                        + 0.15 * Math.sin(u) * Math.cos(v) + 0.02 * Math.cos(u) * Math.sin(v));
                s += QuarticDoubleWell.PFHUB.value(c) + 0.5 * KAPPA * (gx * gx + gy * gy);
            }
        }
        return s * g.cellArea();
    }

    /** The discrete energy of the initial field (for 1a with the wrap-around jump). */
    public double discreteInitialFreeEnergy() {
        return functional().energy(initialCondition());
    }

    public GinzburgLandauFunctional functional() {
        BoundaryConditions2D bc = variation == Variation.A ? BoundaryConditions2D.periodic() : BoundaryConditions2D.zeroFlux();
        return new GinzburgLandauFunctional(grid(), bc, QuarticDoubleWell.PFHUB, KAPPA);
    }

    /**
     * Report times: 0, 1, 2, 5, 10, 20, 50, … (the 1–2–5 series, which contains the required
     * 1, 5, 10, 20, 50, 100, 200, 500, 1000 and every decade), ten log-spaced times per decade
     * for a smooth plot, and {@code until} itself.
     */
    public static double[] reportTimes(double until) {
        TreeSet<Double> t = new TreeSet<>();
        t.add(0.0);
        for (double decade = 1; decade <= until; decade *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                if (m * decade <= until) {
                    t.add(m * decade);
                }
            }
        }
        for (int k = -10; ; k++) {
            double v = Math.pow(10, k / 10.0);
            if (v > until) {
                break;
            }
            t.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.4g", v)));
        }
        t.add(until);
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Runs to {@code until}, reporting F at {@link #reportTimes}.
     *
     * @param progress receives the time reached after each report time
     */
    public List<Sample> run(double until, DoubleConsumer progress) {
        return run(until, null, new Listener() {
            @Override
            public void reported(int report, double t) {
                progress.accept(t);
            }

            @Override
            public boolean checkpointDue() {
                return false;
            }

            @Override
            public void checkpoint(Position position) {
                throw new IllegalStateException("no checkpoint was asked for");
            }
        });
    }

    /**
     * Runs to {@code until}, reporting F at {@link #reportTimes}, from the start or from a
     * {@link Position} taken by an earlier run with the same parameters (the result is then
     * bit-identical to an uninterrupted run).
     *
     * @param from     where to continue, or null to start at t = 0
     * @param listener told of each report and asked after each accepted step whether to checkpoint
     */
    public List<Sample> run(double until, Position from, Listener listener) {
        if (!(until > 0) || !Double.isFinite(until)) {
            throw new InvalidInputException("--until must be positive and finite, got " + until);
        }
        OneStepMethod ch = variation == Variation.A
                ? new SpectralCahnHilliard2D(grid(), QuarticDoubleWell.PFHUB, KAPPA, MOBILITY, Double.NaN)
                : new ZeroFluxCahnHilliard2D(grid(), QuarticDoubleWell.PFHUB, KAPPA, MOBILITY, Double.NaN);
        AdaptiveTimeStepper stepper = new AdaptiveTimeStepper(ch, tolerance, INITIAL_STEP, MIN_STEP, until).extrapolate(true);
        GinzburgLandauFunctional f = functional();
        double[] times = reportTimes(until);
        double[] c;
        List<Sample> out = new ArrayList<>();
        double t = 0;
        int first = 0;
        if (from == null) {
            c = initialCondition();
        } else {
            if (from.c().length != grid().size() || from.nextReport() > times.length || from.samples().size() != from.nextReport()) {
                throw new InvalidInputException("the checkpoint does not fit this run: " + from.c().length + " values for "
                        + grid().size() + " nodes, report " + from.nextReport() + " of " + times.length + " with "
                        + from.samples().size() + " samples");
            }
            c = from.c().clone();
            out.addAll(from.samples());
            t = from.time();
            first = from.nextReport();
            stepper.restore(from.stepper());
        }
        double area = grid().cellArea();
        for (int k = first; k < times.length; k++) {
            if (times[k] > t) {
                int report = k;
                t = stepper.advance(c, t, times[k], reached -> {
                    if (listener.checkpointDue()) {
                        listener.checkpoint(new Position(report, reached, c.clone(), stepper.state(), List.copyOf(out)));
                    }
                });
            }
            double mass = 0;
            for (double v : c) {
                mass += v;
            }
            double energy = f.energy(c);
            out.add(new Sample(t, energy, stepper.acceptedSteps(), stepper.rejectedSteps(), mass * area));
            listener.reported(k, t);
        }
        return out;
    }

    /**
     * Where a run stands after an accepted step: enough to continue it bit for bit.
     *
     * @param nextReport index of the next report time (the samples before it are taken)
     * @param time       the time reached
     * @param c          the field at that time
     * @param stepper    the adaptive controller's state
     * @param samples    the samples reported so far
     */
    public record Position(int nextReport, double time, double[] c, AdaptiveTimeStepper.State stepper, List<Sample> samples) {
    }

    /** What a run tells its caller. */
    public interface Listener {
        /** After report {@code report} (an index into {@link #reportTimes}) at time {@code t}. */
        void reported(int report, double t);

        /** Asked after each accepted step: true to receive a {@link #checkpoint}. */
        boolean checkpointDue();

        /** The position to save. */
        void checkpoint(Position position);
    }
}
