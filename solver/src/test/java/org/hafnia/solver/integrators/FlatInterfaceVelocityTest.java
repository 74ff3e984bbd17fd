package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.junit.jupiter.api.Test;

/**
 * A flat interface under a constant driving force. With f = 16W φ²(1−φ)² + ΔF φ²(3 − 2φ) the
 * Allen–Cahn equation is the Nagumo equation ∂tφ = Lκ φ'' + 4AL φ(1−φ)(φ − a), A = 16W,
 * a = ½ + 3ΔF/(2A), whose exact travelling front is the tanh profile
 * φ = ½ (1 + tanh(w (x − vt)/2)), w = √(2A/κ), moving at v = 3 ΔF L √(κ/(8W)) (McKean 1970):
 * the conducting phase (φ = 1) grows when ΔF < 0.
 */
class FlatInterfaceVelocityTest {

    private static final double W = 1.0;
    private static final double DF = -0.2;
    private static final double KAPPA = 1.0;
    private static final double L = 1.0;

    /** Measured front velocity with {@code nodesPerWidth} nodes per interface width 1/w. */
    private static double measuredVelocity(double nodesPerWidth) {
        double w = Math.sqrt(2 * 16 * W / KAPPA);
        double h = 1 / (w * nodesPerWidth);
        int n = (int) Math.round(40 / (w * h));
        Grid2D g = new Grid2D(n, 1, h, h, LengthUnit.REDUCED);
        AllenCahnModel2D model = new AllenCahnModel2D(g, BoundaryConditions2D.zeroFlux(),
                new DoubleWellEnergy(W, DF), KAPPA, L, true);
        double dt = 0.05 * ForwardEulerAllenCahn2D.stableTimeStep(model);
        double x0 = 0.5 * g.width();
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            phi[i] = 0.5 * (1 + Math.tanh(w * (g.x(i) - x0) / 2));
        }
        double v = 3 * DF * L * Math.sqrt(KAPPA / (8 * W));
        // Run long enough for the front to travel ~5 widths, starting the clock after ~1 width
        // so the discrete profile has settled.
        int steps = (int) Math.round(5 / w / Math.abs(v) / dt);
        int settle = steps / 5;
        try (ForwardEulerAllenCahn2D stepper = new ForwardEulerAllenCahn2D(model, dt, StepControl.REFUSE, 1)) {
            stepper.advance(phi, settle, 0, null);
            double p1 = frontPosition(g, phi);
            stepper.advance(phi, steps - settle, 0, null);
            double p2 = frontPosition(g, phi);
            return (p2 - p1) / ((steps - settle) * dt);
        }
    }

    /** Position where φ crosses ½, by linear interpolation. */
    private static double frontPosition(Grid2D g, double[] phi) {
        for (int i = 0; i + 1 < phi.length; i++) {
            if (phi[i] < 0.5 && phi[i + 1] >= 0.5) {
                return g.x(i) + (0.5 - phi[i]) / (phi[i + 1] - phi[i]) * g.dx();
            }
        }
        throw new AssertionError("no front");
    }

    @Test
    void frontMovesAtTheAnalyticVelocityWithSecondOrderSpatialError() {
        double v = 3 * DF * L * Math.sqrt(KAPPA / (8 * W));
        double e1 = Math.abs(measuredVelocity(4) / v - 1);
        double e2 = Math.abs(measuredVelocity(8) / v - 1);
        // Discretisation error: the 5-point stencil's truncation h²/12 φ'''' relative to the
        // terms of the front equation is ≈ (wh)²/12 · O(1) ≈ 0.5 % at 4 nodes per width; forward
        // Euler at 5 % of the stability limit adds O(Δt v w) ≈ 0.1 %. Allow 2 % at 4 nodes per
        // width, and require the error to fall at least 3× when h halves (second order gives 4×).
        assertThat(e1).isLessThan(0.02);
        assertThat(e2).isLessThan(e1 / 3);
    }
}
