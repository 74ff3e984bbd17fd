package org.hafnia.experiments.fit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

import org.hafnia.meshes.InvalidInputException;

/**
 * Finds the free parameters that minimise a {@link Fig4Objective}.
 *
 * <p>Continuous parameters are scaled to [0, 1] over their bounds and minimised from several
 * starts (the base values, then a Halton sequence): by Brent's method on equal sub-intervals for
 * one parameter, by BOBYQA (Powell 2009, Commons Math; 2d + 1 interpolation points, initial trust
 * radius 0.1, final 1e-6) for two or more. The integer step count is profiled honestly: every
 * integer in its bounds is tried, the continuous ones fitted for each, and the best kept (the
 * profile is reported).
 *
 * <p>Uncertainty of a continuous parameter: Gauss–Newton, C = s² (JᵀJ)⁻¹ with J the Jacobian of
 * the residuals φ_sim − φ_target (central differences, step 0.1 % of the bound range, one-sided at
 * a bound) and s² = Σ r² / (N − p). This is the standard error if the residuals were independent
 * with equal variance; spatially correlated misfit makes it a lower bound. The integer step count
 * has no such uncertainty (reported as null; see the profile).
 */
public final class InverseFit {

    /** Relative step of the finite-difference Jacobian, as a fraction of the bound range. */
    public static final double JACOBIAN_STEP = 1e-3;
    /** BOBYQA trust-region radii in the scaled [0, 1] coordinates. */
    private static final double INITIAL_RADIUS = 0.1;
    private static final double STOPPING_RADIUS = 1e-6;
    /** Brent's relative and absolute tolerances in the scaled coordinate. */
    private static final double BRENT_REL = 1e-8;
    private static final double BRENT_ABS = 1e-9;
    private static final int MAX_EVAL_PER_START = 2000;

    /** Closed bounds of one parameter. */
    public record Bounds(double lower, double upper) {
        public Bounds {
            if (!(upper > lower) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
                throw new InvalidInputException("fit bounds need finite LO < HI, got " + lower + ":" + upper);
            }
        }
    }

    /**
     * The fitted value of a parameter.
     *
     * @param value       best value
     * @param uncertainty standard error (NaN where undefined, e.g. integers)
     */
    public record Estimate(double value, double uncertainty) {
    }

    /**
     * @param estimates   by parameter, in the order freed
     * @param objective   RMSE in φ at the best values
     * @param evaluations protocol runs in total (fit and Jacobian)
     * @param substepped  runs that needed sub-stepping for stability
     * @param stepsProfile best RMSE for each step count tried (empty unless steps are free)
     */
    public record Result(Map<FitParameter, Estimate> estimates, double objective, int evaluations, int substepped,
                         Map<Integer, Double> stepsProfile) {
    }

    /** Told after each start of the optimiser, for progress display. */
    @FunctionalInterface
    public interface Progress {
        void startDone();
    }

    private final Fig4Objective objective;
    private final Map<FitParameter, Bounds> bounds;
    private final int starts;

    public InverseFit(Fig4Objective objective, Map<FitParameter, Bounds> bounds, int starts) {
        if (starts < 1) {
            throw new InvalidInputException("--starts must be at least 1, got " + starts);
        }
        if (objective.free().isEmpty()) {
            throw new InvalidInputException("nothing to fit: give at least one parameter with --free");
        }
        this.objective = objective;
        this.bounds = bounds;
        this.starts = starts;
    }

    /** Default bounds of {@code p}. */
    public static Bounds defaultBounds(FitParameter p) {
        return new Bounds(p.defaultLower(), p.defaultUpper());
    }

    /** Number of optimiser starts that {@link #run} makes (for a progress bar). */
    public int totalStarts() {
        return stepValues().length * (continuous().isEmpty() ? 1 : starts);
    }

    public Result run(Progress progress) {
        List<FitParameter> free = objective.free();
        List<FitParameter> cont = continuous();
        int[] steps = stepValues();
        Map<Integer, Double> profile = new LinkedHashMap<>();
        double bestF = Double.POSITIVE_INFINITY;
        double[] bestCont = null;
        int bestSteps = steps[0];
        for (int n : steps) {
            double[] x = new double[cont.size()];
            double f = cont.isEmpty() ? evaluate(x, n) : minimise(n, progress, x);
            if (cont.isEmpty()) {
                progress.startDone();
            }
            if (free.contains(FitParameter.STEPS)) {
                profile.put(n, f);
            }
            if (f < bestF) {
                bestF = f;
                bestCont = x;
                bestSteps = n;
            }
        }
        if (bestCont == null) {
            // Every objective value was NaN or infinite: the target (or a bound) makes the RMSE undefined.
            throw new InvalidInputException("the objective (RMSE in φ) is " + profile.values().stream().findFirst()
                    .orElse(Double.NaN) + " for every parameter value tried: the target map's values are too large"
                    + " or not finite");
        }
        double[] sigma = uncertainties(bestCont, bestSteps);
        Map<FitParameter, Estimate> est = new LinkedHashMap<>();
        for (FitParameter p : free) {
            if (p == FitParameter.STEPS) {
                est.put(p, new Estimate(bestSteps, Double.NaN));
            } else {
                int k = cont.indexOf(p);
                est.put(p, new Estimate(physical(p, bestCont[k]), sigma[k]));
            }
        }
        return new Result(est, bestF, objective.evaluations(), objective.substepped(), profile);
    }

    private List<FitParameter> continuous() {
        return objective.free().stream().filter(p -> !p.integer()).toList();
    }

