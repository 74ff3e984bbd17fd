package org.hafnia.solver.integrators;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.operators.StencilMatrix;
import org.hafnia.solver.api.OneStepMethod;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.solver.linear.ConjugateGradient;
import org.hafnia.solver.linear.IncompleteCholesky;
import org.hafnia.solver.linear.SolveReport;

/**
 * Linearly stabilised semi-implicit Euler for the 2D Allen–Cahn equation (Shen & Yang,
 * Discrete Contin. Dyn. Syst. A 28, 1669 (2010)): the Laplacian is implicit, the reaction
 * explicit with a stabilising term S (φⁿ⁺¹ − φⁿ),
 * (φⁿ⁺¹ − φⁿ)/Δt = L_p (−f'(φⁿ) − S (φⁿ⁺¹ − φⁿ) + κ ∇²_h φⁿ⁺¹ − b_p),
 * then clipped to [0, 1] when the model clips. For S ≥ max|f''|/2 the scheme decreases the
 * discrete Ginzburg–Landau energy for every Δt (unconditional energy stability), so Δt is
 * limited only by accuracy; a smaller S is refused. First order in time, second in space.
 *
 * <p>Each step solves the symmetric positive-definite system
 * (1/(L_p Δt) + S) φⁿ⁺¹ − κ ∇²_h φⁿ⁺¹ = φⁿ/(L_p Δt) + S φⁿ − f'(φⁿ) − b_p
 * with the 5-point Laplacian (zero-flux or Dirichlet faces) by CG with IC(0), to a relative
 * residual of {@value #CG_TOLERANCE}, far below the O(Δt) truncation error. A per-node mobility
 * (Arrhenius L(T)) is supported; Langevin noise is offered by the explicit
 * {@link ForwardEulerAllenCahn2D}, whose small steps resolve it.
 */
public final class SemiImplicitAllenCahn2D implements PhaseFieldStepper {

    /** Relative CG residual per step. */
    public static final double CG_TOLERANCE = 1e-10;
    private static final int CG_MAX_ITERATIONS = 10_000;

    private final AllenCahnModel2D model;
    private final double dt;
    private final double stabilisation;
    private final StencilMatrix matrix;
    private final double[] laplacianDiagonal;
    private final double[] boundaryRhs;
    private final double[] rhs;
    private final double[] next;
    private double[] mobilityField;
    private double factoredStep = Double.NaN;
    private ConjugateGradient cg;
    private SolveReport lastSolve;
    private long totalIterations;

