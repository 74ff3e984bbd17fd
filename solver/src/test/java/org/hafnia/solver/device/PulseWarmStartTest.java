package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.solver.linear.StencilPreconditioner;
import org.junit.jupiter.api.Test;

/**
 * The next pulse of a device sees a slightly changed film: started from the previous pulse's
 * potential and temperature, CG needs fewer iterations than from zero and the ambient, and
 * reaches the same solution; the multigrid-preconditioned solvers give the same G and T.
 */
class PulseWarmStartTest {

    private static final double RESIDUAL = 1e-11;

    /** A filament of radius r (nodes) in a 24 × 24 × 6 film. */
    private static ConductingFilm film(double r) {
        Grid3D g = new Grid3D(24, 24, 6, 1, 1, 0.8, LengthUnit.NANOMETRE);
        double[] s = new double[g.size()];
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 24; j++) {
                for (int i = 0; i < 24; i++) {
                    s[g.index(i, j, k)] = Math.hypot(i - 11.3, j - 12.1) < r - 0.2 * k ? 5e4 : 2.0;
                }
            }
        }
        return new ConductingFilm(g, s);
    }

    @Test
    void warmStartFromThePreviousPulseTakesFewerIterationsToTheSameSolution() {
        DeviceConductance ic = new DeviceConductance(RESIDUAL, 10_000);
        JouleHeating heat = new JouleHeating(RESIDUAL, 10_000);
        ConductingFilm before = film(4.0);
        ConductingFilm after = film(4.3);
        DeviceConductance.Read previous = ic.read(before, 0.3);
        JouleHeating.Temperature previousT = heat.solve(before, previous, 0.7, 300);
        DeviceConductance.Read cold = ic.read(after, 0.3);
        DeviceConductance.Read warm = ic.read(after, 0.3, previous.potential());
        assertThat(warm.solve().iterations()).isLessThan(cold.solve().iterations());
        // Both to residual 1e-11: G agrees to cond(A) · 1e-11, far below 1e-7 relative for this film.
        assertThat(warm.conductance()).isCloseTo(cold.conductance(), within(1e-7 * cold.conductance()));
        double[] k = new double[after.grid().size()];
        java.util.Arrays.fill(k, 0.7);
        JouleHeating.Temperature coldT = heat.solve(after, cold, k, 300);
        JouleHeating.Temperature warmT = heat.solve(after, cold, k, 300, previousT.temperature());
        assertThat(warmT.solve().iterations()).isLessThan(coldT.solve().iterations());
        assertThat(warmT.max()).isCloseTo(coldT.max(), within(1e-6 * (coldT.max() - 300)));
    }

    @Test
    void multigridSolversGiveTheConductanceAndTemperatureOfIncompleteCholesky() {
        ConductingFilm f = film(4.0);
        DeviceConductance.Read ic = new DeviceConductance(RESIDUAL, 10_000).read(f, 0.2);
        DeviceConductance.Read mg = new DeviceConductance(RESIDUAL, 10_000, StencilPreconditioner.MULTIGRID).read(f, 0.2);
        assertThat(mg.solve().preconditioner()).startsWith("multigrid");
        assertThat(mg.conductance()).isCloseTo(ic.conductance(), within(1e-7 * ic.conductance()));
        JouleHeating.Temperature tIc = new JouleHeating(RESIDUAL, 10_000).solve(f, ic, 0.7, 300);
        JouleHeating.Temperature tMg = new JouleHeating(RESIDUAL, 10_000, StencilPreconditioner.MULTIGRID)
                .solve(f, ic, 0.7, 300);
        assertThat(tMg.max()).isCloseTo(tIc.max(), within(1e-6 * (tIc.max() - 300)));
    }
}
