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
import org.hafnia.solver.backend.JavaBackend;
import org.hafnia.solver.integrators.BatchedAllenCahn2D;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.AllenCahnModel3D;
import org.hafnia.solver.integrators.StepControl;
import org.hafnia.solver.kernels.VectorSupport;

/**
 * Throughput of the explicit Allen–Cahn step on a documented problem, so that runs compare
 * across backends, thread counts and machines:
 * <ul>
 *   <li>grid N × N ({@code allen-cahn-2d}), N × N × N ({@code allen-cahn-3d}) or D devices of
 *       N × N ({@code allen-cahn-batch}), unit spacing,
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
        ALLEN_CAHN_3D("allen-cahn-3d", 3),
        /** Many independent N × N devices ({@link BatchedAllenCahn2D}); cells counts one device. */
        ALLEN_CAHN_BATCH("allen-cahn-batch", 2);

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
            throw new InvalidInputException("unknown case '" + label + "': expected allen-cahn-2d, allen-cahn-3d, "
                    + "allen-cahn-batch or " + DevicePulseBenchmark.LABEL);
        }
    }

    /**
     * The outcome of one benchmark run.
     *
     * @param devices    devices of a batch (1 otherwise); Mcell/s counts the cells of all devices
     * @param vectorised whether the Java kernels ran their SIMD rows
     */
    public record Result(Case benchCase, String backend, int size, int threads, int steps, double mcellsPerSecond,
                         double checksum, int devices, boolean vectorised) {
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
        if (c == Case.ALLEN_CAHN_BATCH) {
            throw new IllegalArgumentException("the batch case runs through runBatch");
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
            return new Result(c, backend.name(), size, threads, steps, cells * (double) steps / seconds * 1e-6, sum, 1,
                    backend.name().equals(JavaBackend.NAME) && VectorSupport.available());
        }
    }

    /**
     * The batch case: {@code devices} independent N × N devices of the 2D problem on the Java
     * kernels ({@link BatchedAllenCahn2D}), device d starting from values d·N² … (d+1)·N² − 1 of
     * the seeded stream. Warms up, then times {@code steps} steps of every device.
     */
    public static Result runBatch(FreeEnergyDensity energy, int size, int devices, int steps, int threads) {
        if (size < 3) {
            throw new InvalidInputException("--size must be ≥ 3, got " + size);
        }
        if (devices < 1) {
            throw new InvalidInputException("--devices must be ≥ 1, got " + devices);
        }
        if (steps < 1) {
            throw new InvalidInputException("--steps must be ≥ 1, got " + steps);
        }
        if (threads < 1) {
            throw new InvalidInputException("--threads must be ≥ 1, got " + threads);
        }
        int cells = size * size;
        if ((long) cells * devices > Integer.MAX_VALUE - 8) {
            throw new InvalidInputException("--size " + size + " × --devices " + devices + " is more cells than one run holds");
        }
        AllenCahnModel2D m = new AllenCahnModel2D(Grid2D.unitSpacing(size, size), BoundaryConditions2D.zeroFlux(),
                energy, 1, 1, true);
        double[] stream = initialState(cells * devices);
        double[][] phi = new double[devices][cells];
        double[] bias = new double[devices];
        java.util.Arrays.fill(bias, BIAS);
        try (BatchedAllenCahn2D batch = new BatchedAllenCahn2D(m, devices, STABILITY_FRACTION / m.explicitRate(),
                StepControl.REFUSE, threads)) {
            load(stream, phi);
            batch.advance(phi, steps, bias, null);
            load(stream, phi);
            long t0 = System.nanoTime();
            batch.advance(phi, steps, bias, null);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double sum = 0;
            for (double[] device : phi) {
                for (double v : device) {
                    sum += v;
                }
            }
            return new Result(Case.ALLEN_CAHN_BATCH, JavaBackend.NAME, size, threads, steps,
                    (double) cells * devices * steps / seconds * 1e-6, sum, devices, batch.vectorised());
        }
    }

    private static void load(double[] stream, double[][] phi) {
        for (int d = 0; d < phi.length; d++) {
            System.arraycopy(stream, d * phi[d].length, phi[d], 0, phi[d].length);
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