    /**
     * @param model         the model (periodic axes are not supported: the implicit solve uses IC(0))
     * @param dt            Δt (> 0), not bound by the explicit limit
     * @param stabilisation S, at least max|f''|/2; NaN selects max|f''|/2
     */
    public SemiImplicitAllenCahn2D(AllenCahnModel2D model, double dt, double stabilisation) {
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new InvalidInputException("time step Δt must be positive and finite, got " + dt);
        }
        double s = Stabilisation.resolve(model.energy(), stabilisation);
        if (model.bc().x().isPeriodic() || model.bc().y().isPeriodic()) {
            throw new InvalidInputException("the semi-implicit Allen–Cahn solver supports zero-flux and Dirichlet boundaries, not periodic ones");
        }
        this.model = model;
        this.dt = dt;
        this.stabilisation = s;
        Grid2D g = model.grid();
        Grid3D g3 = new Grid3D(g.nx(), g.ny(), 1, g.dx(), g.dy(), 1, g.unit());
        this.matrix = StencilMatrix.zeros(g3);
        int n = g.size();
        this.laplacianDiagonal = new double[n];
        this.boundaryRhs = new double[n];
        this.rhs = new double[n];
        this.next = new double[n];
        assembleLaplacian(g);
    }

    /** −κ∇²_h as couplings κ/h², its diagonal, and the Dirichlet part of the right-hand side. */
    private void assembleLaplacian(Grid2D g) {
        int nx = g.nx();
        int ny = g.ny();
        double kx = model.kappa() / (g.dx() * g.dx());
        double ky = model.kappa() / (g.dy() * g.dy());
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int p = j * nx + i;
                if (i + 1 < nx) {
                    matrix.cx()[p] = kx;
                    laplacianDiagonal[p] += kx;
                    laplacianDiagonal[p + 1] += kx;
                }
                if (j + 1 < ny) {
                    matrix.cy()[p] = ky;
                    laplacianDiagonal[p] += ky;
                    laplacianDiagonal[p + nx] += ky;
                }
                face(model.bc().x(), i == 0, i == nx - 1, kx, p);
                face(model.bc().y(), j == 0, j == ny - 1, ky, p);
            }
        }
    }

    /** Dirichlet face: ghost = 2v − φ adds 2k to the diagonal and 2k v to the right-hand side. */
    private void face(AxisBoundary axis, boolean low, boolean high, double k, int p) {
        for (BoundaryCondition c : new BoundaryCondition[] {low ? axis.low() : null, high ? axis.high() : null}) {
            if (c instanceof BoundaryCondition.Dirichlet d) {
                laplacianDiagonal[p] += 2 * k;
                boundaryRhs[p] += 2 * k * d.value();
            }
        }
    }

    /** Sets a per-node mobility L_p (null: the model's L); read, not copied. */
    public void mobilityField(double[] mobility) {
        if (mobility != null && mobility.length != next.length) {
            throw new IllegalArgumentException("mobility field has " + mobility.length + " values, grid has " + next.length);
        }
        this.mobilityField = mobility;
        this.factoredStep = Double.NaN;
    }

    public double stabilisation() {
        return stabilisation;
    }

    /** CG report of the last implicit solve. */
    public SolveReport lastSolve() {
        return lastSolve;
    }

    /** CG iterations over all steps so far. */
    public long totalIterations() {
        return totalIterations;
    }

    @Override
    public int size() {
        return next.length;
    }

    @Override
    public double timeStep() {
        return dt;
    }

    @Override
    public void advance(double[] phi, int steps, double bias, double[] profile) {
        check(phi, profile);
        for (int n = 0; n < steps; n++) {
            step(phi, next, dt, bias, profile);
            System.arraycopy(next, 0, phi, 0, phi.length);
        }
    }

    private void check(double[] phi, double[] profile) {
        if (phi.length != next.length) {
            throw new IllegalArgumentException("field has " + phi.length + " values, grid has " + next.length);
        }
        if (profile != null && profile.length != next.length) {
            throw new IllegalArgumentException("bias profile has " + profile.length + " values, grid has " + next.length);
        }
    }

    private void factor(double h) {
        if (h == factoredStep) {
            return;
        }
        double[] d = matrix.diagonal();
        double uniform = model.mobility();
        for (int p = 0; p < d.length; p++) {
            double l = mobilityField == null ? uniform : mobilityField[p];
            d[p] = laplacianDiagonal[p] + 1 / (l * h) + stabilisation;
        }
        cg = new ConjugateGradient(matrix, new IncompleteCholesky(matrix), CG_TOLERANCE, CG_MAX_ITERATIONS);
        factoredStep = h;
    }

    private void step(double[] in, double[] out, double h, double bias, double[] profile) {
        factor(h);
        double uniform = model.mobility();
        var energy = model.energy();
        for (int p = 0; p < in.length; p++) {
            double l = mobilityField == null ? uniform : mobilityField[p];
            double b = profile == null ? bias : bias * profile[p];
            double c = in[p];
            rhs[p] = c / (l * h) + stabilisation * c - energy.derivative(c) - b + boundaryRhs[p];
        }
        System.arraycopy(in, 0, out, 0, in.length);
        lastSolve = cg.solve(rhs, out);
        totalIterations += lastSolve.iterations();
        if (!lastSolve.converged()) {
            throw new IllegalStateException("semi-implicit Allen–Cahn: CG did not converge: " + lastSolve);
        }
        if (model.clip()) {
            for (int p = 0; p < out.length; p++) {
                double v = out[p];
                out[p] = v < 0 ? 0 : (v > 1 ? 1 : v);
            }
        }
    }

    /** This integrator as an unconditionally stable {@link OneStepMethod} at a fixed bias, for adaptive Δt. */
    public OneStepMethod asOneStep(double bias, double[] profile) {
        return OneStepMethod.firstOrder(next.length, () -> Double.POSITIVE_INFINITY, (in, out, h) -> {
            check(in, profile);
            step(in, out, h, bias, profile);
        });
    }
}
