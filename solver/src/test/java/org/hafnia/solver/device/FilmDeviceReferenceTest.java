package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

/**
 * The 3D electrostatics solver is the verification reference of the plan-view device
 * (docs/device.md): for the device's extruded film its CG solve of ∇·(σ∇V) = 0 gives the device's
 * column sum G_f = Σ σ(φ) a²/t (exact for a film whose σ does not vary through its thickness: the
 * field is V/t everywhere and no current flows sideways).
 */
class FilmDeviceReferenceTest {

    @Test
    void theDevicesFilmConductanceIsThe3DSolveOfItsExtrudedFilm() {
        Grid2D grid = new Grid2D(24, 20, 0.5, 0.5, LengthUnit.NANOMETRE);
        double[] phi = new double[grid.size()];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                // A channel of radius 2.5 nm with a tanh edge of 0.5 nm, and a weaker island.
                double r = Math.hypot((i - 8) * 0.5, (j - 10) * 0.5);
                double island = 0.4 * Math.exp(-Math.pow(Math.hypot((i - 19) * 0.5, (j - 6) * 0.5) / 1.0, 2));
                phi[j * grid.nx() + i] = 0.5 * (1 - Math.tanh((r - 2.5) / 0.5)) + island;
            }
        }
        LogLinearConductivity sigma = new LogLinearConductivity(1e-2, 7e4);
        double t = 5e-9;
        FilmDevice.Model m = new FilmDevice.Model(grid, t, new DoubleWellEnergy(0.3, -0.0176, "eV"), 0.036, 31,
                1e13, 1.2, 1, 2, 0.3, sigma, new FilmHeat.Parameters(t, 0.7, 2.8e6, 0, 0, 0, 300), 2000, -0.15, 1e-6);
        FilmDevice d = new FilmDevice(m, phi, 1, null);
        for (int layers : new int[] {1, 4}) {
            ConductingFilm film = ConductingFilm.extruded(new ScalarField2D(grid, phi), sigma, 5, layers);
            double g3d = DeviceConductance.DEFAULT.read(film, -0.15).conductance();
            // Relative 1e-9: the CG solve stops at a relative residual of 1e-10 (DeviceConductance.DEFAULT).
            assertThat(g3d).as("%d layers", layers).isCloseTo(d.filmConductance(), within(1e-9 * g3d));
        }
        // The terminals see G_f in series with R_s.
        assertThat(d.conductance()).isCloseTo(1 / (1 / d.filmConductance() + 2000), within(1e-12 * d.conductance()));
    }
}
