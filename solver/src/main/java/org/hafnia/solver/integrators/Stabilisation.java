package org.hafnia.solver.integrators;

import java.util.Locale;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * The stabilisation constant S of the linearly stabilised semi-implicit schemes: energy
 * stability for every Δt needs S ≥ max|f''|/2 (Shen & Yang, Discrete Contin. Dyn. Syst. A 28,
 * 1669 (2010)).
 */
final class Stabilisation {

    private Stabilisation() {
    }

    /** {@code requested}, or max|f''|/2 when NaN; refuses a value below max|f''|/2. */
    static double resolve(FreeEnergyDensity energy, double requested) {
        double minimum = energy.maxCurvature() / 2;
        double s = Double.isNaN(requested) ? minimum : requested;
        if (!(s >= minimum) || !Double.isFinite(s)) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "stabilisation S = %.4g is below max|f''|/2 = %.4g: the semi-implicit scheme would not be energy stable",
                    s, minimum));
        }
        return s;
    }
}
