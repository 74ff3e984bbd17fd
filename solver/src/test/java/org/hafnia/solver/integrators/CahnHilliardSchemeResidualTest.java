package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.FiniteDifferenceLaplacian;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.energy.GinzburgLandauFunctional;
import org.hafnia.physics.energy.QuarticDoubleWell;
import org.hafnia.solver.api.OneStepMethod;
import org.junit.jupiter.api.Test;

/**
 * Checks the Fourier solves against the scheme written with the finite-difference Laplacian of
 * the meshes module: (c' − c)/Δt = M ∇²_h [f'(c) + S (c' − c) − κ ∇²_h c'] must hold to
 * round-off, with periodic faces for the spectral solver and zero-flux faces for its
 * reflected variant.
 */
class CahnHilliardSchemeResidualTest {

    private static final Grid2D GRID = new Grid2D(32, 16, 0.8, 0.8, LengthUnit.REDUCED);
    private static final double KAPPA = 2;
    private static final double M = 5;
    private static final double S = 7.1;

    private static double[] field() {
        SplittableRandom r = new SplittableRandom(11);
        double[] c = new double[GRID.size()];
        for (int p = 0; p < c.length; p++) {
            c[p] = 0.5 + 0.2 * (r.nextDouble() - 0.5);
        }
        return c;
    }

    private static double maxResidual(OneStepMethod method, BoundaryConditions2D bc, double dt) {
        QuarticDoubleWell f = QuarticDoubleWell.PFHUB;
        double[] c = field();
        double[] next = new double[c.length];
        method.step(c, next, dt);
        int n = c.length;
        double[] lapNext = new double[n];
        FiniteDifferenceLaplacian.apply(GRID, bc, next, lapNext);
        double[] mu = new double[n];
        for (int p = 0; p < n; p++) {
            mu[p] = f.derivative(c[p]) + S * (next[p] - c[p]) - KAPPA * lapNext[p];
        }
        double[] lapMu = new double[n];
        FiniteDifferenceLaplacian.apply(GRID, bc, mu, lapMu);
        double r = 0;
        for (int p = 0; p < n; p++) {
            r = Math.max(r, Math.abs((next[p] - c[p]) / dt - M * lapMu[p]));
        }
        return r;
    }

    /**
     * The terms are O(M κ |∇⁴c|) ≈ 5·2·16·0.1/0.8⁴ ≈ 40; FFT round-off is ≈ 1e-15 relative to
     * them, so 1e-9 leaves ample room and still fails for any wrong symbol or sign.
     */
    @Test
    void periodicSpectralStepSolvesTheFiniteDifferenceScheme() {
        double r = maxResidual(new SpectralCahnHilliard2D(GRID, QuarticDoubleWell.PFHUB, KAPPA, M, S),
                BoundaryConditions2D.periodic(), 0.3);
        assertThat(r).isLessThan(1e-9);
    }

    @Test
    void reflectedStepSolvesTheZeroFluxFiniteDifferenceScheme() {
        double r = maxResidual(new ZeroFluxCahnHilliard2D(GRID, QuarticDoubleWell.PFHUB, KAPPA, M, S),
                BoundaryConditions2D.zeroFlux(), 0.3);
        assertThat(r).isLessThan(1e-9);
    }

    @Test
    void zeroFluxVariantConservesMassAndDecreasesEnergy() {
        ZeroFluxCahnHilliard2D ch = new ZeroFluxCahnHilliard2D(GRID, QuarticDoubleWell.PFHUB, KAPPA, M, Double.NaN);
        GinzburgLandauFunctional f = new GinzburgLandauFunctional(GRID, BoundaryConditions2D.zeroFlux(), QuarticDoubleWell.PFHUB, KAPPA);
        double[] c = field();
        double[] next = new double[c.length];
        double m0 = 0;
        for (double v : c) {
            m0 += v;
        }
        double e = f.energy(c);
        for (int k = 0; k < 100; k++) {
            ch.step(c, next, 1.0);
            System.arraycopy(next, 0, c, 0, c.length);
            double e1 = f.energy(c);
            assertThat(e1).isLessThanOrEqualTo(e + 1e-12 * Math.abs(e));
            e = e1;
        }
        double m = 0;
        for (double v : c) {
            m += v;
        }
        assertThat(Math.abs(m - m0) / m0).isLessThan(1e-12);
    }
}
