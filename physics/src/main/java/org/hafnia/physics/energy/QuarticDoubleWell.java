package org.hafnia.physics.energy;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * The quartic double well of PFHub benchmark 1 (physics.md §5), f(c) = ρ (c − cα)² (cβ − c)²,
 * minima at cα and cβ, barrier ρ ((cβ − cα)/2)⁴ at their midpoint.
 * f'(c) = 2ρ u u' with u = (c − cα)(cβ − c), u' = cα + cβ − 2c;
 * f''(c) = 2ρ (6c² − 6(cα + cβ)c + cα² + 4cα cβ + cβ²).
 */
public record QuarticDoubleWell(double rho, double alpha, double beta) implements FreeEnergyDensity {

    /** PFHub benchmark 1: ρs = 5, cα = 0.3, cβ = 0.7. */
    public static final QuarticDoubleWell PFHUB = new QuarticDoubleWell(5, 0.3, 0.7);

    public QuarticDoubleWell {
        if (!(rho > 0) || !Double.isFinite(rho) || !Double.isFinite(alpha) || !Double.isFinite(beta) || !(alpha < beta)) {
            throw new InvalidInputException("quartic double well needs ρ > 0 and cα < cβ, got ρ = " + rho
                    + ", cα = " + alpha + ", cβ = " + beta);
        }
    }

    @Override
    public double value(double c) {
        double u = (c - alpha) * (beta - c);
        return rho * u * u;
    }

    @Override
    public double derivative(double c) {
        double u = (c - alpha) * (beta - c);
        return 2 * rho * u * (alpha + beta - 2 * c);
    }

    public double secondDerivative(double c) {
        return 2 * rho * (6 * c * c - 6 * (alpha + beta) * c + alpha * alpha + 4 * alpha * beta + beta * beta);
    }

    /** max |f''| on [0, 1]. */
    @Override
    public double maxCurvature() {
        return maxCurvature(0, 1);
    }

    /** max |f''| on [lo, hi]: f'' is a parabola, so the largest of its ends and, if inside, its vertex. */
    @Override
    public double maxCurvature(double lo, double hi) {
        double m = Math.max(Math.abs(secondDerivative(lo)), Math.abs(secondDerivative(hi)));
        double vertex = 0.5 * (alpha + beta);
        return vertex > lo && vertex < hi ? Math.max(m, Math.abs(secondDerivative(vertex))) : m;
    }

    @Override
    public String name() {
        return "quartic";
    }
}
