package org.hafnia.postprocess.export;

/**
 * Node values of a piecewise-linear step rule, fitted so that the rule reproduces a mean pulse
 * train. The rule is aihwkit's {@code PiecewiseStepDevice} update without noise, in fractions of
 * the range: u ← u + s(u), with s interpolated linearly between N equally spaced nodes
 * u_j = j/(N − 1) and u clipped to [0, 1] (aihwkit's documentation of {@code PiecewiseStepDevice}:
 * "update computed by linear interpolation of the adjacent values").
 *
 * <p>The fit matches time, not steps: with K(u) the (fractional) pulse at which the monotone mean
 * train first reaches u, the rule should spend T_j = K(u_(j+1)) − K(u_j) pulses in segment j. For a
 * step that varies linearly from v_j to v_(j+1) the time is h/L(v_j, v_(j+1)) (h = 1/(N − 1), L the
 * logarithmic mean, which lies between the geometric and arithmetic means); with L ≈ √(v_j v_(j+1))
 * the conditions are linear in x = ln v: x_j + x_(j+1) = 2 ln(h/T_j). They fix every node up to an
 * alternating mode, which a weak second-difference penalty on x removes; segments the train never
 * reaches take the penalty's linear extrapolation. The geometric mean and the continuous time
 * are then corrected on the discrete rule itself: {@value #ITERATIONS} times, the rule is run,
 * each segment of at least {@value #MIN_PULSES} pulse has its right-hand side moved by 2 ln(T_rule/T_j) (damped
 * by {@value #DAMPING}, at most {@value #MAX_CORRECTION}) and
 * the system solved again. {@code hafnia_response} in aihwkit.json records the discrete rule's
 * pulse counts beside the train's.
 *
 * <p>Why not the binned mean step: the mean of all steps that start near a node is a
 * piecewise-constant description (a bin is crossed in width / mean step pulses), but the rule
 * interpolates linearly, and between a slow node and a fast one the interpolated step is fast
 * almost everywhere: the default case's 17-pulse onset at u ≈ 0 next to fast steps at u = 1/31 was
 * crossed in 7 pulses; and with steps larger than the node spacing, bins a steep RESET jumps over
 * were filled with nearest-bin plateaus.
 */
final class PiecewiseStepTable {

    /**
     * Weight of the second-difference penalty on ln v relative to one segment's condition: 0.1
     * damps the alternating mode (penalised 16× more than a smooth bend) without bending a segment
     * with data by more than ≈ 1 % (its residual carries weight 1).
     */
    private static final double SMOOTH = 0.1;
    /** Corrections on the discrete rule; each moves the log-time residual by DAMPING of itself. */
    private static final int ITERATIONS = 30;
    private static final double DAMPING = 0.7;
    /** Largest change of a right-hand side per correction (a factor e^0.5 in the segment's steps). */
    private static final double MAX_CORRECTION = 1.0;
    /** Segments crossed in fewer pulses depend on where the crossing pulse started, not on their nodes. */
    private static final double MIN_PULSES = 0.5;

    private PiecewiseStepTable() {
    }

