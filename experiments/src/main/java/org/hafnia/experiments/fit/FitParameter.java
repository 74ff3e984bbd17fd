package org.hafnia.experiments.fit;

import org.hafnia.experiments.fig4.Fig4Parameters;
import org.hafnia.meshes.InvalidInputException;

/**
 * A parameter of the Fig. 4 protocol that a fit may free, with default bounds (reduced units of
 * physics.md §1). The bounds bracket the published values (b = 30, 10 steps, K = 0.05, L = 1)
 * widely; a K or L so large that Δt breaks the explicit stability limit is sub-stepped.
 */
public enum FitParameter {
    /** Pulse bias b (published 30). */
    BIAS("bias", "pulse bias b", false, 0, 100),
    /** Steps of each pulse (published 10); an integer, profiled. */
    STEPS("steps", "steps of each pulse", true, 1, 30),
    /** Gradient coefficient K (published 0.05). */
    K("K", "gradient coefficient K", false, 0.005, 0.2),
    /** Kinetic coefficient L (published 1). */
    MOBILITY("mobility", "mobility L", false, 0.1, 3);

    private final String key;
    private final String description;
    private final boolean integer;
    private final double lower;
    private final double upper;

    FitParameter(String key, String description, boolean integer, double lower, double upper) {
        this.key = key;
        this.description = description;
        this.integer = integer;
        this.lower = lower;
        this.upper = upper;
    }

    /** Name on the command line and in fit.json. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public boolean integer() {
        return integer;
    }

    public double defaultLower() {
        return lower;
    }

    public double defaultUpper() {
        return upper;
    }

    /** {@code p} with this parameter set to {@code v} (rounded when an integer). */
    public Fig4Parameters apply(Fig4Parameters p, double v) {
        return switch (this) {
            case BIAS -> new Fig4Parameters(p.gradientCoefficient(), p.timeStep(), p.relaxSteps(), p.pulseSteps(), v,
                    p.restSteps(), p.mobility(), p.energy());
            case STEPS -> new Fig4Parameters(p.gradientCoefficient(), p.timeStep(), p.relaxSteps(),
                    (int) Math.round(v), p.pulseBias(), p.restSteps(), p.mobility(), p.energy());
            case K -> new Fig4Parameters(v, p.timeStep(), p.relaxSteps(), p.pulseSteps(), p.pulseBias(),
                    p.restSteps(), p.mobility(), p.energy());
            case MOBILITY -> new Fig4Parameters(p.gradientCoefficient(), p.timeStep(), p.relaxSteps(), p.pulseSteps(),
                    p.pulseBias(), p.restSteps(), v, p.energy());
        };
    }

    /** The value of this parameter in {@code p}. */
    public double valueIn(Fig4Parameters p) {
        return switch (this) {
            case BIAS -> p.pulseBias();
            case STEPS -> p.pulseSteps();
            case K -> p.gradientCoefficient();
            case MOBILITY -> p.mobility();
        };
    }

    public static FitParameter parse(String name) {
        for (FitParameter f : values()) {
            if (f.key.equalsIgnoreCase(name.strip()) || f.name().equalsIgnoreCase(name.strip())) {
                return f;
            }
        }
        throw new InvalidInputException("unknown fit parameter '" + name + "': expected bias, steps, K or mobility");
    }
}
