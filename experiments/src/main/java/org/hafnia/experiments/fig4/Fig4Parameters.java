package org.hafnia.experiments.fig4;

/**
 * Parameters of the Fig. 4 run (physics.md §1.1–1.2), all in the published reduced units.
 *
 * @param gradientCoefficient K of κ∇²φ ≈ K·Nx·Ny·(Σ neighbours − 4φ); published 0.05
 * @param timeStep            Δt; published 0.0005
 * @param relaxSteps          relaxation steps at b = 0; published 60
 * @param pulseSteps          steps of each pulse; published 10
 * @param pulseBias           bias b during a pulse; published 30
 * @param restSteps           steps at b = 0 after each pulse; published 10
 * @param mobility            kinetic coefficient L; 1 in the published run
 * @param energy              free-energy variant: "published" (nearest-node forward slope) or "spline"
 */
public record Fig4Parameters(double gradientCoefficient, double timeStep, int relaxSteps, int pulseSteps,
                             double pulseBias, int restSteps, double mobility, String energy) {

    public static final Fig4Parameters PUBLISHED = new Fig4Parameters(0.05, 0.0005, 60, 10, 30, 10, 1.0, "published");

    public Fig4Parameters withEnergy(String e) {
        return new Fig4Parameters(gradientCoefficient, timeStep, relaxSteps, pulseSteps, pulseBias, restSteps, mobility, e);
    }

    public Fig4Parameters withPulseBias(double b) {
        return new Fig4Parameters(gradientCoefficient, timeStep, relaxSteps, pulseSteps, b, restSteps, mobility, energy);
    }
}
