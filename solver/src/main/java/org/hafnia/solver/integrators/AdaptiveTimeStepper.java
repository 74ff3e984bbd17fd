package org.hafnia.solver.integrators;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.solver.api.OneStepMethod;

/**
 * Adaptive Δt with error control by step doubling (Hairer, Nørsett & Wanner, Solving ODEs I,
 * §II.4): each attempt takes one step of Δt and two of Δt/2; their difference
 * err = max_p |y_Δt − y_Δt/2,Δt/2| estimates the local error of the two half steps to leading
 * order (it is (2^p − 1) times it for a method of order p, i.e. equal for p = 1). The attempt
 * is accepted when err ≤ tol and the two-half-step result is kept; otherwise it is rejected
 * and retried. Either way the next Δt is Δt · min(2, max(0.2, 0.9 (tol/err)^(1/(p+1)))),
 * capped by the method's {@linkplain OneStepMethod#stableStepLimit() stability limit} — so an
 * explicit limit is never exceeded — by {@code maxStep}, and by the time left.
 */
public final class AdaptiveTimeStepper {

    private static final double SAFETY = 0.9;
    private static final double MAX_GROWTH = 2.0;
    private static final double MAX_SHRINK = 0.2;

    private final OneStepMethod method;
    private final double tolerance;
    private final double minStep;
    private final double maxStep;
    private final double[] full;
    private final double[] half;
    private final double[] twoHalves;
    private boolean extrapolate;
    private double dt;
    private long accepted;
    private long rejected;
    private double largestError;

    /**
     * @param method      the integrator
     * @param tolerance   local error tolerance per step, max norm, in the unit of the state
     * @param initialStep first Δt to try
     * @param minStep     smallest Δt allowed; needing less is an error
     * @param maxStep     largest Δt allowed
     */
    public AdaptiveTimeStepper(OneStepMethod method, double tolerance, double initialStep, double minStep,
                               double maxStep) {
        if (!(tolerance > 0) || !(initialStep > 0) || !(minStep > 0) || !(maxStep >= minStep)) {
            throw new InvalidInputException("adaptive stepping needs tolerance, Δt0, Δt_min > 0 and Δt_max ≥ Δt_min, got "
                    + tolerance + ", " + initialStep + ", " + minStep + ", " + maxStep);
        }
        this.method = method;
        this.tolerance = tolerance;
        this.minStep = minStep;
        this.maxStep = maxStep;
        this.dt = Math.min(initialStep, maxStep);
        int n = method.size();
        full = new double[n];
        half = new double[n];
        twoHalves = new double[n];
    }

    /**
     * Everything the controller carries between attempts: with the state vector and the time it
     * continues a run bit for bit (a checkpoint holds it).
     *
     * @param step         the Δt the next attempt will try
     * @param accepted     accepted steps so far
     * @param rejected     rejected attempts so far
     * @param largestError largest error estimate of an accepted step
     */
    public record State(double step, long accepted, long rejected, double largestError) {
    }

    /** Called after each accepted step with the time reached (y then holds the state at it). */
    @FunctionalInterface
    public interface StepListener {
        void accepted(double t);
    }

    /**
     * Advances {@code y} (overwritten) from {@code t} to {@code tEnd}.
     *
     * @return tEnd
     */
    public double advance(double[] y, double t, double tEnd) {
        return advance(y, t, tEnd, null);
    }

    /**
     * As {@link #advance(double[], double, double)}, telling {@code listener} (may be null) after
     * each accepted step. Calling {@code advance(y, t', tEnd)} with the y, t' and {@link #state()}
     * of such a moment repeats the rest of the run exactly.
     */
    public double advance(double[] y, double t, double tEnd, StepListener listener) {
        double limit = method.stableStepLimit();
        while (t < tEnd) {
            double left = tEnd - t;
            double h = Math.min(Math.min(dt, maxStep), limit);
            boolean last = left <= h;
            if (last) {
                h = left;
            }
            if (h < minStep && !last) {
                throw new InvalidInputException(String.format(java.util.Locale.ROOT,
                        "adaptive time step fell below the minimum %.3g at t = %.6g (error tolerance %.3g not reachable)",
                        minStep, t, tolerance));
            }
            method.stepDoubling(y, h, full, half, twoHalves);
            double err = 0;
            for (int p = 0; p < y.length; p++) {
                err = Math.max(err, Math.abs(full[p] - twoHalves[p]));
            }
            if (!Double.isFinite(err)) {
                err = Double.POSITIVE_INFINITY;
            }
            double factor = err == 0 ? MAX_GROWTH
                    : Math.min(MAX_GROWTH, Math.max(MAX_SHRINK, SAFETY * Math.pow(tolerance / err, 1.0 / (method.order() + 1))));
            if (err <= tolerance) {
                if (extrapolate) {
                    double w = 1.0 / ((1 << method.order()) - 1);
                    for (int p = 0; p < y.length; p++) {
                        y[p] = twoHalves[p] + w * (twoHalves[p] - full[p]);
                    }
                } else {
                    System.arraycopy(twoHalves, 0, y, 0, y.length);
                }
                t = last ? tEnd : t + h;
                accepted++;
                largestError = Math.max(largestError, err);
                dt = last ? Math.max(dt, h * factor) : h * factor;
                if (listener != null) {
                    listener.accepted(t);
                }
            } else {
                rejected++;
                dt = h * factor;
            }
        }
        return tEnd;
    }

    /**
     * Local (Richardson) extrapolation: keep y_Δt/2,Δt/2 + (y_Δt/2,Δt/2 − y_Δt)/(2^p − 1), one
     * order higher than the method, instead of the two half steps. The error estimate (of the
     * un-extrapolated result) then overstates the local error, so control stays conservative;
     * linear invariants such as mass are kept, but the method's energy stability is no longer
     * guaranteed. Off by default.
     */
    public AdaptiveTimeStepper extrapolate(boolean on) {
        this.extrapolate = on;
        return this;
    }

    /** The Δt the next attempt will try. */
    public double currentStep() {
        return dt;
    }

    /** Sets the Δt of the next attempt (e.g. when resuming a run). */
    public void currentStep(double step) {
        this.dt = step;
    }

    /** The controller's state, for a checkpoint. */
    public State state() {
        return new State(dt, accepted, rejected, largestError);
    }

    /** Continues from a {@link #state()} (of a stepper with the same method and settings). */
    public void restore(State s) {
        this.dt = s.step();
        this.accepted = s.accepted();
        this.rejected = s.rejected();
        this.largestError = s.largestError();
    }

    public long acceptedSteps() {
        return accepted;
    }

    public long rejectedSteps() {
        return rejected;
    }

    /** Largest error estimate of an accepted step (≤ tolerance). */
    public double largestAcceptedError() {
        return largestError;
    }

    public double tolerance() {
        return tolerance;
    }
}
