package org.hafnia.physics.transport;

/**
 * Mode-coupling matrices U_ij(z) = ∫∫ U(x, y, z) χ_i(x, y) χ_j(x, y) dx dy over the a × b
 * cross-section by the midpoint rule with n × n points (physics.md §3: n = 20). For a smooth U
 * the error is O(h⁴) in the point spacing h, not the generic O(h²): χ_i χ_j and its first
 * derivative vanish on the hard walls, which cancels the h² Euler–Maclaurin term. The rule
 * integrates χ_i χ_j exactly (discrete orthogonality of the sines at midpoints for p, q < n),
 * so a constant U gives U δ_ij to round-off. Each matrix is symmetric by construction.
 */
public final class ModeCouplingMatrices {

    /** Potential energy U(x, y, z) in eV at a point in nm. */
    @FunctionalInterface
    public interface Potential {
        double energy(double x, double y, double z);
    }

    private ModeCouplingMatrices() {
    }

    /**
     * @return U_ij(z_l) for every z_l in {@code z}, flat: index (l·M + i)·M + j, eV
     */
    public static double[] compute(TransverseModes modes, double a, double b, int points, Potential u, double[] z) {
        int m = modes.count();
        int nq = points * points;
        double hx = a / points;
        double hy = b / points;
        double[] xq = new double[nq];
        double[] yq = new double[nq];
        double[] chi = new double[m * nq];
        for (int j = 0; j < points; j++) {
            for (int i = 0; i < points; i++) {
                int s = j * points + i;
                xq[s] = (i + 0.5) * hx;
                yq[s] = (j + 0.5) * hy;
                for (int mode = 0; mode < m; mode++) {
                    chi[mode * nq + s] = modes.value(mode, xq[s], yq[s]);
                }
            }
        }
        double weight = hx * hy;
        double[] uq = new double[nq];
        double[] out = new double[z.length * m * m];
        for (int l = 0; l < z.length; l++) {
            for (int s = 0; s < nq; s++) {
                uq[s] = u.energy(xq[s], yq[s], z[l]) * weight;
            }
            int base = l * m * m;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = 0;
                    int oi = i * nq;
                    int oj = j * nq;
                    for (int s = 0; s < nq; s++) {
                        sum += uq[s] * chi[oi + s] * chi[oj + s];
                    }
                    out[base + i * m + j] = sum;
                    out[base + j * m + i] = sum;
                }
            }
        }
        return out;
    }
}
