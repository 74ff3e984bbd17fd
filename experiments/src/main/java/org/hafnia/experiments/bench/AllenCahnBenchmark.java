package org.hafnia.experiments.bench;

import java.util.SplittableRandom;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.backend.AllenCahnBackend;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.AllenCahnModel3D;
import org.hafnia.solver.integrators.StepControl;

/**
 * Throughput of the explicit Allen–Cahn step on a documented problem, so that runs compare
 * across backends, thread counts and machines:
 * <ul>
 *   <li>grid N × N ({@code allen-cahn-2d}) or N × N × N ({@code allen-cahn-3d}), unit spacing,
 *       zero-flux faces; κ = 1, L = 1, φ clipped to [0, 1], uniform bias b = {@value #BIAS};</li>
 *   <li>Δt = {@value #STABILITY_FRACTION} of the explicit stability limit;</li>
 *   <li>initial state φ₀[k] = the k-th {@code nextDouble()} (k in flat index order) of
 *       {@code new SplittableRandom(}{@value #SEED}{@code )}, i.e. SplitMix64 with that seed:
 *       uniform on [0, 1).</li>
 * </ul>
 * The run first warms up (the same number of steps on a copy), then times {@code steps} steps
 * from φ₀. The checksum Σφ after the timed run depends only on the problem, not on the backend
 * (to round-off) or the number of threads (exactly, for the Java backend).
 */
public final class AllenCahnBenchmark {

    /** Seed of the initial state. */
    public static final long SEED = 20230315L;
    /** Uniform bias b, in the energy unit of f. */
    public static final double BIAS = 0.5;
    /** Δt as a fraction of the stability limit. */
    public static final double STABILITY_FRACTION = 0.5;

    /** The benchmark problems. */
    public enum Case {
        ALLEN_CAHN_2D("allen-cahn-2d", 2),
        ALLEN_CAHN_3D("allen-cahn-3d", 3);

        private final String label;
        private final int dimensions;

        Case(String label, int dimensions) {
            this.label = label;
            this.dimensions = dimensions;
        }

        public String label() {
            return label;
        }

        /** Number of nodes of a grid of edge {@code size}. */
        public long cells(int size) {
            return dimensions == 2 ? (long) size * size : (long) size * size * size;
        }

        public static Case of(String label) {
            for (Case c : values()) {
                if (c.label.equals(label)) {
                    return c;
                }
            }
            throw new InvalidInputException("unknown case '" + label + "': expected allen-cahn-2d or allen-cahn-3d");
        }
    }

    /** The outcome of one benchmark run. */
    public record Result(Case benchCase, String backend, int size, int threads, int steps, double mcellsPerSecond,
                         double checksum) {
    }

    private AllenCahnBenchmark() {
    }

    /** The seeded initial state φ₀ of {@code cells} nodes. */
    public static double[] initialState(int cells) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] phi = new double[cells];
        for (int k = 0; k < cells; k++) {
            phi[k] = random.nextDouble();
        }
        return phi;
    }

    /** Warms up, then times {@code steps} steps of the case on {@code backend}. */
    public static Result run(Case c, AllenCahnBackend backend, FreeEnergyDensity energy, int size, int steps,
                             int threads) {
        if (size < 3) {
            throw new InvalidInputException("--size must be ≥ 3, got " + size);
        }
        if (steps < 1) {
            throw new InvalidInputException("--steps must be ≥ 1, got " + steps);
        }
        if (threads < 1) {
            throw new InvalidInputException("--threads must be ≥ 1, got " + threads);
        }
        long cells = c.cells(size);
        if (cells > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("--size " + size + " gives " + cells + " cells, more than one array holds");
        }
        try (PhaseFieldStepper stepper = stepper(c, backend, energy, size, threads)) {
            double[] phi0 = initialState((int) cells);
            double[] phi = phi0.clone();
            stepper.advance(phi, steps, BIAS, null);
            System.arraycopy(phi0, 0, phi, 0, phi.length);
            long t0 = System.nanoTime();
            stepper.advance(phi, steps, BIAS, null);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double sum = 0;
            for (double v : phi) {
                sum += v;
            }
            return new Result(c, backend.name(), size, threads, steps, cells * (double) steps / seconds * 1e-6, sum);
        }
    }

    private static PhaseFieldStepper stepper(Case c, AllenCahnBackend backend, FreeEnergyDensity energy, int size,
                                             int threads) {
        if (c == Case.ALLEN_CAHN_2D) {
            AllenCahnModel2D m = new AllenCahnModel2D(Grid2D.unitSpacing(size, size), BoundaryConditions2D.zeroFlux(),
                    energy, 1, 1, true);
            return backend.stepper(m, STABILITY_FRACTION / m.explicitRate(), StepControl.REFUSE, threads);
        }
        AllenCahnModel3D m = new AllenCahnModel3D(Grid3D.unitSpacing(size, size, size), BoundaryConditions3D.zeroFlux(),
                energy, 1, 1, true);
        return backend.stepper(m, STABILITY_FRACTION / m.explicitRate(), StepControl.REFUSE, threads);
    }
}
