package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.CubicSplineEnergy;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.GinzburgLandauFunctional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without bias the explicit, clipped Allen–Cahn step is a projected gradient step on the
 * discrete functional F; for a step inside the stability limit (Δt·Lip(∇F) ≤ 2) F cannot rise.
 */
class AllenCahnEnergyDecayTest {

    private static FreeEnergyDensity energy(String name) {
        if (name.equals("double-well")) {
            return new DoubleWellEnergy(1.0, -0.3);
        }
        double[] phi = new double[21];
        double[] e = new double[21];
        for (int k = 0; k <= 20; k++) {
            phi[k] = k / 20.0;
            e[k] = 16 * 2.9 * Math.pow(phi[k] * (1 - phi[k]), 2) - 0.17 * phi[k];
        }
        return new CubicSplineEnergy(new EnergyProfile(phi, e, "eV"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"double-well", "spline"})
    void freeEnergyNeverIncreasesWithoutBias(String name) {
        Grid2D g = AllenCahnModel2D.publishedGrid(40, 30);
        for (BoundaryConditions2D bc : new BoundaryConditions2D[] {BoundaryConditions2D.zeroFlux(), BoundaryConditions2D.periodic()}) {
            AllenCahnModel2D model = new AllenCahnModel2D(g, bc, energy(name), 0.05, 1.0, true);
            double dt = 0.95 * ForwardEulerAllenCahn2D.stableTimeStep(model);
            GinzburgLandauFunctional F = new GinzburgLandauFunctional(g, bc, model.energy(), model.kappa());
            double[] phi = new SplittableRandom(7).doubles(g.size(), 0, 1).toArray();
            double previous = F.energy(phi);
            try (ForwardEulerAllenCahn2D stepper = new ForwardEulerAllenCahn2D(model, dt, StepControl.REFUSE, 2)) {
                for (int s = 0; s < 300; s++) {
                    stepper.advance(phi, 1, 0, null);
                    double now = F.energy(phi);
                    // Round-off of a sum of 1200 terms of size ≤ ~3 eV × ΔA: relative 1e-12.
                    assertThat(now).as("%s %s step %d", name, bc, s)
                            .isLessThanOrEqualTo(previous + 1e-12 * Math.abs(previous) + 1e-15);
                    previous = now;
                }
            }
        }
    }
}
