package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.physics.api.TelegraphNoiseSource;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

/**
 * What a read of the device returns and what its segments drive: the Johnson–Nyquist noise of the
 * terminal conductance, the telegraph step of its trap source added at the read's voltage, the trap
 * source advanced over every segment at the segment's voltage and re-read with the map, the clock,
 * and a conductivity law other than the log-linear one evaluated wherever φ changed.
 */
class FilmDeviceReadTest {

    private static final Grid2D GRID = new Grid2D(8, 6, 0.5, 0.5, LengthUnit.NANOMETRE);
    private static final double THICKNESS = 5e-9;

    private static FilmDevice.Model model(ConductivityModel sigma, double readWidth) {
        return new FilmDevice.Model(GRID, THICKNESS, new DoubleWellEnergy(0.3, -0.0176, "eV"), 0.036, 31, 1e13, 1.2, 1, 2,
                0.3, sigma, new FilmHeat.Parameters(THICKNESS, 0.7, 2.8e6, 0, 0, 0, 300), 2000, -0.15, readWidth);
    }

    /** A channel of radius 1 nm at node (3, 3) with a 0.5 nm edge. */
    private static double[] channel() {
        double[] phi = new double[GRID.size()];
        for (int j = 0; j < GRID.ny(); j++) {
            for (int i = 0; i < GRID.nx(); i++) {
                phi[GRID.index(i, j)] = 0.5 * (1 - Math.tanh((Math.hypot(i - 3, j - 3) * 0.5 - 1) / 0.5));
            }
        }
        return phi;
    }

    /** A trap source that records what the device asks of it and adds a fixed step. */
    private static final class RecordingTraps implements TelegraphNoiseSource {
        final List<double[]> updates = new ArrayList<>();
        final List<double[]> advances = new ArrayList<>();
        final double step;

        RecordingTraps(double step) {
            this.step = step;
        }

        @Override
        public void update(Grid2D grid, double[] phi) {
            updates.add(phi.clone());
        }

        @Override
        public void advance(double seconds, double volts) {
            advances.add(new double[] {seconds, volts});
        }

        @Override
        public double conductanceChange(double volts) {
            return step * volts;
        }

        @Override
        public TelegraphNoiseSource copy() {
            RecordingTraps c = new RecordingTraps(step);
            c.updates.addAll(updates);
            c.advances.addAll(advances);
            return c;
        }
    }

