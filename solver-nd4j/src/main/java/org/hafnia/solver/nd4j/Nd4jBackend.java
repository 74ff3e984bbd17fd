package org.hafnia.solver.nd4j;

import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.backend.AllenCahnBackend;
import org.hafnia.solver.backend.AllenCahnBackends;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.AllenCahnModel3D;
import org.hafnia.solver.integrators.ExplicitStability;
import org.hafnia.solver.integrators.StepControl;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend: loads the native library (constructing it fails where the library cannot
 * load) and makes {@link Nd4jAllenCahnStepper}s.
 */
public final class Nd4jBackend implements AllenCahnBackend {

    public Nd4jBackend() {
        Nd4j.getBackend();
    }

    @Override
    public String name() {
        return AllenCahnBackends.ND4J;
    }

    @Override
    public PhaseFieldStepper stepper(AllenCahnModel2D model, double dt, StepControl control, int threads) {
        var g = model.grid();
        return new Nd4jAllenCahnStepper(new long[] {1, g.ny(), g.nx()}, false,
                new double[] {model.kappa() / (g.dx() * g.dx()), model.kappa() / (g.dy() * g.dy()), 0},
                new org.hafnia.meshes.AxisBoundary[] {model.bc().x(), model.bc().y(), null}, model.energy(),
                model.mobility(), model.clip(), dt,
                ExplicitStability.substeps(dt, model.explicitRate(), ExplicitStability.CRITERION_2D, control), threads);
    }

    @Override
    public PhaseFieldStepper stepper(AllenCahnModel3D model, double dt, StepControl control, int threads) {
        var g = model.grid();
        return new Nd4jAllenCahnStepper(new long[] {g.nz(), g.ny(), g.nx()}, true,
                new double[] {model.kappa() / (g.dx() * g.dx()), model.kappa() / (g.dy() * g.dy()),
                    model.kappa() / (g.dz() * g.dz())},
                new org.hafnia.meshes.AxisBoundary[] {model.bc().x(), model.bc().y(), model.bc().z()}, model.energy(),
                model.mobility(), model.clip(), dt,
                ExplicitStability.substeps(dt, model.explicitRate(), ExplicitStability.CRITERION_3D, control), threads);
    }
}
