package org.hafnia.postprocess.compare;

import org.hafnia.meshes.InvalidInputException;

/**
 * The linear map between φ and the display units of a published panel,
 * display = min + (max − min) φ (physics.md §1.2: the published Fig. 4 used the raw C-AFM map's
 * minimum 0.0515 and maximum 0.966).
 */
public record DisplayScale(double min, double max) {

    /** The published Fig. 4 display scale (reconstructed raw-map minimum and maximum). */
    public static final DisplayScale FIG4 = new DisplayScale(0.0515, 0.966);

    public DisplayScale {
        if (!(max > min) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new InvalidInputException("display scale needs finite MIN < MAX, got " + min + ", " + max);
        }
    }

    public double toDisplay(double phi) {
        return min + (max - min) * phi;
    }

    public double toPhi(double display) {
        return (display - min) / (max - min);
    }

    public double[] toDisplay(double[] phi) {
        double[] d = new double[phi.length];
        for (int k = 0; k < phi.length; k++) {
            d[k] = toDisplay(phi[k]);
        }
        return d;
    }
}
