package org.hafnia.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.BatchedAllenCahn2D;
import org.hafnia.solver.integrators.StepControl;
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
 * One step of a batch of independent N × N devices ({@link BatchedAllenCahn2D}), zero-flux faces,
 * tabulated f', on the SIMD or scalar rows. Throughput in Mcell/s is devices · N² / (time per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class BatchedAllenCahnBenchmark {

    @Param({"32", "64"})
    public int size;

    @Param({"4096"})
    public int devices;

    @Param({"1", "2"})
    public int threads;

    @Param({"simd", "scalar"})
    public String kernel;

    private BatchedAllenCahn2D batch;
    private double[][] phi;
    private double[] bias;

    @Setup(Level.Trial)
    public void setUp() {
        double[] p = new double[21];
        double[] e = new double[21];
        for (int k = 0; k <= 20; k++) {
            double x = k / 20.0;
            p[k] = x;
            e[k] = 1.6 * x * x * (1 - x) * (1 - x) - 0.17 * x * x * (3 - 2 * x);
        }
        AllenCahnModel2D m = new AllenCahnModel2D(Grid2D.unitSpacing(size, size), BoundaryConditions2D.zeroFlux(),
                new NearestNodeForwardSlopeEnergy(new EnergyProfile(p, e, "eV")), 1, 1, true);
        batch = new BatchedAllenCahn2D(m, devices, 0.5 / m.explicitRate(), StepControl.REFUSE, threads);
        batch.vectorised(kernel.equals("simd"));
        SplittableRandom random = new SplittableRandom(20230315L);
        phi = new double[devices][size * size];
        for (double[] d : phi) {
            for (int k = 0; k < d.length; k++) {
                d[k] = random.nextDouble();
            }
        }
        bias = new double[devices];
        Arrays.fill(bias, 0.5);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        batch.close();
    }

    @Benchmark
    public double[][] batchStep() {
        batch.advance(phi, 1, bias, null);
        return phi;
    }
}
