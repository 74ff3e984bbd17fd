package org.hafnia.physics.energy;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * Parametric double well with minima at φ = 0 and φ = 1:
 * f(φ) = 16 W φ²(1 − φ)² + ΔF · φ²(3 − 2φ).
 * W is the height of the symmetric barrier at φ = ½ and ΔF = f(1) − f(0) the asymmetry
 * (negative when the conducting phase is lower, as in the DFT profile where ΔF ≈ −0.17 eV).
 * The interpolating function φ²(3 − 2φ) has zero slope at both ends, so φ = 0 and 1 stay
 * stationary; for |ΔF| < 16W/3 they are the minima and the barrier top sits at
 * φ* = ½ + 3ΔF/(32W), with f(½) = W + ΔF/2.
 * f'(φ) = 32 W φ(1 − φ)(1 − 2φ) + 6 ΔF φ(1 − φ);  |f''| ≤ 32 W + 6 |ΔF| on [0, 1].
 */
public record DoubleWellEnergy(double barrier, double asymmetry, String unit) implements FreeEnergyDensity {

    public DoubleWellEnergy {
        if (!(barrier > 0) || !Double.isFinite(barrier)) {
            throw new InvalidInputException("double-well barrier must be positive and finite, got " + barrier);
        }
        if (!Double.isFinite(asymmetry)) {
            throw new InvalidInputException("double-well asymmetry must be finite, got " + asymmetry);
        }
    }

    public DoubleWellEnergy(double barrier, double asymmetry) {
        this(barrier, asymmetry, "1");
    }

    @Override
    public double value(double phi) {
        double q = phi * (1 - phi);
        return 16 * barrier * q * q + asymmetry * phi * phi * (3 - 2 * phi);
    }

    @Override
    public double derivative(double phi) {
        double q = phi * (1 - phi);
        return 32 * barrier * q * (1 - 2 * phi) + 6 * asymmetry * q;
    }

    /** f''(φ) = 32 W (1 − 6φ + 6φ²) + 6 ΔF (1 − 2φ). */
    public double secondDerivative(double phi) {
        return 32 * barrier * (1 - 6 * phi + 6 * phi * phi) + 6 * asymmetry * (1 - 2 * phi);
    }

    @Override
    public double maxCurvature() {
        return 32 * barrier + 6 * Math.abs(asymmetry);
    }

    @Override
    public String name() {
        return "double-well";
    }
}
