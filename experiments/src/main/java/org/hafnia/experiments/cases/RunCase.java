package org.hafnia.experiments.cases;

import java.nio.file.Path;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.solver.integrators.StepControl;
import org.hafnia.solver.protocol.BiasLaw;
import org.hafnia.solver.protocol.Schedule;
import org.hafnia.solver.protocol.VoltageProtocol;

/**
 * A simulation read from a case file by {@link CaseReader}: every quantity in the units stated
 * on its component. The grid of the initial state is the simulation grid (lengths in nm).
 *
 * @param name        case name (output file titles)
 * @param description free text
 * @param file        the case file
 * @param fingerprint SHA-256 of the case file's bytes; a checkpoint only resumes the same case
 * @param seed        seed of every random choice (initial-state generator, noise)
 * @param initial     initial φ on the simulation grid
 * @param bc          boundary conditions of the phase field
 * @param physics     phase-field and device physics
 * @param time        time stepping
 * @param protocol    the pulse protocol in volts and seconds
 * @param schedule    the protocol in model time steps
 * @param outputs     output and checkpoint intervals
 */
public record RunCase(String name, String description, Path file, String fingerprint, long seed,
                      ScalarField2D initial, BoundaryConditions2D bc, Physics physics, Timing time,
                      VoltageProtocol protocol, Schedule schedule, Outputs outputs) {

    /**
     * @param energy      free-energy variant: published, spline or double-well
     * @param barrier     double-well barrier W (eV); NaN for the tabulated variants
     * @param asymmetry   double-well asymmetry ΔF (eV); NaN for the tabulated variants
     * @param kappa       gradient coefficient κ (eV nm²)
     * @param mobility    kinetic coefficient L (1 / (eV · model time unit))
     * @param clip        clip φ to [0, 1] after every step
     * @param drive       voltage → bias law (bias in eV)
     * @param conductance how G is read
     */
    public record Physics(String energy, double barrier, double asymmetry, double kappa, double mobility,
                          boolean clip, BiasLaw drive, Conductance conductance) {
    }

    /**
     * Device conductance: a film of thickness d between plane electrodes, each plan-view node a
     * vertical column of conductivity σ(φ) = σ_off^(1−φ) σ_on^φ (log-linear, physics.md §6).
     *
     * @param model     conductance model name
     * @param thickness film thickness d (m)
     * @param sigmaOn   σ of the conducting phase (S/m)
     * @param sigmaOff  σ of the insulating phase (S/m)
     */
    public record Conductance(String model, double thickness, double sigmaOn, double sigmaOff) {
    }

    /**
     * @param dt      model time step Δt (model time units)
     * @param tau0    time scale τ0: seconds per model time unit
     * @param control what to do when Δt breaks the explicit limit
     */
    public record Timing(double dt, double tau0, StepControl control) {
    }

    /**
     * Intervals in time steps.
     *
     * @param energyEvery     steps between rows of energy.tsv
     * @param checkpointEvery steps between checkpoints (a multiple of energyEvery)
     * @param snapshotEvery   steps between periodic snapshots; 0 = only the protocol's snapshot points
     * @param plots           write the PNG plots
     */
    public record Outputs(int energyEvery, int checkpointEvery, int snapshotEvery, boolean plots) {
    }
}