    /**
     * Reads of a cold, quiet device scatter by the Johnson–Nyquist current noise √(4k_BT0 G Δf), Δf =
     * 1/(2 × width), around V·G. 4000 reads: the sample σ is within 4 × its standard error √(1/2N) =
     * 1.1 %, the mean within 4 σ/√N.
     */
    @Test
    void readsScatterByTheJohnsonNoiseOfTheTerminalConductance() {
        double width = 1e-6;
        FilmDevice d = new FilmDevice(model(new LogLinearConductivity(1e-2, 7e4), width), channel(), 3, null);
        double g = d.conductance();
        int n = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < n; r++) {
            double i = d.readCurrent(-0.15, width);
            sum += i;
            sumSq += i * i;
        }
        // Reads disturb the state by the same laws; over these 4 ms the small channel relaxes by ≈ 2e-6 of G,
        // far below the statistics' 1 %, so G is the same for every read.
        assertThat(d.conductance()).as("the reads barely move the state").isCloseTo(g, within(1e-4 * g));
        double mean = sum / n;
        double sigma = Math.sqrt((sumSq - n * mean * mean) / (n - 1));
        double johnson = Math.sqrt(4 * 1.380649e-23 * 300 * g / (2 * width));
        assertThat(sigma).isCloseTo(johnson, within(4 * Math.sqrt(0.5 / n) * johnson));
        assertThat(mean).isCloseTo(-0.15 * g, within(4 * johnson / Math.sqrt(n)));
        // read() is the current at V_read over V_read.
        FilmDevice same = new FilmDevice(model(new LogLinearConductivity(1e-2, 7e4), width), channel(), 3, null);
        FilmDevice twin = new FilmDevice(model(new LogLinearConductivity(1e-2, 7e4), width), channel(), 3, null);
        assertThat(same.read()).isEqualTo(twin.readCurrent(-0.15, width) / -0.15);
    }

    @Test
    void theTrapSourceIsReadAtTheReadVoltageAdvancedOverEverySegmentAndReReadWithTheMap() {
        RecordingTraps traps = new RecordingTraps(1e-6);
        FilmDevice withTraps = new FilmDevice(model(new LogLinearConductivity(1e-2, 7e4), 1e-6), channel(), 5, traps);
        FilmDevice without = new FilmDevice(model(new LogLinearConductivity(1e-2, 7e4), 1e-6), channel(), 5, null);
        assertThat(traps.updates).hasSize(1);
        assertThat(traps.updates.get(0)).containsExactly(channel());
        // The telegraph step adds V·ΔG(V) to the current; the Johnson term, ∝ √G, differs by ≈ ΔG/2G of itself.
        double dg = 1e-6 * -0.2;
        double withStep = withTraps.readCurrent(-0.2, 1e-6);
        double plain = without.readCurrent(-0.2, 1e-6);
        double johnson = Math.sqrt(4 * 1.380649e-23 * 300 * without.conductance() / 2e-6);
        assertThat(withStep - plain).isCloseTo(-0.2 * dg, within(10 * johnson * Math.abs(dg) / without.conductance()));
        assertThat(traps.updates).hasSize(2);
        withTraps.apply(0.3, 2e-9);
        withTraps.idle(1e-6);
        // Every segment's steps add up to its duration, each at the segment's voltage.
        double[] expected = {1e-6, 2e-9, 1e-6};
        double[] volts = {-0.2, 0.3, 0};
        int segment = 0;
        double covered = 0;
        for (double[] a : traps.advances) {
            assertThat(a[1]).isEqualTo(volts[segment]);
            covered += a[0];
            if (Math.abs(covered - expected[segment]) <= 1e-12 * expected[segment]) {
                segment++;
                covered = 0;
            }
        }
        assertThat(segment).as("segments covered").isEqualTo(3);
        assertThat(traps.updates).hasSize(4);
        assertThat(traps.updates.get(3)).containsExactly(withTraps.phi());
        assertThat(withTraps.time()).isCloseTo(1e-6 + 2e-9 + 1e-6, within(1e-20));
        // A copy carries a copy of its source: it reads the original's telegraph step (and its noise
        // stream), and driving it leaves the original's source alone.
        FilmDevice twin = withTraps.copy();
        assertThat(twin.readCurrent(-0.2, 1e-6)).isEqualTo(withTraps.readCurrent(-0.2, 1e-6));
        assertThat(traps.updates).as("the original's source, driven once more by the original").hasSize(5);
    }

    @Test
    void aSegmentOfNoDurationChangesNothingAndABadSegmentIsRefused() {
        FilmDevice d = new FilmDevice(model(new LogLinearConductivity(1e-2, 7e4), 1e-6), channel(), 5, null);
        d.apply(0.5, 0);
        assertThat(d.phi()).containsExactly(channel());
        assertThat(d.time()).isZero();
        assertThat(d.steps()).isZero();
        assertThatThrownBy(() -> d.apply(0.5, -1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.apply(Double.NaN, 1e-9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.apply(0.5, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.pulse(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.readCurrent(0, 1e-6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.readCurrent(-0.1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A law other than the log-linear one (here σ linear in φ, a function of the node alone) gives
     * G_f = Σ σ(φ) a²/t at the start and after a SET pulse has changed the map.
     */
    @Test
    void anyConductivityLawGivesTheColumnSumBeforeAndAfterTheMapChanges() {
        ConductivityModel linear = new ConductivityModel() {
            @Override
            public double conductivity(double phi) {
                return 1 + 5e4 * phi;
            }

            @Override
            public double offConductivity() {
                return 1;
            }

            @Override
            public double onConductivity() {
                return 5e4 + 1;
            }

            @Override
            public String name() {
                return "linear";
            }
        };
        FilmDevice d = new FilmDevice(model(linear, 1e-6), channel(), 5, null);
        assertThat(d.filmConductance()).isCloseTo(columnSum(linear, channel()), within(1e-12 * d.filmConductance()));
        d.apply(1.0, 5e-9);
        double[] after = d.phi();
        assertThat(after).isNotEqualTo(channel());
        assertThat(d.filmConductance()).isCloseTo(columnSum(linear, after), within(1e-12 * d.filmConductance()));
    }

    private static double columnSum(ConductivityModel law, double[] phi) {
        double g = 0;
        for (double v : phi) {
            g += law.conductivity(v) * 0.25e-18 / THICKNESS;
        }
        return g;
    }

    @Test
    void modelParametersOutsideTheirRangesAreRefusedByName() {
        FilmHeat.Parameters heat = new FilmHeat.Parameters(THICKNESS, 0.7, 2.8e6, 0, 0, 0, 300);
        LogLinearConductivity sigma = new LogLinearConductivity(1e-2, 7e4);
        DoubleWellEnergy f = new DoubleWellEnergy(0.3, -0.0176, "eV");
        // site volume, κ, ν0, Ea, b0, z, a, Rs, V_read, read width, heat thickness: one bad value each.
        double[][] bad = {
            {0, 31, 1e13, 1.2, 1, 2, 0.3, 2000, -0.15, 1e-6, THICKNESS},
            {0.036, -1, 1e13, 1.2, 1, 2, 0.3, 2000, -0.15, 1e-6, THICKNESS},
            {0.036, 31, 0, 1.2, 1, 2, 0.3, 2000, -0.15, 1e-6, THICKNESS},
            {0.036, 31, 1e13, 0, 1, 2, 0.3, 2000, -0.15, 1e-6, THICKNESS},
            {0.036, 31, 1e13, 1.2, 0, 2, 0.3, 2000, -0.15, 1e-6, THICKNESS},
            {0.036, 31, 1e13, 1.2, 1, 0, 0.3, 2000, -0.15, 1e-6, THICKNESS},
            {0.036, 31, 1e13, 1.2, 1, 2, 0, 2000, -0.15, 1e-6, THICKNESS},
            {0.036, 31, 1e13, 1.2, 1, 2, 0.3, -1, -0.15, 1e-6, THICKNESS},
            {0.036, 31, 1e13, 1.2, 1, 2, 0.3, 2000, 0, 1e-6, THICKNESS},
            {0.036, 31, 1e13, 1.2, 1, 2, 0.3, 2000, -0.15, 0, THICKNESS},
            {0.036, 31, 1e13, 1.2, 1, 2, 0.3, 2000, -0.15, 1e-6, 1.001 * THICKNESS},
        };
        String[] names = {"site volume", "κ", "attempt frequency", "activation energy", "drive scale", "ion charge",
            "hop distance", "series resistance", "read voltage", "read width", "heat model thickness"};
        for (int b = 0; b < bad.length; b++) {
            double[] v = bad[b];
            FilmHeat.Parameters h = new FilmHeat.Parameters(v[10], 0.7, 2.8e6, 0, 0, 0, 300);
            assertThatThrownBy(() -> new FilmDevice.Model(GRID, THICKNESS, f, v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                    sigma, h, v[7], v[8], v[9]))
                    .as(names[b]).isInstanceOf(InvalidInputException.class).hasMessageContaining(names[b]);
        }
        // The edges that are allowed: κ = 0 (no gradient energy), no series resistance.
        assertThat(new FilmDevice.Model(GRID, THICKNESS, f, 0.036, 0, 1e13, 1.2, 1, 2, 0.3, sigma, heat, 0, -0.15, 1e-6))
                .isNotNull();
        assertThatThrownBy(() -> new FilmDevice.Model(new Grid2D(8, 6, 0.5, 0.5, LengthUnit.MICROMETRE), THICKNESS, f, 0.036,
                31, 1e13, 1.2, 1, 2, 0.3, sigma, heat, 0, -0.15, 1e-6)).hasMessageContaining("the device grid is in nm");
    }
}
