package org.hafnia.solver.nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.backend.AllenCahnBackend;
import org.hafnia.solver.backend.AllenCahnBackends;
import org.hafnia.solver.backend.JavaBackend;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.AllenCahnModel3D;
import org.hafnia.solver.integrators.StepControl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ND4J backend computes the Java backend's step to round-off. Tolerance: each step is a
 * handful of double operations on values of order 1 (|φ| ≤ 1, rate·|terms| ≤ 1 by stability),
 * so one step differs by at most a few ulp(1) ≈ 1e-16 if ND4J reorders nothing; 1e-12 after
 * {@value #STEPS} steps leaves room for a reordered sum without hiding a wrong stencil or table
 * entry (those change φ by ≥ 1e-4 here). Skipped, with the reason, where the native library
 * does not load.
 */
class Nd4jBackendTest {

    private static final int STEPS = 6;
    private static final double TOLERANCE = 1e-12;

    private static AllenCahnBackend nd4j;

    @BeforeAll
    static void loadNative() {
        try {
            nd4j = AllenCahnBackends.named(AllenCahnBackends.ND4J);
        } catch (InvalidInputException e) {
            Assumptions.abort("ND4J native library does not load on this machine: " + e.getMessage());
        }
    }

    private static NearestNodeForwardSlopeEnergy energy() {
        int n = 20;
        double[] phi = new double[n + 1];
        double[] e = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double x = (double) k / n;
            phi[k] = x;
            e[k] = 1.6 * x * x * (1 - x) * (1 - x) - 0.17 * x * x * (3 - 2 * x);
        }
        return new NearestNodeForwardSlopeEnergy(new EnergyProfile(phi, e, "eV"));
    }

    private static double[] field(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[size];
        for (int k = 0; k < size; k++) {
            v[k] = r.nextDouble();
        }
        return v;
    }

    static List<Arguments> boundaries() {
        AxisBoundary dirichlet = new AxisBoundary(BoundaryCondition.dirichlet(0.2), BoundaryCondition.zeroFlux());
        List<Arguments> cases = new ArrayList<>();
        for (AxisBoundary x : List.of(AxisBoundary.zeroFlux(), AxisBoundary.periodic(), dirichlet)) {
            for (AxisBoundary y : List.of(AxisBoundary.zeroFlux(), AxisBoundary.periodic())) {
                cases.add(Arguments.of(x, y, false));
                cases.add(Arguments.of(x, y, true));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "x {0}, y {1}, per-node bias {2}")
    @MethodSource("boundaries")
    void twoDimensionalStepMatchesJavaBackend(AxisBoundary bx, AxisBoundary by, boolean perNode) {
        AllenCahnModel2D m = new AllenCahnModel2D(new Grid2D(19, 14, 1.0, 0.9, LengthUnit.REDUCED),
                new BoundaryConditions2D(bx, by), energy(), 0.6, 1.2, true);
        double dt = 0.8 / m.explicitRate();
        double[] profile = perNode ? field(19 * 14, 3) : null;
        double[] expected = field(19 * 14, 1);
        double[] actual = expected.clone();
        try (PhaseFieldStepper j = new JavaBackend().stepper(m, dt, StepControl.REFUSE, 2);
             PhaseFieldStepper n = nd4j.stepper(m, dt, StepControl.REFUSE, 2)) {
            j.advance(expected, STEPS, 0.3, profile);
            n.advance(actual, STEPS, 0.3, profile);
        }
        assertWithinRoundOff(actual, expected);
    }

    @ParameterizedTest(name = "x {0}, y = z {1}, per-node bias {2}")
    @MethodSource("boundaries")
    void threeDimensionalStepMatchesJavaBackend(AxisBoundary bx, AxisBoundary byz, boolean perNode) {
        AllenCahnModel3D m = new AllenCahnModel3D(new Grid3D(9, 7, 5, 1.0, 0.9, 1.1, LengthUnit.REDUCED),
                new BoundaryConditions3D(bx, byz, byz), energy(), 0.6, 1.2, true);
        double dt = 0.8 / m.explicitRate();
        double[] profile = perNode ? field(315, 3) : null;
        double[] expected = field(315, 2);
        double[] actual = expected.clone();
        try (PhaseFieldStepper j = new JavaBackend().stepper(m, dt, StepControl.REFUSE, 2);
             PhaseFieldStepper n = nd4j.stepper(m, dt, StepControl.REFUSE, 2)) {
            j.advance(expected, STEPS, -0.2, profile);
            n.advance(actual, STEPS, -0.2, profile);
        }
        assertWithinRoundOff(actual, expected);
    }

    @Test
    void refusesAnEnergyWithoutASlopeTable() {
        AllenCahnModel2D m = new AllenCahnModel2D(new Grid2D(4, 4, 1, 1, LengthUnit.REDUCED),
                BoundaryConditions2D.zeroFlux(), new DoubleWellEnergy(1, 0), 1, 1, true);
        assertThatThrownBy(() -> nd4j.stepper(m, 0.01, StepControl.REFUSE, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tabulated");
    }

    private static void assertWithinRoundOff(double[] actual, double[] expected) {
        double max = 0;
        for (int k = 0; k < actual.length; k++) {
            max = Math.max(max, Math.abs(actual[k] - expected[k]));
        }
        assertThat(max).isLessThanOrEqualTo(TOLERANCE);
        assertThat(expected).as("the run moved φ, so agreement is not trivial").isNotEqualTo(field(expected.length, 1));
    }
}
