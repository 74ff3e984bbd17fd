package org.hafnia.physics.energy;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialFunction;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.hafnia.physics.api.FreeEnergyDensity;

/**
 * Smooth variant of the tabulated profile: the natural cubic spline through the table nodes
 * (Commons Math {@link SplineInterpolator}), with f' its exact derivative. The spline is C²,
 * interpolates the nodes exactly and approximates a smooth profile to O(h⁴) (O(h³) in f').
 * Evaluation uses the spline's coefficients on the uniform node grid, so it costs a table
 * index and a cubic.
 */
public final class CubicSplineEnergy implements FreeEnergyDensity {

    private final EnergyProfile profile;
    private final int n;
    private final double h;
    /** c[4k + m]: coefficient of (φ − φ_k)^m on interval k. */
    private final double[] c;
    private final double maxCurvature;

    public CubicSplineEnergy(EnergyProfile profile) {
        this.profile = profile;
        PolynomialSplineFunction spline = new SplineInterpolator().interpolate(profile.phi(), profile.energy());
        PolynomialFunction[] pieces = spline.getPolynomials();
        n = pieces.length;
        h = profile.spacing();
        c = new double[4 * n];
        double m = 0;
        for (int k = 0; k < n; k++) {
            double[] p = pieces[k].getCoefficients();
            for (int d = 0; d < p.length && d < 4; d++) {
                c[4 * k + d] = p[d];
            }
            // f'' is linear on each piece, so its extreme values are at the ends.
            double c2 = c[4 * k + 2];
            double c3 = c[4 * k + 3];
            m = Math.max(m, Math.max(Math.abs(2 * c2), Math.abs(2 * c2 + 6 * c3 * h)));
        }
        maxCurvature = m;
    }

    private int piece(double phi) {
        int k = (int) (phi * n);
        return k < 0 ? 0 : (k >= n ? n - 1 : k);
    }

    @Override
    public double value(double phi) {
        int k = piece(phi);
        double x = phi - k * h;
        int b = 4 * k;
        return c[b] + x * (c[b + 1] + x * (c[b + 2] + x * c[b + 3]));
    }

    @Override
    public double derivative(double phi) {
        int k = piece(phi);
        double x = phi - k * h;
        int b = 4 * k;
        return c[b + 1] + x * (2 * c[b + 2] + x * 3 * c[b + 3]);
    }

    @Override
    public double maxCurvature() {
        return maxCurvature;
    }

    public EnergyProfile profile() {
        return profile;
    }

    @Override
    public String name() {
        return "dft-table-cubic-spline";
    }

    @Override
    public String unit() {
        return profile.unit();
    }
}
