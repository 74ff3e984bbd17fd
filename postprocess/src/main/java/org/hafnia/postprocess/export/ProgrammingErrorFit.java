package org.hafnia.postprocess.export;

/**
 * Programming error σ(G_final − G_target) against the target, fitted by least squares as
 * σ = c0 + c1 g + c2 g² with g = G_target / g_max (aihwkit's {@code prog_coeff} convention, σ in µS).
 *
 * @param c0   constant (µS)
 * @param c1   linear coefficient (µS)
 * @param c2   quadratic coefficient (µS)
 * @param gMax normalising conductance (S)
 * @param relativeToMax mean σ / g_max (CrossSim's normalised magnitude)
 */
public record ProgrammingErrorFit(double c0, double c1, double c2, double gMax, double relativeToMax) {

    /**
     * Fits targets (S) and σ (S); with fewer than three distinct targets the fit is constant.
     */
    public static ProgrammingErrorFit of(double[] targets, double[] sigma, double gMax) {
        int n = targets.length;
        double meanSigma = 0;
        for (double s : sigma) {
            meanSigma += s / n;
        }
        if (n < 3) {
            return new ProgrammingErrorFit(meanSigma * 1e6, 0, 0, gMax, meanSigma / gMax);
        }
        double[][] a = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double g = targets[i] / gMax;
            a[i] = new double[] {1, g, g * g};
            y[i] = sigma[i] * 1e6;
        }
        var solver = new org.apache.commons.math3.linear.QRDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(a)).getSolver();
        double[] c = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(y)).toArray();
        return new ProgrammingErrorFit(c[0], c[1], c[2], gMax, meanSigma / gMax);
    }
}
