package org.hafnia.meshes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

class FiniteDifferenceLaplacianTest {

    /** Max-norm error of the discrete Laplacian of cos(πx)cos(2πy) on an n × n unit square (zero flux). */
    private static double neumannError(int n) {
        Grid2D g = Grid2D.ofExtent(n, n, 1, 1, LengthUnit.REDUCED);
        DoubleBinaryOperator u = (x, y) -> Math.cos(Math.PI * x) * Math.cos(2 * Math.PI * y);
        double[] phi = new double[g.size()];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                phi[g.index(i, j)] = u.applyAsDouble(g.x(i), g.y(j));
            }
        }
        double[] lap = new double[g.size()];
        FiniteDifferenceLaplacian.apply(g, BoundaryConditions2D.zeroFlux(), phi, lap);
        double err = 0;
        for (int k = 0; k < phi.length; k++) {
            err = Math.max(err, Math.abs(lap[k] + 5 * Math.PI * Math.PI * phi[k]));
        }
        return err;
    }

    @Test
    void zeroFluxLaplacianConvergesAtSecondOrder() {
        double e1 = neumannError(16);
        double e2 = neumannError(32);
        double e3 = neumannError(64);
        // Cell-centred mirror ghosts are second order at the face; the observed order of the
        // max-norm error must approach 2 (O(h) would mean the boundary closure is wrong).
        assertThat(Math.log(e1 / e2) / Math.log(2)).isCloseTo(2, within(0.15));
        assertThat(Math.log(e2 / e3) / Math.log(2)).isCloseTo(2, within(0.1));
    }

    @Test
    void periodicLaplacianOfAFourierModeIsItsDiscreteEigenvalue() {
        int n = 20;
        Grid2D g = Grid2D.ofExtent(n, n, 1, 1, LengthUnit.REDUCED);
        double[] phi = new double[g.size()];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                phi[g.index(i, j)] = Math.sin(2 * Math.PI * 3 * g.x(i)) * Math.cos(2 * Math.PI * g.y(j));
            }
        }
        double[] lap = new double[g.size()];
        FiniteDifferenceLaplacian.apply(g, BoundaryConditions2D.periodic(), phi, lap);
        double h = 1.0 / n;
        double eig = -(4 / (h * h)) * (Math.pow(Math.sin(Math.PI * 3 * h), 2) + Math.pow(Math.sin(Math.PI * h), 2));
        for (int k = 0; k < phi.length; k++) {
            // Exact up to round-off: sums of a few O(1/h²) terms, relative 1e-12.
            assertThat(lap[k]).isCloseTo(eig * phi[k], within(1e-12 * Math.abs(eig)));
        }
    }

    @Test
    void dirichletFacesHoldTheirValueForALinearProfile() {
        // φ = x on [0, 1] with φ(0) = 0, φ(1) = 1: the mirror ghosts 2g − φ reproduce the line,
        // so the discrete Laplacian vanishes to round-off everywhere, boundary nodes included.
        int n = 10;
        Grid3D g = new Grid3D(n, 3, 4, 0.1, 0.5, 0.25, LengthUnit.REDUCED);
        BoundaryConditions3D bc = new BoundaryConditions3D(
                new AxisBoundary(BoundaryCondition.dirichlet(0), BoundaryCondition.dirichlet(1)),
                AxisBoundary.zeroFlux(), AxisBoundary.periodic());
        double[] phi = new double[g.size()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < n; i++) {
                    phi[g.index(i, j, k)] = g.x(i);
                }
            }
        }
        double[] lap = new double[g.size()];
        FiniteDifferenceLaplacian.apply(g, bc, phi, lap);
        for (double v : lap) {
            assertThat(v).isCloseTo(0, within(1e-12));
        }
    }
}
