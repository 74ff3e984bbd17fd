package org.hafnia.solver.device;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.kinetics.FieldDrivenBias;
import org.hafnia.physics.materials.ArrheniusMobility;
import org.hafnia.physics.materials.HafniaMaterial;

/**
 * Couples a plan-view phase field φ(x, y) to its device (physics.md §1.3): the map is
 * {@linkplain ConductingFilm#extruded extruded} through the film, ∇·(σ∇V) = 0 gives I and G,
 * steady Joule heating gives T, and per plan-view node this returns the bias profile
 * (|E|/E_ref or |J|/J_ref, averaged over the thickness) and the Arrhenius mobility L(T̄) at
 * the column-mean temperature, ready for a stepper's {@code profile} and
 * {@code mobilityField}. The previous potential warm-starts the next read.
 */
public final class PlanViewCoupling {

    private final Grid2D grid;
    private final double thickness;
    private final int layers;
    private final ConductivityModel conductivity;
    private final HafniaMaterial material;
    private final ArrheniusMobility mobility;
    private final FieldDrivenBias.Driver driver;
    private final double reference;
    private final boolean heating;
    private double[] lastPotential;
    /** The solves, kept across evaluations: no arrays allocated per solve after the first. */
    private final PulseSolves solves = new PulseSolves(DeviceConductance.DEFAULT, JouleHeating.DEFAULT);
    private double[] thermalConductivity;

    /**
     * The state of the device for one field and voltage.
     *
     * @param read              current, conductance, potential, solver report
     * @param heat              steady temperature (null when heating is off)
     * @param columnTemperature T averaged over each column, K (ambient when heating is off)
     * @param biasProfile       per-node bias factor
     * @param mobility          per-node L(T̄) (null when no Arrhenius law is given)
     *
     * <p>The arrays of {@code read} and {@code heat} are the coupling's solve arrays: valid until its next evaluation.
     */
    public record State(DeviceConductance.Read read, JouleHeating.Temperature heat, double[] columnTemperature,
                        double[] biasProfile, double[] mobility) {
    }

    /**
     * @param grid         plan-view grid in a physical length unit
     * @param thickness    film thickness in the grid's unit
     * @param layers       layers through the thickness (≥ 1)
     * @param conductivity σ(φ)
     * @param material     thermal conductivity and electrode temperature
     * @param mobility     Arrhenius law, or null for no thermally activated mobility (and no heat solve)
     * @param driver       field- or current-driven bias
     * @param reference    E_ref (V/m) or J_ref (A/m²)
     */
    public PlanViewCoupling(Grid2D grid, double thickness, int layers, ConductivityModel conductivity,
                            HafniaMaterial material, ArrheniusMobility mobility, FieldDrivenBias.Driver driver,
                            double reference) {
        if (layers < 1) {
            throw new InvalidInputException("film layers must be ≥ 1, got " + layers);
        }
        this.grid = grid;
        this.thickness = thickness;
        this.layers = layers;
        this.conductivity = conductivity;
        this.material = material;
        this.mobility = mobility;
        this.driver = driver;
        this.reference = reference;
        this.heating = mobility != null;
    }

    /** Evaluates the device for field {@code phi} (plan-view, row-major) at {@code voltage}. */
    public State evaluate(double[] phi, double voltage) {
        ConductingFilm film = ConductingFilm.extruded(new ScalarField2D(grid, phi), conductivity, thickness, layers);
        DeviceConductance.Read read = solves.read(film, voltage, lastPotential);
        lastPotential = read.potential();
        double[] bias = film.columnMean(FieldDrivenBias.profile(read.operator(), read.potential(), film.conductivity(), driver, reference));
        JouleHeating.Temperature heat = null;
        double[] columnT = new double[grid.size()];
        java.util.Arrays.fill(columnT, material.ambientTemperature());
        double[] l = null;
        if (heating) {
            if (thermalConductivity == null) {
                thermalConductivity = new double[film.grid().size()];
                java.util.Arrays.fill(thermalConductivity, material.thermalConductivity());
            }
            heat = solves.heat(film, read, thermalConductivity, material.ambientTemperature(), null);
            columnT = film.columnMean(heat.temperature());
            l = new double[grid.size()];
            mobility.at(columnT, l);
        }
        return new State(read, heat, columnT, bias, l);
    }
}
