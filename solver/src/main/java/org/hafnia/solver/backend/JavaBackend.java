package org.hafnia.solver.backend;

import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.AllenCahnModel3D;
import org.hafnia.solver.integrators.ForwardEulerAllenCahn2D;
import org.hafnia.solver.integrators.ForwardEulerAllenCahn3D;
import org.hafnia.solver.integrators.StepControl;

/** The default backend: the fused multithreaded Java kernels. */
public final class JavaBackend implements AllenCahnBackend {

    public static final String NAME = "java";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PhaseFieldStepper stepper(AllenCahnModel2D model, double dt, StepControl control, int threads) {
        return new ForwardEulerAllenCahn2D(model, dt, control, threads);
    }

    @Override
    public PhaseFieldStepper stepper(AllenCahnModel3D model, double dt, StepControl control, int threads) {
        return new ForwardEulerAllenCahn3D(model, dt, control, threads);
    }
}
