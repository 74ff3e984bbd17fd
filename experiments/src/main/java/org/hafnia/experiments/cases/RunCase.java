package org.hafnia.experiments.cases;

import java.nio.file.Path;

import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.solver.integrators.StepControl;
import org.hafnia.solver.protocol.BiasLaw;
import org.hafnia.solver.protocol.Schedule;
import org.hafnia.solver.protocol.VoltageProtocol;

/**
 * A 3D film run read from a case file by {@link CaseReader}: the reduced-unit reference of the
 * plan-view device (docs/device.md), every quantity in the units stated on its component. The
 * grid of the initial state is the simulation grid (lengths in nm): φ(x, y, z) evolves on all nz
 * layers, z running from the bottom electrode (z = 0) to the top one (z = nz · dz, the film
 * thickness). Plan-view cases are {@link DeviceRunCase}s of the one device model.
 *
 * @param name        case name (output file titles)
 * @param description free text
 * @param file        the case file
 * @param fingerprint SHA-256 of the case file's bytes; a checkpoint only resumes the same case
 * @param seed        seed of every random choice (initial-state generator, noise)
 * @param initial     initial φ on the simulation grid
 * @param bc          boundary conditions of the phase field (z: zero flux)
 * @param physics     phase-field and device physics
 * @param time        time stepping
 * @param protocol    the pulse protocol in volts and seconds
 * @param schedule    the protocol in model time steps
 * @param outputs     output and checkpoint intervals
 */
public record RunCase(String name, String description, Path file, String fingerprint, long seed,
                      ScalarField3D initial, BoundaryConditions3D bc, Physics physics, Timing time,
                      VoltageProtocol protocol, Schedule schedule, Outputs outputs) implements RunDeck {

    /**
     * @param energy      free-energy variant: published, spline or double-well
     * @param barrier     double-well barrier W (eV); NaN for the tabulated variants
     * @param asymmetry   double-well asymmetry ΔF (eV); NaN for the tabulated variants
     * @param kappa       gradient coefficient κ (eV nm²)
     * @param mobility    kinetic coefficient L (1 / (eV · model time unit))
     * @param clip        clip φ to [0, 1] after every step
     * @param drive       voltage → bias law (bias in eV)
     * @param conductance how G is read
     * @param profile     spatial profile of the bias from the film's field or current, or null for a uniform bias
     * @param noiseTemperature temperature of the Langevin noise (K), or NaN without noise
     */
    public record Physics(String energy, double barrier, double asymmetry, double kappa, double mobility,
                          boolean clip, BiasLaw drive, Conductance conductance, DriveProfile profile,
                          double noiseTemperature) {
    }

    /**
     * A bias b(x, y, t) = b(V(t)) · s(x, y), with s the film's |E| / (V/t) (field) or
     * |J| / (σ_on V/t) (current density) per cell at a unit read of the present state, recomputed
     * every {@code updateEvery} steps.
     *
     * @param driver      "field" or "current"
     * @param updateEvery steps between updates of s
     */
    public record DriveProfile(String driver, int updateEvery) {
    }

    /**
     * How G is read: σ(φ) of every cell of the 3D field between plane electrodes,
     * ∇·(σ(φ)∇V) = 0 solved by CG with IC(0) ({@code ConductingFilm}, {@code DeviceConductance}),
     * optionally with the steady Joule heating of the film at the read voltage.
     *
     * @param sigma     σ(φ) model (S/m)
     * @param thickness film thickness nz · dz (nm)
     * @param layers    layers through the thickness, nz
     * @param tolerance relative residual of the CG solve
     * @param heat      Joule heating at each read, or null
     */
    public record Conductance(ConductivityModel sigma, double thickness, int layers, double tolerance, Heat heat) {
    }

    /**
     * @param thermalConductivity k_th (W/(m K))
     * @param ambient             electrode temperature T0 (K)
     */
    public record Heat(double thermalConductivity, double ambient) {
    }

    /**
     * @param dt      model time step Δt (model time units)
     * @param tau0    time scale τ0: seconds per model time unit
     * @param control what to do when Δt breaks the explicit (forward Euler) limit
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
