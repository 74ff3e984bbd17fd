package org.hafnia.solver.integrators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch advances each device exactly as a {@link ForwardEulerAllenCahn2D} stepping it alone:
 * same sub-steps, noise counters and arithmetic, hence the same bits (tolerance 0), for devices
 * with their own bias, bias profile, mobility field (one needing sub-steps) and noise, over two
 * calls, for any number of threads.
 */
class BatchedAllenCahn2DTest {

    private static final int DEVICES = 7;

    private static AllenCahnModel2D model() {
        int n = 20;
        double[] phi = new double[n + 1];
        double[] e = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double x = (double) k / n;
            phi[k] = x;
            e[k] = 1.6 * x * x * (1 - x) * (1 - x) - 0.17 * x * x * (3 - 2 * x);
        }
        BoundaryConditions2D bc = new BoundaryConditions2D(AxisBoundary.zeroFlux(),
                new AxisBoundary(BoundaryCondition.dirichlet(0.1), BoundaryCondition.zeroFlux()));
        return new AllenCahnModel2D(Grid2D.unitSpacing(32, 29), bc,
                new NearestNodeForwardSlopeEnergy(new EnergyProfile(phi, e, "eV")), 0.8, 1.1, true);
    }

    private static double[] field(int n, long seed, double lo, double width) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = lo + width * r.nextDouble();
        }
        return v;
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 3, 8})
    void eachDeviceEqualsItsOwnStepperBitForBit(int threads) {
        AllenCahnModel2D m = model();
        int n = m.grid().size();
        double dt = 0.6 / m.explicitRate();
        double[][] phi = new double[DEVICES][];
        double[][] profile = new double[DEVICES][];
        double[] bias = new double[DEVICES];
        double[][] mobility = new double[DEVICES][];
        double[][] kT = new double[DEVICES][];
        for (int d = 0; d < DEVICES; d++) {
            phi[d] = field(n, 100 + d, -0.05, 1.1);
            bias[d] = 0.3 * d - 0.8;
            profile[d] = d % 2 == 0 ? field(n, 200 + d, 0, 1) : null;
            // Device 3: up to 2.5 L, beyond the limit at this Δt, so it is sub-stepped.
            mobility[d] = d % 3 == 0 ? field(n, 300 + d, 0.5 * m.mobility(), (d == 3 ? 2 : 1) * m.mobility()) : null;
            kT[d] = d % 2 == 1 ? field(n, 400 + d, 0.005, 0.02) : null;
        }
        double[][] alone = new double[DEVICES][];
        for (int d = 0; d < DEVICES; d++) {
            try (ForwardEulerAllenCahn2D s = new ForwardEulerAllenCahn2D(m, dt, StepControl.SUBSTEP, 1)) {
                s.mobilityField(mobility[d]);
                s.noise(kT[d] == null ? null : new LangevinNoise(7 + d, 1), kT[d]);
                alone[d] = phi[d].clone();
                s.advance(alone[d], 3, bias[d], profile[d]);
                s.advance(alone[d], 4, bias[d], profile[d]);
            }
        }
        try (BatchedAllenCahn2D batch = new BatchedAllenCahn2D(m, DEVICES, dt, StepControl.SUBSTEP, threads)) {
            for (int d = 0; d < DEVICES; d++) {
                batch.mobilityField(d, mobility[d]);
                batch.noise(d, kT[d] == null ? null : new LangevinNoise(7 + d, 1), kT[d]);
            }
            assertThat(batch.substeps(3)).as("device 3 needs sub-steps").isGreaterThan(1);
            batch.advance(phi, 3, bias, profile);
            batch.advance(phi, 4, bias, profile);
            for (int d = 0; d < DEVICES; d++) {
                assertThat(phi[d]).as("device %d", d).isEqualTo(alone[d]);
                assertThat(batch.stepCounter(d)).isEqualTo(7L * batch.substeps(d));
            }
        }
    }
}
