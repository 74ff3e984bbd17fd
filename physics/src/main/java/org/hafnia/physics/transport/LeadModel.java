package org.hafnia.physics.transport;

import org.apache.commons.math3.complex.Complex;

/**
 * Discretisation of the open leads. In every model the lead equations of mode i have the form
 * <pre>
 *   left:  ψ_i(z_0) − r_i = δ_im,   K_i r_i + (i/dz)(ψ_i(z_0) − ψ_i(z_1)) = K'_i δ_im
 *   right: t_i − ψ_i(z_N) = 0,       K_i t_i + (i/dz)(ψ_i(z_N) − ψ_i(z_{N−1})) = 0
 * </pre>
 * for a unit wave incident in mode m; the models differ in the coefficients K_i, K'_i.
 * Current conservation (exact, to round-off): the interior operator is real symmetric, so the
 * discrete current J = Σ_i Im(ψ_i(z_l)* ψ_i(z_{l+1})) is the same on every interval. The left
 * lead equations give J = dz Re Σ_i (δ_im + r_i)*(K'_i δ_im − K_i r_i)
 * = dz (Re K_m − Σ_i Re K_i |r_i|²), because the incident mode m propagates and
 * K'_m = conj(K_m) in both models (the cross terms are then purely imaginary); the right lead
 * equations give J = dz Σ_i Re K_i |t_i|². Hence Σ_i (|r_i|² + |t_i|²) Re K_i / Re K_m = 1,
 * with Re K_i = 0 for evanescent modes: the flux weights of the published model are exactly the
 * continuum Re(k_i)/k_m of physics.md §3.
 */
public enum LeadModel {

    /**
     * physics.md §3: K_i = K'_i = k_i, the continuum wavenumber, in a first-order one-sided
     * difference. The discrete interior waves have a slightly different wavenumber θ/dz
     * (2c(1 − cos θ)/dz² = E − ε_i), so even an empty channel reflects weakly: |r|² ≈ 1.6·10⁻⁵
     * and the density ripples by ≈ ±2.3 % at the published grid (O(k dz)).
     */
    PUBLISHED {
        @Override
        Complex outgoing(double k2, double dz) {
            return wavenumber(k2);
        }

        @Override
        Complex incoming(double k2, double dz) {
            return wavenumber(k2);
        }
    },

    /**
     * Exact for the discretised lead: the lead waves are λ^{±l} with λ + 1/λ = 2 − k² dz²
     * (the interior dispersion), λ = e^{iθ} with sin θ > 0 when propagating and |λ| < 1 when
     * evanescent; K_i = −(i/dz)(1 − 1/λ_i), K'_i = (i/dz)(1 − λ_i). An empty channel then
     * transmits the incident wave without reflection and |ψ| = 1 at every node.
     */
    LATTICE {
        @Override
        Complex outgoing(double k2, double dz) {
            return Complex.ONE.subtract(lambda(k2, dz).reciprocal()).multiply(new Complex(0, -1 / dz));
        }

        @Override
        Complex incoming(double k2, double dz) {
            return Complex.ONE.subtract(lambda(k2, dz)).multiply(new Complex(0, 1 / dz));
        }

        private Complex lambda(double k2, double dz) {
            double beta = 1 - 0.5 * k2 * dz * dz;
            if (Math.abs(beta) <= 1) {
                return new Complex(beta, Math.sqrt(1 - beta * beta));
            }
            return new Complex(beta - Math.signum(beta) * Math.sqrt(beta * beta - 1), 0);
        }
    };

    /** K_i of a mode with k_i² = (E − ε_i)/c (nm⁻²) on a grid of spacing dz (nm), in nm⁻¹. */
    abstract Complex outgoing(double k2, double dz);

    /** K'_i, the coefficient of the incident wave, nm⁻¹. */
    abstract Complex incoming(double k2, double dz);

    /** Principal square root of k² (nm⁻²): k ≥ 0 for a propagating mode, i|k| for an evanescent one. */
    public static Complex wavenumber(double k2) {
        return k2 >= 0 ? new Complex(Math.sqrt(k2), 0) : new Complex(0, Math.sqrt(-k2));
    }
}