    /**
     * The fitted node steps (fraction of the range per pulse).
     *
     * @param curve mean normalised train, progress from 0 (train start) to 1 (range covered)
     * @param nodes number of nodes N
     */
    static double[] fit(double[] curve, int nodes) {
        double[] c = monotone(curve);
        double h = 1.0 / (nodes - 1);
        int rows = (nodes - 1) + (nodes - 2);
        double[][] a = new double[rows][nodes];
        double[] y = new double[rows];
        double[] target = new double[nodes - 1];
        for (int j = 0; j + 1 < nodes; j++) {
            double from = Math.max(c[0], j * h);
            double to = (j + 1) * h;
            target[j] = to <= c[0] ? Double.NaN : crossing(c, to) - crossing(c, from);
            if (!(target[j] > 0)) {
                target[j] = Double.NaN;
                continue; // before the train's start, or never reached: left to the penalty
            }
            // A segment the train starts inside counts at the same mean step over its full width.
            a[j][j] = 1;
            a[j][j + 1] = 1;
            y[j] = 2 * Math.log(h / (target[j] * h / (to - from)));
        }
        for (int j = 1; j + 1 < nodes; j++) {
            a[nodes - 2 + j][j - 1] = SMOOTH;
            a[nodes - 2 + j][j] = -2 * SMOOTH;
            a[nodes - 2 + j][j + 1] = SMOOTH;
        }
        org.apache.commons.math3.linear.DecompositionSolver solver = new org.apache.commons.math3.linear.QRDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(a, false)).getSolver();
        double[] v = solve(solver, y);
        for (int it = 0; it < ITERATIONS; it++) {
            double[] ruleTime = segmentTimes(v, c[0], c.length - 1);
            for (int j = 0; j + 1 < nodes; j++) {
                if (!Double.isNaN(target[j]) && ruleTime[j] >= MIN_PULSES && target[j] >= MIN_PULSES) {
                    double r = DAMPING * 2 * Math.log(ruleTime[j] / target[j]);
                    y[j] += Math.max(-MAX_CORRECTION, Math.min(MAX_CORRECTION, r));
                }
            }
            v = solve(solver, y);
        }
        return refine(v, c);
    }

    /**
     * Weight of the second-difference penalty on ln s in the trajectory refinement (per node, against
     * squared fractions of the range per pulse): small enough that a visited node bends by far less
     * than one pulse's residual (a residual of 0.3 % of the range weighs 10⁻⁵), large enough to fill
     * the nodes no pulse starts from by log-linear interpolation.
     */
    private static final double REFINE_SMOOTH = 1e-6;
    /** Sweeps of per-node line minimisations after BOBYQA. */
    private static final int POLISH_SWEEPS = 4;
    /** Evaluations of the refinement (each one run of the rule over the train: microseconds). */
    private static final int REFINE_EVALUATIONS = 20_000;
    /** Bounds of ln s: steps between 10⁻⁸ and the whole range per pulse. */
    private static final double LN_STEP_MIN = Math.log(1e-8);

    /**
     * The time-matching fit assumes that a segment is crossed in a pulse or more; a train that
     * jumps (one pulse across many segments) leaves those segments to the fit's extrapolation,
     * which can make the rule far faster than the train. The nodes are therefore refined on the
     * discrete rule itself: minimise Σ_k (u_k − c_k)² over the train's pulses (u_k the rule's state
     * from u_0 = c_0) plus {@link #REFINE_SMOOTH} Σ (Δ² ln s)², by BOBYQA (Powell 2009, bound
     * constrained, derivative-free: the rule is piecewise smooth in the nodes), from the fit above.
     * The refinement is kept only where it lowers the trajectory misfit.
     */
    private static double[] refine(double[] v, double[] c) {
        int n = v.length;
        double[] x0 = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int j = 0; j < n; j++) {
            x0[j] = Math.max(LN_STEP_MIN, Math.min(0, Math.log(v[j])));
            lo[j] = LN_STEP_MIN;
            hi[j] = 0;
        }
        double[] best = x0.clone();
        double[] bestValue = {Double.POSITIVE_INFINITY};
        org.apache.commons.math3.analysis.MultivariateFunction objective = x -> {
            double f = misfit(x, c);
            for (int j = 1; j + 1 < n; j++) {
                double d2 = x[j - 1] - 2 * x[j] + x[j + 1];
                f += REFINE_SMOOTH * d2 * d2;
            }
            if (f < bestValue[0]) {
                bestValue[0] = f;
                System.arraycopy(x, 0, best, 0, n);
            }
            return f;
        };
        try {
            new org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer(2 * n + 1, 0.5, 1e-4).optimize(
                    new org.apache.commons.math3.optim.MaxEval(REFINE_EVALUATIONS),
                    new org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction(objective),
                    org.apache.commons.math3.optim.nonlinear.scalar.GoalType.MINIMIZE,
                    new org.apache.commons.math3.optim.InitialGuess(x0),
                    new org.apache.commons.math3.optim.SimpleBounds(lo, hi));
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            // The best point evaluated so far stands: the budget bounds the cost, not the result's validity.
        }
        // BOBYQA can stall on the kinks of the rule (a state crossing a node); a few sweeps of
        // one-dimensional Brent minimisations per node finish the descent.
        org.apache.commons.math3.optim.univariate.BrentOptimizer brent =
                new org.apache.commons.math3.optim.univariate.BrentOptimizer(1e-10, 1e-12);
        double[] x = best.clone();
        for (int sweep = 0; sweep < POLISH_SWEEPS; sweep++) {
            for (int j = 0; j < n; j++) {
                final int node = j;
                brent.optimize(new org.apache.commons.math3.optim.MaxEval(200),
                        new org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction(t -> {
                            x[node] = t;
                            return objective.value(x);
                        }),
                        org.apache.commons.math3.optim.nonlinear.scalar.GoalType.MINIMIZE,
                        new org.apache.commons.math3.optim.univariate.SearchInterval(LN_STEP_MIN, 0, x[j]));
                // The objective keeps the best point evaluated: continue from it.
                System.arraycopy(best, 0, x, 0, n);
            }
        }
        if (!(misfit(best, c) < misfit(x0, c))) {
            return v;
        }
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            out[j] = Math.exp(best[j]);
        }
        return out;
    }

    /** Σ_k (u_k − c_k)² of the rule with node steps e^x against the monotone train c, from u_0 = c_0. */
    private static double misfit(double[] x, double[] c) {
        double[] s = new double[x.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = Math.exp(x[j]);
        }
        double u = c[0];
        double f = 0;
        for (int k = 1; k < c.length; k++) {
            u = Math.min(1, u + step(s, u));
            f += (u - c[k]) * (u - c[k]);
        }
        return f;
    }

    private static double[] solve(org.apache.commons.math3.linear.DecompositionSolver solver, double[] y) {
        double[] x = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(y, false)).toArray();
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.exp(x[j]);
        }
        return x;
    }

    /** Pulses the rule spends in each segment, from {@code start} (NaN for a segment it does not finish). */
    private static double[] segmentTimes(double[] v, double start, int pulses) {
        int n = v.length;
        double h = 1.0 / (n - 1);
        double[] t = new double[n - 1];
        double previous = 0;
        for (int j = 0; j + 1 < n; j++) {
            double to = (j + 1) * h;
            if (to <= start) {
                t[j] = Double.NaN;
                continue;
            }
            double at = simulatedCrossing(v, start, to, pulses);
            t[j] = at - previous;
            previous = at;
        }
        return t;
    }

    /** The running maximum of {@code curve}, clipped to [0, 1]: the progress the train has reached. */
    static double[] monotone(double[] curve) {
        double[] c = new double[curve.length];
        double max = 0;
        for (int k = 0; k < c.length; k++) {
            max = Math.max(max, Math.min(1, curve[k]));
            c[k] = max;
        }
        return c;
    }

    /** Fractional pulse at which the monotone {@code c} first reaches {@code level}; NaN if never. */
    static double crossing(double[] c, double level) {
        if (c[0] >= level) {
            return 0;
        }
        for (int k = 1; k < c.length; k++) {
            if (c[k] >= level) {
                return k - 1 + (level - c[k - 1]) / (c[k] - c[k - 1]);
            }
        }
        return Double.NaN;
    }

    /** Fractional pulse at which the rule with node steps {@code s}, from {@code start}, reaches {@code level}. */
    static double simulatedCrossing(double[] s, double start, double level, int pulses) {
        double u = start;
        for (int k = 1; k <= 4 * pulses; k++) {
            double next = Math.min(1, u + step(s, u));
            if (next >= level) {
                return k - 1 + (level - u) / (next - u);
            }
            u = next;
        }
        return Double.NaN;
    }

    /** s(u): linear interpolation between the nodes. */
    static double step(double[] s, double u) {
        double x = Math.max(0, Math.min(1, u)) * (s.length - 1);
        int i = Math.min(s.length - 2, (int) x);
        double q = x - i;
        return (1 - q) * s[i] + q * s[i + 1];
    }
}
