package org.hafnia.solver.device;

/**
 * What a {@link FilmDevice} did since it was made, cumulative: segments, accepted steps, trial
 * steps (evaluations of the implicit step, accepted or not), halvings (rejected trials: the step
 * was halved and tried again) and heat advances; and, when {@link #timeStages(boolean) timed}, the
 * thread time of each stage: heat (save, advance, restore of {@link FilmHeat}), kinetics (the
 * Allen–Cahn trial steps), conductance (σ(φ) and G_f after each accepted step) and traps (their
 * advance and update). The counters cost a few increments per step; the timing two
 * {@link System#nanoTime()} calls per stage, so it is off unless asked for (the benchmark).
 * Not thread-safe, like its device.
 */
public final class FilmDeviceWork {

    private boolean timed;
    long segments;
    long steps;
    long trials;
    long halvings;
    long heatAdvances;
    long heatNanos;
    long kineticsNanos;
    long conductanceNanos;
    long trapNanos;

    FilmDeviceWork() {
    }

    /** Turns the per-stage timing on or off (the counters always run). */
    public void timeStages(boolean on) {
        timed = on;
    }

    /** The clock of a stage's start: {@link System#nanoTime()} when timed, else 0. */
    long clock() {
        return timed ? System.nanoTime() : 0L;
    }

    /** Nanoseconds since {@code start} (a {@link #clock()} value); 0 when untimed. */
    long since(long start) {
        return timed ? System.nanoTime() - start : 0L;
    }

    /** Constant-voltage segments applied ({@code apply}, pulse, read, idle). */
    public long segments() {
        return segments;
    }

    /** Accepted steps. */
    public long steps() {
        return steps;
    }

    /** Trial steps evaluated (accepted, rejected, and the one-step tries of quiet segments). */
    public long trials() {
        return trials;
    }

    /** Rejected trials whose step was halved. */
    public long halvings() {
        return halvings;
    }

    /** Heat advances of {@link FilmHeat} (each after a save or a restore). */
    public long heatAdvances() {
        return heatAdvances;
    }

    /** Thread time in the heat model, ns (0 unless timed). */
    public long heatNanos() {
        return heatNanos;
    }

    /** Thread time in the Allen–Cahn trial steps, ns (0 unless timed). */
    public long kineticsNanos() {
        return kineticsNanos;
    }

    /** Thread time computing σ(φ) and G_f, ns (0 unless timed). */
    public long conductanceNanos() {
        return conductanceNanos;
    }

    /** Thread time in the telegraph-noise traps, ns (0 unless timed). */
    public long trapNanos() {
        return trapNanos;
    }
}
