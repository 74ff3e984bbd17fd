package org.hafnia.experiments.fig4;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.io.NumericMatrix;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.energy.CubicSplineEnergy;
import org.hafnia.physics.energy.EnergyProfile;
import org.hafnia.physics.energy.NearestNodeForwardSlopeEnergy;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.ForwardEulerAllenCahn2D;
import org.hafnia.solver.integrators.StepControl;
import org.hafnia.solver.protocol.ProtocolListener;
import org.hafnia.solver.protocol.ProtocolRunner;
import org.hafnia.solver.protocol.PulseProtocol;

/**
 * The published phase-field denoising run (Rao et al., Nature 615, 823 (2023), Fig. 4;
 * physics.md §1.2): Allen–Cahn with the DFT energy profile on the 58 × 51 map, zero-flux
 * boundaries, explicit Euler with clipping; relaxation, then two bias pulses.
 */
public final class Fig4Experiment {

    /** Snapshot names, in protocol order. */
    public static final String[] PANELS = {"initial", "relaxed", "pulse1", "pulse2"};

    private final EnergyProfile profile;
    private final Fig4Parameters parameters;
    private final int threads;
    private final StepControl control;

    /**
     * @param control what to do with a Δt beyond the explicit stability limit (the published
     *                run is inside it; {@link StepControl#REFUSE} unless sub-stepping is asked for)
     */
    public Fig4Experiment(EnergyProfile profile, Fig4Parameters parameters, int threads, StepControl control) {
        this.profile = profile;
        this.parameters = parameters;
        this.threads = threads;
        this.control = control;
    }

    public Fig4Experiment(EnergyProfile profile, Fig4Parameters parameters, int threads) {
        this(profile, parameters, threads, StepControl.REFUSE);
    }

    /** The energy table (φ, eV) as an {@link EnergyProfile}. */
    public static EnergyProfile profileOf(NumericMatrix table) {
        double[] phi = new double[table.rows()];
        double[] e = new double[table.rows()];
        for (int r = 0; r < table.rows(); r++) {
            phi[r] = table.get(r, 0);
            e[r] = table.get(r, 1);
        }
        try {
            return new EnergyProfile(phi, e, "eV");
        } catch (InvalidInputException ex) {
            throw new InvalidInputException(table.source() + ": " + ex.getMessage(), ex);
        }
    }

    public FreeEnergyDensity energy() {
        return energy(parameters.energy(), profile);
    }

    /** The energy variant {@code published} (nearest-node forward slope) or {@code spline} of the table. */
    public static FreeEnergyDensity energy(String variant, EnergyProfile profile) {
        return switch (variant) {
            case "published" -> new NearestNodeForwardSlopeEnergy(profile);
            case "spline" -> new CubicSplineEnergy(profile);
            default -> throw new InvalidInputException("unknown energy variant '" + variant
                    + "': expected 'published' or 'spline'");
        };
    }

    /** The model on the published grid scaling for a map of {@code nx × ny} nodes. */
    public AllenCahnModel2D model(int nx, int ny) {
        Grid2D grid = AllenCahnModel2D.publishedGrid(nx, ny);
        return new AllenCahnModel2D(grid, BoundaryConditions2D.zeroFlux(), energy(),
                parameters.gradientCoefficient(), parameters.mobility(), true);
    }

    public PulseProtocol protocol() {
        return PulseProtocol.fig4(parameters.relaxSteps(), parameters.pulseSteps(), parameters.pulseBias(),
                parameters.restSteps());
    }

    /**
     * Runs the protocol from {@code initial} (values in [0, 1]).
     *
     * @return the four panels by name, each on the initial map's grid
     */
    public Map<String, ScalarField2D> run(ScalarField2D initial, ProtocolListener listener) {
        int nx = initial.grid().nx();
        int ny = initial.grid().ny();
        AllenCahnModel2D model = model(nx, ny);
        double[] phi = initial.values().clone();
        Map<String, ScalarField2D> panels = new LinkedHashMap<>();
        try (ForwardEulerAllenCahn2D stepper = new ForwardEulerAllenCahn2D(model, parameters.timeStep(),
                control, threads)) {
            new ProtocolRunner(stepper).run(protocol(), phi, listener)
                    .forEach((name, v) -> panels.put(name, new ScalarField2D(initial.grid(), v)));
        }
        return panels;
    }

    public Fig4Parameters parameters() {
        return parameters;
    }
}
