package org.hafnia.solver.device;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.operators.FiniteVolumeDiffusion;
import org.hafnia.solver.linear.SolveReport;
import org.hafnia.solver.linear.StencilPreconditioner;

/**
 * Device current and conductance at a read voltage: solves ∇·(σ∇V) = 0 in a
 * {@link ConductingFilm} (bottom electrode 0 V, top electrode V_read, insulating sides) by
 * conjugate gradients with IC(0) or multigrid preconditioning (warm-started from a given potential), then I = current through the electrodes and
 * G = I / V_read (physics.md §1.3). Each call solves on its own arrays; repeated reads of one device
 * allocate nothing on a {@link PulseSolves}, which these calls run on. It lives in the solver module because it needs the linear
 * solver; the operator comes from physics.
 *
 * @param tolerance      relative residual of the CG solve; the discrete current is then exact to
 *                       about the same relative error
 * @param maxIterations  CG iteration cap
 * @param preconditioner the preconditioner of CG (IC(0) unless chosen)
 */
public record DeviceConductance(double tolerance, int maxIterations, StencilPreconditioner preconditioner) {

    /** Residual 1e-10: G to ≈ 10 significant digits, far below any model uncertainty. */
    public static final DeviceConductance DEFAULT = new DeviceConductance(1e-10, 10_000);

    public DeviceConductance {
        if (!(tolerance > 0 && tolerance < 1) || maxIterations < 1) {
            throw new InvalidInputException("conductance solver: tolerance must be in (0, 1) and iterations ≥ 1, got "
                    + tolerance + ", " + maxIterations);
        }
        if (preconditioner == null) {
            throw new IllegalArgumentException("conductance solver: a preconditioner is needed");
        }
    }

    /** CG with IC(0). */
    public DeviceConductance(double tolerance, int maxIterations) {
        this(tolerance, maxIterations, StencilPreconditioner.IC0);
    }

    /**
     * The result of one read.
     *
     * @param voltage           V_read, V
     * @param current           I, A: mean of the currents through the two electrodes
     * @param conductance       G = I / V_read, S
     * @param currentImbalance  |I_top − I_bottom| / |I|: discrete charge conservation, ≈ solver residual
     * @param potential         V per cell, volts (the film grid's order)
     * @param operator          the discrete operator (for fields, Joule heat)
     * @param solve             CG iterations and residual reached
     */
    public record Read(double voltage, double current, double conductance, double currentImbalance,
                       double[] potential, FiniteVolumeDiffusion operator, SolveReport solve) {

        /** G in units of the conductance quantum G0 = 2e²/h. */
        public double conductanceQuanta() {
            return conductance / PhysicalConstants.CONDUCTANCE_QUANTUM_S;
        }
    }

    /** Reads the film at {@code voltage} (≠ 0) from a zero initial potential. */
    public Read read(ConductingFilm film, double voltage) {
        return read(film, voltage, null);
    }

    /**
     * Reads the film at {@code voltage}, starting CG from {@code initialGuess} (e.g. the previous
     * read's potential; not modified) or from zero when null.
     */
    public Read read(ConductingFilm film, double voltage, double[] initialGuess) {
        return new PulseSolves(this, JouleHeating.DEFAULT).read(film, voltage, initialGuess);
    }
}