    private int[] stepValues() {
        if (!objective.free().contains(FitParameter.STEPS)) {
            return new int[] {objective.base().pulseSteps()};
        }
        Bounds b = bounds.get(FitParameter.STEPS);
        int lo = (int) Math.ceil(b.lower());
        int hi = (int) Math.floor(b.upper());
        if (lo < 0 || hi < lo) {
            throw new InvalidInputException("bounds of steps hold no non-negative integer: " + b.lower() + ":" + b.upper());
        }
        int[] s = new int[hi - lo + 1];
        Arrays.setAll(s, k -> lo + k);
        return s;
    }

    private double physical(FitParameter p, double scaled) {
        Bounds b = bounds.get(p);
        return b.lower() + scaled * (b.upper() - b.lower());
    }

    /** Full parameter vector (in the order of objective.free()) from scaled continuous values. */
    private double[] vector(double[] scaled, int steps) {
        List<FitParameter> free = objective.free();
        List<FitParameter> cont = continuous();
        double[] v = new double[free.size()];
        for (int k = 0; k < v.length; k++) {
            FitParameter p = free.get(k);
            v[k] = p == FitParameter.STEPS ? steps : physical(p, scaled[cont.indexOf(p)]);
        }
        return v;
    }

    private double evaluate(double[] scaled, int steps) {
        return objective.rmse(vector(scaled, steps));
    }

    /** Multi-start minimisation over the continuous parameters; the best point is left in {@code best}. */
    private double minimise(int steps, Progress progress, double[] best) {
        int d = best.length;
        double bestF = Double.POSITIVE_INFINITY;
        for (int s = 0; s < starts; s++) {
            double[] x0 = start(s, d);
            double[] bestSeen = new double[d];
            double[] bestSeenF = {Double.POSITIVE_INFINITY};
            org.apache.commons.math3.analysis.MultivariateFunction f = x -> {
                double v = evaluate(x, steps);
                if (v < bestSeenF[0]) {
                    bestSeenF[0] = v;
                    System.arraycopy(x, 0, bestSeen, 0, d);
                }
                return v;
            };
            try {
                if (d == 1) {
                    double lo = (double) s / starts;
                    double hi = (double) (s + 1) / starts;
                    new BrentOptimizer(BRENT_REL, BRENT_ABS).optimize(new MaxEval(MAX_EVAL_PER_START),
                            new UnivariateObjectiveFunction(t -> f.value(new double[] {t})), GoalType.MINIMIZE,
                            new SearchInterval(lo, hi, 0.5 * (lo + hi)));
                } else {
                    double[] lo = new double[d];
                    double[] hi = new double[d];
                    Arrays.fill(hi, 1);
                    new BOBYQAOptimizer(2 * d + 1, INITIAL_RADIUS, STOPPING_RADIUS).optimize(new MaxEval(MAX_EVAL_PER_START),
                            new ObjectiveFunction(f), GoalType.MINIMIZE, new InitialGuess(x0), new SimpleBounds(lo, hi));
                }
            } catch (TooManyEvaluationsException e) {
                // keep the best point seen: the evaluation budget bounds the run time
            }
            if (bestSeenF[0] < bestF) {
                bestF = bestSeenF[0];
                System.arraycopy(bestSeen, 0, best, 0, d);
            }
            progress.startDone();
        }
        return bestF;
    }

    /** Start {@code s}: the base values for s = 0, then Halton points in [0.05, 0.95]^d. */
    private double[] start(int s, int d) {
        List<FitParameter> cont = continuous();
        double[] x = new double[d];
        int[] primes = {2, 3, 5, 7};
        for (int k = 0; k < d; k++) {
            if (s == 0) {
                Bounds b = bounds.get(cont.get(k));
                double v = (cont.get(k).valueIn(objective.base()) - b.lower()) / (b.upper() - b.lower());
                x[k] = Math.max(0.05, Math.min(0.95, v));
            } else {
                x[k] = 0.05 + 0.9 * halton(s, primes[k]);
            }
        }
        return x;
    }

    private static double halton(int index, int base) {
        double f = 1;
        double r = 0;
        for (int i = index; i > 0; i /= base) {
            f /= base;
            r += f * (i % base);
        }
        return r;
    }

    /** Gauss–Newton standard errors of the continuous parameters, in physical units (NaN when singular). */
    private double[] uncertainties(double[] scaled, int steps) {
        int d = scaled.length;
        double[] sigma = new double[d];
        if (d == 0) {
            return sigma;
        }
        double[] r0 = objective.residuals(vector(scaled, steps));
        int n = r0.length;
        double[][] jac = new double[n][d];
        List<FitParameter> cont = continuous();
        for (int k = 0; k < d; k++) {
            double h = JACOBIAN_STEP;
            double[] up = scaled.clone();
            double[] down = scaled.clone();
            up[k] = Math.min(1, scaled[k] + h);
            down[k] = Math.max(0, scaled[k] - h);
            double[] ru = objective.residuals(vector(up, steps));
            double[] rd = objective.residuals(vector(down, steps));
            Bounds b = bounds.get(cont.get(k));
            double span = (up[k] - down[k]) * (b.upper() - b.lower());
            for (int i = 0; i < n; i++) {
                jac[i][k] = (ru[i] - rd[i]) / span;
            }
        }
        double ss = 0;
        for (double x : r0) {
            ss += x * x;
        }
        if (n <= d) {
            Arrays.fill(sigma, Double.NaN);
            return sigma;
        }
        RealMatrix j = new Array2DRowRealMatrix(jac, false);
        try {
            RealMatrix cov = new LUDecomposition(j.transpose().multiply(j)).getSolver().getInverse()
                    .scalarMultiply(ss / (n - d));
            for (int k = 0; k < d; k++) {
                sigma[k] = Math.sqrt(Math.max(0, cov.getEntry(k, k)));
            }
        } catch (SingularMatrixException e) {
            Arrays.fill(sigma, Double.NaN);
        }
        return sigma;
    }
}
