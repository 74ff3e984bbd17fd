package org.hafnia.solver.kernels;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.CubicSplineEnergy;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;

/** Energies, boundary conditions and fields shared by the kernel tests. */
final class KernelFixtures {

    private KernelFixtures() {
    }

    /** An asymmetric double-well table on 21 nodes, shaped like the DFT profile (eV). */
    static EnergyProfile profile() {
        int n = 20;
        double[] phi = new double[n + 1];
        double[] e = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double x = (double) k / n;
            phi[k] = x;
            e[k] = 1.6 * x * x * (1 - x) * (1 - x) - 0.17 * x * x * (3 - 2 * x);
        }
        return new EnergyProfile(phi, e, "eV");
    }

    static Stream<FreeEnergyDensity> energies() {
        return Stream.of(new NearestNodeForwardSlopeEnergy(profile()), new CubicSplineEnergy(profile()));
    }

    static Stream<AxisBoundary> axes() {
        return Stream.of(AxisBoundary.zeroFlux(), AxisBoundary.periodic(),
                new AxisBoundary(BoundaryCondition.dirichlet(0.2), BoundaryCondition.zeroFlux()));
    }

    /** Values uniform in [−0.05, 1.05]: inside and just outside [0, 1], to exercise the clamps. */
    static double[] field(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[size];
        for (int k = 0; k < v.length; k++) {
            v[k] = -0.05 + 1.1 * random.nextDouble();
        }
        return v;
    }

    /** Largest |a − b|, with 0 = 0 for zeros of either sign. */
    static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }
}
