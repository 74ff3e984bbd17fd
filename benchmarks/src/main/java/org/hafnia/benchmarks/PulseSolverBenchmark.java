package org.hafnia.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.operators.FiniteVolumeDiffusion;
import org.hafnia.physics.operators.StencilMatrix;
import org.hafnia.solver.linear.ConjugateGradient;
import org.hafnia.solver.linear.StencilPreconditioner;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One conduction solve of a device film (electrodes on z, a filament of contrast 1e6), CG to a
 * relative residual of 1e-10 from zero, preconditioned by IC(0) or the aggregation multigrid;
 * the solver and preconditioner are made once, as for the pulses of one device.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PulseSolverBenchmark {

    @Param({"32x32x8", "64x64x8", "48x48x16"})
    public String film;

    @Param({"IC0", "MULTIGRID"})
    public String preconditioner;

    private ConjugateGradient cg;
    private double[] b;
    private double[] x;

    @Setup(Level.Trial)
    public void setUp() {
        String[] n = film.split("x");
        int nx = Integer.parseInt(n[0]);
        int ny = Integer.parseInt(n[1]);
        int nz = Integer.parseInt(n[2]);
        Grid3D g = new Grid3D(nx, ny, nz, 1, 1, 0.6, LengthUnit.NANOMETRE);
        double[] sigma = new double[g.size()];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    sigma[(k * ny + j) * nx + i] = Math.hypot(i - nx / 2.3, j - ny / 1.9) < 0.2 * nx + 0.1 * k ? 1e6 : 1;
                }
            }
        }
        FiniteVolumeDiffusion op = new FiniteVolumeDiffusion(g, new BoundaryConditions3D(AxisBoundary.zeroFlux(),
                AxisBoundary.zeroFlux(), new AxisBoundary(BoundaryCondition.dirichlet(0), BoundaryCondition.dirichlet(1))),
                sigma);
        StencilMatrix a = op.matrix();
        cg = new ConjugateGradient(a, StencilPreconditioner.valueOf(preconditioner).of(a), 1e-10, 10_000);
        b = op.boundaryRightHandSide();
        x = new double[b.length];
    }

    @Benchmark
    public double[] solve() {
        Arrays.fill(x, 0);
        cg.solve(b, x);
        return x;
    }
}
