package org.hafnia.solver.backend;

import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.AllenCahnModel3D;
import org.hafnia.solver.integrators.StepControl;

/**
 * Makes explicit Euler steppers of the Allen–Cahn models that compute the step of
 * {@link org.hafnia.solver.kernels.AllenCahnKernel} (to round-off), with the stability rule of
 * {@link org.hafnia.solver.integrators.ExplicitStability}.
 */
public interface AllenCahnBackend {

    /** The name selecting this backend, e.g. {@code java}. */
    String name();

    PhaseFieldStepper stepper(AllenCahnModel2D model, double dt, StepControl control, int threads);

    PhaseFieldStepper stepper(AllenCahnModel3D model, double dt, StepControl control, int threads);
}
