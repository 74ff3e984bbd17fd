package org.hafnia.solver.device;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.operators.FiniteVolumeDiffusion;
import org.hafnia.solver.linear.SolveReport;
import org.hafnia.solver.linear.StencilPreconditioner;

/**
 * Steady Joule heating of a film, ∇·(k_th ∇T) + σ|∇V|² = 0 (physics.md §1.3), with both
 * electrodes held at the ambient temperature T0 (good heat sinks, §6) and adiabatic side walls.
 * The source of each cell is the discrete dissipation of the conduction solution
 * ({@link FiniteVolumeDiffusion#dissipation}), so Σ sources = I·V exactly and, at convergence,
 * the heat leaving through the electrodes equals the electrical power. Solved by CG with multigrid
 * ({@link #DEFAULT}) or IC(0), from the ambient temperature or a warm start. Each call solves on its own arrays;
 * repeated solves of one device allocate nothing on a {@link PulseSolves}, which these calls run on.
 *
 * @param tolerance      relative residual of the CG solve
 * @param maxIterations  CG iteration cap
 * @param preconditioner the preconditioner of CG (IC(0) unless chosen)
 */
public record JouleHeating(double tolerance, int maxIterations, StencilPreconditioner preconditioner) {

    /**
     * Residual 1e-10, multigrid: on the run deck's films (32² and 48² plan view of one layer, 40² × 10)
     * the multigrid heat solve took 0.81–0.95 of IC(0)'s CPU time, on 64² × 8 0.97–0.99, on 32² × 8
     * 1.10–1.14 (two runs, one thread, loaded machine; docs/kernels.md).
     */
    public static final JouleHeating DEFAULT = new JouleHeating(1e-10, 10_000, StencilPreconditioner.MULTIGRID);

    public JouleHeating {
        if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1) {
            throw new InvalidInputException("heat solver: tolerance must be in (0, 1) and iterations ≥ 1, got "
                    + tolerance + ", " + maxIterations);
        }
        if (preconditioner == null) {
            throw new IllegalArgumentException("heat solver: a preconditioner is needed");
        }
    }

    /** CG with IC(0). */
    public JouleHeating(double tolerance, int maxIterations) {
        this(tolerance, maxIterations, StencilPreconditioner.IC0);
    }

    /**
     * A steady temperature field.
     *
     * @param temperature  T per cell, K
     * @param power        total Joule power Σ σ|∇V|² dV, W
     * @param heatOut      heat flowing into the two electrodes, W (= power at convergence)
     * @param solve        CG iterations and residual
     */
    public record Temperature(double[] temperature, double power, double heatOut, SolveReport solve) {

        public double max() {
            double m = Double.NEGATIVE_INFINITY;
            for (double t : temperature) {
                m = Math.max(m, t);
            }
            return m;
        }
    }

    /**
     * @param film                the film
     * @param read                its conduction solution
     * @param thermalConductivity k_th per cell, W/(m K) (> 0)
     * @param ambient             electrode temperature T0, K
     */
    public Temperature solve(ConductingFilm film, DeviceConductance.Read read, double[] thermalConductivity,
                             double ambient) {
        return solve(film, read, thermalConductivity, ambient, null);
    }

    /**
     * As {@link #solve(ConductingFilm, DeviceConductance.Read, double[], double)}, with CG started
     * from {@code initialGuess} (e.g. the previous pulse's temperature; not modified), or from the
     * ambient temperature when null: a warm start.
     */
    public Temperature solve(ConductingFilm film, DeviceConductance.Read read, double[] thermalConductivity,
                             double ambient, double[] initialGuess) {
        return new PulseSolves(DeviceConductance.DEFAULT, this).heat(film, read, thermalConductivity, ambient,
                initialGuess);
    }

    /** As {@link #solve(ConductingFilm, DeviceConductance.Read, double[], double)} with a uniform k_th. */
    public Temperature solve(ConductingFilm film, DeviceConductance.Read read, double thermalConductivity,
                             double ambient) {
        double[] k = new double[film.grid().size()];
        java.util.Arrays.fill(k, thermalConductivity);
        return solve(film, read, k, ambient);
    }
}
