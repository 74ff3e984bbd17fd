package org.hafnia.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.CubicSplineEnergy;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.solver.kernels.AllenCahnKernel;
import org.hafnia.solver.kernels.LaplacianKernel;
import org.hafnia.solver.parallel.ParallelRows;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One fused Allen–Cahn step and one Laplacian on N² (2D) or N³ (3D) nodes, zero-flux faces,
 * with the tabulated (published rule) or the spline f', on the SIMD or the scalar rows. Throughput in Mcell/s is
 * cells / (time per operation). The table is a DFT-shaped double well on 21 nodes so that the
 * benchmark needs no reference data.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class AllenCahnKernelBenchmark {

    @Param({"2d-2048", "3d-256"})
    public String grid;

    @Param({"1", "2"})
    public int threads;

    @Param({"table", "spline"})
    public String energy;

    /** SIMD rows (Vector API) or the scalar reference rows. */
    @Param({"simd", "scalar"})
    public String kernel;

    private AllenCahnKernel step;
    private LaplacianKernel laplacian;
    private ParallelRows rows;
    private double[] phi;
    private double[] out;

    @Setup(Level.Trial)
    public void setUp() {
        int n = Integer.parseInt(grid.substring(3));
        FreeEnergyDensity f = energy.equals("table") ? new NearestNodeForwardSlopeEnergy(profile())
                : new CubicSplineEnergy(profile());
        if (grid.startsWith("2d")) {
            Grid2D g = Grid2D.unitSpacing(n, n);
            step = new AllenCahnKernel(g, BoundaryConditions2D.zeroFlux(), f, 1, 1, true);
            laplacian = new LaplacianKernel(g, BoundaryConditions2D.zeroFlux());
        } else {
            Grid3D g = Grid3D.unitSpacing(n, n, n);
            step = new AllenCahnKernel(g, BoundaryConditions3D.zeroFlux(), f, 1, 1, true);
            laplacian = new LaplacianKernel(g, BoundaryConditions3D.zeroFlux());
        }
        step.vectorised(kernel.equals("simd"));
        laplacian.vectorised(kernel.equals("simd"));
        rows = new ParallelRows(threads);
        phi = new double[step.size()];
        out = new double[step.size()];
        SplittableRandom random = new SplittableRandom(20230315L);
        for (int k = 0; k < phi.length; k++) {
            phi[k] = random.nextDouble();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        rows.close();
    }

    /** A DFT-shaped asymmetric double well tabulated on 21 nodes (eV). */
    private static EnergyProfile profile() {
        double[] p = new double[21];
        double[] e = new double[21];
        for (int k = 0; k <= 20; k++) {
            double x = k / 20.0;
            p[k] = x;
            e[k] = 1.6 * x * x * (1 - x) * (1 - x) - 0.17 * x * x * (3 - 2 * x);
        }
        return new EnergyProfile(p, e, "eV");
    }

    @Benchmark
    public double[] allenCahnStep() {
        step.step(phi, out, 0.05, 0.5, null, rows);
        return out;
    }

    @Benchmark
    public double[] laplacian() {
        laplacian.apply(phi, out, rows);
        return out;
    }
}
