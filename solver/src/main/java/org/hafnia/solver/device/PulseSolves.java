package org.hafnia.solver.device;

import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryCondition;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.operators.FiniteVolumeDiffusion;
import org.hafnia.solver.linear.ConjugateGradient;
import org.hafnia.solver.linear.Preconditioner;
import org.hafnia.solver.linear.SolveReport;

/**
 * The conduction and steady-heat solves of one device's reads and pulses (the {@link DeviceConductance}
 * read and the {@link JouleHeating} solve, which run on this), kept for the next ones: the
 * operators are re-assembled in place ({@link FiniteVolumeDiffusion#reassemble}), the
 * preconditioners refactored in place, the CG work arrays and the right-hand sides, potential,
 * source and temperature arrays made once per grid. So after the first solve on a grid no array is
 * allocated per solve (a few small records are: the boundary conditions, the report, the result),
 * and every solve gives the bits of a fresh one from the same starting guess.
 *
 * <p>The arrays of a returned {@link DeviceConductance.Read} or {@link JouleHeating.Temperature}
 * are this object's: valid until its next read or heat solve (pass {@code read.potential()} as the
 * next read's guess to warm-start it). Not thread-safe; one per device or per thread.
 */
public final class PulseSolves {

    private final DeviceConductance conduction;
    private final JouleHeating heating;
    private Grid3D grid;
    private FiniteVolumeDiffusion electric;
    private Preconditioner electricM;
    private ConjugateGradient electricCg;
    private double[] electricB;
    private double[] potential;
    private FiniteVolumeDiffusion thermal;
    private Preconditioner thermalM;
    private ConjugateGradient thermalCg;
    private double[] thermalB;
    private double[] source;
    private double[] temperature;

    /** @param conduction the conduction solver's settings; {@code heating} those of the heat solve */
    public PulseSolves(DeviceConductance conduction, JouleHeating heating) {
        this.conduction = conduction;
        this.heating = heating;
    }

    /** The film's grid: a new grid drops the operators (their arrays are made again by the next solve of each). */
    private void on(Grid3D g) {
        if (!g.equals(grid)) {
            grid = g;
            electric = null;
            thermal = null;
        }
    }

    /**
     * Reads the film at {@code voltage} (≠ 0), CG started from {@code initialGuess} (not modified;
     * it may be the previous read's potential) or from zero when null.
     */
    public DeviceConductance.Read read(ConductingFilm film, double voltage, double[] initialGuess) {
        if (voltage == 0 || !Double.isFinite(voltage)) {
            throw new InvalidInputException("read voltage must be finite and non-zero, got " + voltage);
        }
        on(film.grid());
        if (initialGuess != null && initialGuess.length != grid.size()) {
            throw new IllegalArgumentException("initial potential has " + initialGuess.length + " values, film has "
                    + grid.size());
        }
        if (electric == null) {
            electricB = new double[grid.size()];
            potential = new double[grid.size()];
            electric = film.operator(voltage);
            electricM = conduction.preconditioner().of(electric.matrix());
            electricCg = new ConjugateGradient(electric.matrix(), electricM, conduction.tolerance(),
                    conduction.maxIterations());
        } else {
            electric.reassemble(ConductingFilm.electrodes(voltage), film.conductivity());
            electricM.refactor();
        }
        electric.boundaryRightHandSide(electricB);
        if (initialGuess == null) {
            java.util.Arrays.fill(potential, 0);
        } else if (initialGuess != potential) {
            System.arraycopy(initialGuess, 0, potential, 0, potential.length);
        }
        SolveReport report = electricCg.solve(electricB, potential);
        double in = -electric.faceFlux(potential, FiniteVolumeDiffusion.Face.Z_HIGH);
        double out = electric.faceFlux(potential, FiniteVolumeDiffusion.Face.Z_LOW);
        double current = 0.5 * (in + out);
        return new DeviceConductance.Read(voltage, current, current / voltage, Math.abs(in - out) / Math.abs(current),
                potential, electric, report);
    }

    /**
     * The steady Joule temperature of the film under {@code read} (its conduction solution), with
     * k_th per cell and the electrodes at {@code ambient}; CG from {@code initialGuess} (not
     * modified; it may be the previous temperature) or from the ambient temperature when null.
     */
    public JouleHeating.Temperature heat(ConductingFilm film, DeviceConductance.Read read, double[] thermalConductivity,
                                         double ambient, double[] initialGuess) {
        if (!(ambient > 0) || !Double.isFinite(ambient)) {
            throw new InvalidInputException("electrode temperature must be positive (K), got " + ambient);
        }
        on(film.grid());
        if (initialGuess != null && initialGuess.length != grid.size()) {
            throw new IllegalArgumentException("initial temperature has " + initialGuess.length + " values, film has "
                    + grid.size());
        }
        BoundaryConditions3D bc = new BoundaryConditions3D(AxisBoundary.zeroFlux(), AxisBoundary.zeroFlux(),
                AxisBoundary.of(BoundaryCondition.dirichlet(ambient)));
        if (thermal == null) {
            thermalB = new double[grid.size()];
            source = new double[grid.size()];
            temperature = new double[grid.size()];
            thermal = new FiniteVolumeDiffusion(film.grid(), bc, thermalConductivity);
            thermalM = heating.preconditioner().of(thermal.matrix());
            thermalCg = new ConjugateGradient(thermal.matrix(), thermalM, heating.tolerance(), heating.maxIterations());
        } else {
            thermal.reassemble(bc, thermalConductivity);
            thermalM.refactor();
        }
        read.operator().dissipation(read.potential(), source);
        thermal.boundaryRightHandSide(thermalB);
        double power = 0;
        for (int p = 0; p < thermalB.length; p++) {
            thermalB[p] += source[p];
            power += source[p];
        }
        if (initialGuess == null) {
            java.util.Arrays.fill(temperature, ambient);
        } else if (initialGuess != temperature) {
            System.arraycopy(initialGuess, 0, temperature, 0, temperature.length);
        }
        SolveReport report = thermalCg.solve(thermalB, temperature);
        double out = thermal.faceFlux(temperature, FiniteVolumeDiffusion.Face.Z_LOW)
                + thermal.faceFlux(temperature, FiniteVolumeDiffusion.Face.Z_HIGH);
        return new JouleHeating.Temperature(temperature, power, out, report);
    }
}
