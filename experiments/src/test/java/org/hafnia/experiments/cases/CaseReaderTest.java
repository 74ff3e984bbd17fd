package org.hafnia.experiments.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.maps.MapFormats;
import org.hafnia.postprocess.maps.ScanMap;
import org.hafnia.solver.protocol.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class CaseReaderTest {

    /** Relative round-off of one unit conversion (a product of two doubles). */
    private static final double CONVERSION = 1e-15;

    /** A small valid 3D case (a 2 nm film); line numbers below refer to this layout. */
    static final String VALID = """
            {
              "seed": 3,
              "grid": { "nx": 24, "ny": 20, "nz": 4,
                "spacing": "0.5 nm" },
              "initial": { "type": "islands", "islands": 2, "island_radius": "1 nm",
                "channel": { "x": "3 nm", "y": "2.5 nm", "radius": "1 nm", "interface": "0.5 nm" } },
              "physics": {
                "energy": "double-well", "double_well": { "barrier": "1 eV" },
                "kappa": "0.25 eV nm^2",
                "drive": { "law": "ion-hopping", "b0": "1 eV", "v0": "0.1 V" },
                "conductance": { "sigma": { "on": "1e4 S/m", "off": "1 S/m" }, "thickness": "2 nm" }
              },
              "time": { "step": 0.0005, "tau0": "1 us" },
              "protocol": {
                "read": { "voltage": "0.1 V" },
                "steps": [
                  { "type": "gap", "duration": "30 ns" },
                  { "type": "pulse", "amplitude": "-0.3 V", "width": "2 ns", "rise": "1 ns", "fall": "0.5 ns" }
                ]
              }
            }
            """;

    @TempDir
    Path dir;

    /**
     * A small valid plan-view case: the device physics of hfo2-device (docs/device.md) and a
     * protocol with a ramped pulse sampled by /time/step.
     */
    static final String DEVICE = """
            {
              "seed": 3,
              "grid": { "nx": 12, "ny": 10, "spacing": "0.5 nm" },
              "initial": { "type": "islands", "islands": 2, "island_radius": "1 nm",
                "channel": { "x": "3 nm", "y": "2.5 nm", "radius": "1 nm", "interface": "0.5 nm" } },
              "physics": {
                "energy": "double-well", "double_well": { "barrier": "0.3 eV", "asymmetry": "-0.0176 eV" },
                "site_volume": "0.036 nm^3", "kappa": "31 eV/nm",
                "mobility": { "attempt_frequency": "1e13 Hz", "activation_energy": "1.2 eV" },
                "drive": { "law": "ion-hopping", "b0": "1 eV", "charge": 2, "hop_distance": "0.3 nm" },
                "conductance": { "sigma": { "on": "7e4 S/m", "off": "1e-2 S/m" }, "thickness": "5 nm",
                  "series_resistance": "2 kOhm" },
                "heat": { "film": { "thermal_conductivity": "0.7 W/(m K)", "heat_capacity": "2.8 MJ/(m^3 K)" } }
              },
              "time": { "step": "0.5 ns" },
              "protocol": {
                "read": { "voltage": "-0.15 V", "width": "1 us" },
                "steps": [
                  { "type": "gap", "duration": "30 ns" },
                  { "type": "pulse", "amplitude": "-0.3 V", "width": "2 ns", "rise": "1 ns", "fall": "0.5 ns" },
                  { "type": "snapshot", "name": "after" }
                ]
              }
            }
            """;

    private RunCase read(String text) throws IOException {
        return (RunCase) deck(text);
    }

    private DeviceRunCase device(String text) throws IOException {
        return (DeviceRunCase) deck(text);
    }

    private RunDeck deck(String text) throws IOException {
        Path f = dir.resolve("case.json");
        Files.writeString(f, text);
        return new CaseReader(() -> {
            throw new AssertionError("reference data not needed");
        }).read(f);
    }

    @Test
    void aPlanViewCaseIsTheDeviceDrivenByConstantSegments() throws IOException {
        DeviceRunCase c = device(DEVICE);
        assertThat(c.model().grid().nx()).isEqualTo(12);
        assertThat(c.model().kappa()).isCloseTo(31, within(31 * CONVERSION));
        assertThat(c.model().seriesResistance()).isCloseTo(2000, within(2000 * CONVERSION));
        assertThat(c.model().readVoltage()).isEqualTo(-0.15);
        // The gap and the pulse top are one segment each; the 1 ns rise is two 0.5 ns pieces at the
        // midpoint voltages −0.075 V and −0.225 V, the 0.5 ns fall one piece at −0.15 V; then the read.
        // Durations are the value times the unit's factor, as converted (30 × 10⁻⁹ s).
        assertThat(c.segments()).containsExactly(
                new DeviceRunCase.Apply("gap", 0, 0, 30 * 1e-9),
                new DeviceRunCase.Apply("pulse rise", 1, -0.3 * 0.25, 0.5e-9),
                new DeviceRunCase.Apply("pulse rise", 1, -0.3 * 0.75, 0.5e-9),
                new DeviceRunCase.Apply("pulse", 1, -0.3, 2e-9),
                new DeviceRunCase.Apply("pulse fall", 1, -0.3 + 0.3 * 0.5, 0.5e-9),
                new DeviceRunCase.Read("pulse read", 1, -0.15, 1e-6),
                new DeviceRunCase.Mark("after"));
    }

    @Test
    void thermalNoiseIsOffUnlessTheCaseAsksForIt() throws IOException {
        assertThat(device(DEVICE).model().thermalNoise()).isFalse();
        String noisy = DEVICE.replace("\"kappa\": \"31 eV/nm\",", "\"kappa\": \"31 eV/nm\", \"noise\": \"thermal\",");
        assertThat(noisy).isNotEqualTo(DEVICE);
        assertThat(device(noisy).model().thermalNoise()).isTrue();
        String none = DEVICE.replace("\"kappa\": \"31 eV/nm\",", "\"kappa\": \"31 eV/nm\", \"noise\": \"none\",");
        assertThat(device(none).model().thermalNoise()).isFalse();
        assertThatThrownBy(() -> device(DEVICE.replace("\"kappa\": \"31 eV/nm\",",
                "\"kappa\": \"31 eV/nm\", \"noise\": \"shot\",")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("/physics/noise", "thermal"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"kappa\": \"31 eV/nm\",|\"kappa\": \"31 eV/nm\", \"clip\": true,|/physics/clip|always clips",
        "\"kappa\": \"31 eV/nm\",|\"kappa\": \"31 eV/nm\", \"noise\": {\"temperature\": \"300 K\"},|/physics/noise|own temperature field",
        "\"kappa\": \"31 eV/nm\",|\"kappa\": \"31 eV/nm\", \"arrhenius\": {},|/physics/arrhenius|always Arrhenius",
        "\"mobility\": { \"attempt_frequency\": \"1e13 Hz\", \"activation_energy\": \"1.2 eV\" }|\"mobility\": 1|/physics/mobility|the reduced model",
        "\"energy\": \"double-well\"|\"energy\": \"published\"|/physics/energy|double well per site",
        "\"law\": \"ion-hopping\"|\"law\": \"threshold\"|/physics/drive/law|emerges",
        "\"charge\": 2|\"charge\": 2, \"v0\": \"0.1 V\"|/physics/drive/v0|instead of",
        "\"charge\": 2|\"charge\": 2, \"profile\": {}|/physics/drive/profile|field of each column",
        "\"thickness\": \"5 nm\",|\"thickness\": \"5 nm\", \"layers\": 2,|/physics/conductance/layers|extruded",
        "\"thickness\": \"5 nm\",|\"thickness\": \"5 nm\", \"tolerance\": 1e-9,|/physics/conductance/tolerance|exact",
        "\"step\": \"0.5 ns\"|\"step\": \"0.5 ns\", \"tau0\": \"1 us\"|/time/tau0|in seconds",
        "\"step\": \"0.5 ns\"|\"step\": \"0.5 ns\", \"scheme\": \"explicit\"|/time/scheme|own time steps",
        "\"step\": \"0.5 ns\"|\"step\": 0.0005|/time/step|give a time",
        "\"spacing\": \"0.5 nm\"|\"spacing\": \"0.5 nm\", \"boundary\": \"periodic\"|/grid/boundary|zero flux",
        "\"read\": { \"voltage\": \"-0.15 V\", \"width\": \"1 us\" },|\"read\": { \"voltage\": \"-0.15 V\" },|/protocol/read|width",
        "\"rise\": \"1 ns\"|\"rise\": \"1.2 ns\"|/protocol|whole number"})
    void aKeyWithoutMeaningForTheDeviceIsRefusedWithWhatItHasInstead(String from, String to, String pointer,
                                                                    String why) {
        assertThat(DEVICE).contains(from);
        assertThatThrownBy(() -> device(DEVICE.replace(from, to))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("case.json:", pointer + ":", why)
                        .doesNotContain("\n"));
    }

    private void rejects(String text, String... fragments) {
        assertThatThrownBy(() -> read(text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    @Test
    void readsAValidCaseWithUnitsConvertedToModelSteps() throws IOException {
        RunCase c = read(VALID);
        assertThat(c.initial().grid().nx()).isEqualTo(24);
        assertThat(c.initial().grid().dx()).isEqualTo(0.5);
        assertThat(c.physics().kappa()).isCloseTo(0.25, within(0.25 * CONVERSION));
        assertThat(c.time().tau0()).isEqualTo(1e-6);
        // 30 ns at Δt τ0 = 0.5 ns is 60 steps; the pulse is 2 + 4 + 1 steps, then an automatic read.
        Schedule s = c.schedule();
        assertThat(s.actions()).containsExactly(
                new Schedule.Evolve("gap", 0, 60, 0, 0),
                new Schedule.Evolve("pulse rise", 1, 2, 0, -0.3),
                new Schedule.Evolve("pulse", 1, 4, -0.3, -0.3),
                new Schedule.Evolve("pulse fall", 1, 1, -0.3, 0),
                new Schedule.Measure("pulse read", 1, 0.1));
    }

    @Test
    void everyWayOfWritingAQuantityGivesTheSameValue() throws IOException {
        double a = read(VALID).initial().grid().dx();
        double b = read(VALID.replace("\"spacing\": \"0.5 nm\"", "\"spacing\": {\"value\": 0.5, \"unit\": \"nm\"}"))
                .initial().grid().dx();
        double c = read(VALID.replace("\"spacing\": \"0.5 nm\"", "\"spacing\": \"5e-4 µm\"")).initial().grid().dx();
        double d = read(VALID.replace("\"step\": 0.0005", "\"step\": \"0.5 ns\"")).time().dt();
        assertThat(b).isEqualTo(a);
        assertThat(c).isCloseTo(a, within(a * 2 * CONVERSION));
        assertThat(d).isCloseTo(0.0005, within(0.0005 * 2 * CONVERSION));
    }

    @Test
    void rejectsAMissingUnitWithTheKeyPathAndAnExample() {
        rejects(VALID.replace("\"spacing\": \"0.5 nm\"", "\"spacing\": 5"),
                "case.json:4:", "/grid/spacing: missing unit, expected e.g. \"5 nm\" or {\"value\":5,\"unit\":\"nm\"}");
        rejects(VALID.replace("\"duration\": \"30 ns\"", "\"duration\": \"30\""),
                "/protocol/steps/0/duration: missing unit, expected e.g. \"10 ns\"");
    }

    @Test
    void rejectsAnUnknownKeyWithItsPathAndTheKnownOnes() {
        rejects(VALID.replace("\"nx\": 24,", "\"nx\": 24, \"colour\": \"red\","),
                "case.json:3:", "/grid/colour: unknown key 'colour'; expected one of", "spacing");
        rejects(VALID.replace("\"seed\": 3,", "\"seed\": 3, \"sede\": 4,"), "case.json:2:", "/sede: unknown key 'sede'");
        rejects(VALID.replace("\"width\": \"2 ns\"", "\"widht\": \"2 ns\""), "/protocol/steps/1: missing key 'width'");
    }

    @Test
    void rejectsOutOfRangeValuesWithTheKeyPath() {
        rejects(VALID.replace("\"seed\": 3", "\"seed\": -1"), "/seed: out of range: -1");
        rejects(VALID.replace("\"nx\": 24", "\"nx\": 1"), "/grid/nx: out of range: 1, expected 2 … 32768");
        rejects(VALID.replace("\"islands\": 2,", "\"islands\": 2, \"island_peak_min\": 1.5,"),
                "/initial/island_peak_min: out of range: 1.5");
        rejects(VALID.replace("\"thickness\": \"2 nm\"", "\"thickness\": \"-5 nm\""), "/physics/conductance/thickness: out of range");
        rejects(VALID.replace("\"off\": \"1 S/m\"", "\"off\": \"1e5 S/m\""), "/physics/conductance/sigma", "σ_on must be");
    }

    @Test
    void rejectsUnknownUnitsAndChoices() {
        rejects(VALID.replace("\"0.5 nm\"", "\"0.5 furlong\""),
                "/grid/spacing: unknown unit 'furlong' for a length, expected one of m, nm, pm, um");
        rejects(VALID.replace("\"law\": \"ion-hopping\"", "\"law\": \"magic\""),
                "/physics/drive/law: unknown value 'magic', expected one of ion-hopping, threshold");
        rejects(VALID.replace("\"type\": \"gap\"", "\"type\": \"nap\""), "/protocol/steps/0/type: unknown value 'nap'");
    }

    @Test
    void rejectsDurationsThatAreNotWholeSteps() {
        rejects(VALID.replace("\"30 ns\"", "\"30.2 ns\""), "/protocol:", "gap: 3.02000e-08 s is 60.4000 time steps");
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        rejects(VALID.replace("\"seed\": 3,", "\"seed\": 3,,"), "case.json:2:", "not valid JSON");
        rejects(VALID.replace("\"seed\": 3,", "\"seed\": 3, \"seed\": 4,"), "not valid JSON", "Duplicate field 'seed'");
    }

    @Test
    void aMapInitialStateMustMatchTheGivenGridSize() throws IOException {
        Files.writeString(dir.resolve("map.csv"), "0,0.5,1\n0.2,0.3,0.4\n");
        String withMap = DEVICE.replaceFirst("\"initial\": \\{[^}]*\\{[^}]*\\} \\}", "\"initial\": { \"type\": \"map\", \"path\": \"map.csv\" }");
        rejects(withMap, "/grid/nx: the map initial state has nx = 3, not 12");
        DeviceRunCase c = device(withMap.replace("\"nx\": 12, \"ny\": 10,", ""));
        assertThat(c.initial().grid().nx()).isEqualTo(3);
        assertThat(c.initial().values()).containsExactly(0, 0.5, 1, 0.2, 0.3, 0.4);
    }

    @Test
    void aMapInitialStateMayBeAGwyddionFile() throws IOException {
        ScalarField2D phi = new ScalarField2D(Grid2D.unitSpacing(3, 2), new double[] {0, 0.5, 1, 0.2, 0.3, 0.4});
        MapFormats.write(ScanMap.of(phi, "", "phi"), dir.resolve("map.gwy"));
        String withMap = DEVICE.replaceFirst("\"initial\": \\{[^}]*\\{[^}]*\\} \\}", "\"initial\": { \"type\": \"map\", \"path\": \"map.gwy\" }")
                .replace("\"nx\": 12, \"ny\": 10,", "");
        DeviceRunCase c = device(withMap);
        // .gwy stores float64: the map comes back exactly, row 0 still at y = 0.
        assertThat(c.initial().values()).containsExactly(0, 0.5, 1, 0.2, 0.3, 0.4);
        assertThat(c.initial().grid().dx()).isEqualTo(0.5);
    }

    /** VALID on a 24 × 20 × 8 grid (a 4 nm film) with the thickness taken from the grid. */
    private static String threeD(String extra) {
        return VALID.replace("\"nz\": 4,", "\"nz\": 8,")
                .replace("\"thickness\": \"2 nm\"", extra)
                .replace("\"interface\": \"0.5 nm\" } }", "\"interface\": \"0.5 nm\" },"
                        + " \"incomplete\": { \"count\": 2, \"radius\": \"0.8 nm\", \"length_min\": \"1 nm\", \"length_max\": \"2 nm\" } }");
    }

    @Test
    void aGridWithNzIsA3DFilmBetweenTheElectrodes() throws IOException {
        RunCase c = read(threeD("\"thickness\": \"4 nm\""));
        assertThat(c.initial().grid().nz()).isEqualTo(8);
        assertThat(c.physics().conductance().layers()).isEqualTo(8);
        assertThat(c.physics().conductance().thickness()).isCloseTo(4, within(4 * CONVERSION));
        // Incomplete filaments make φ vary through the thickness: some column holds both phases.
        double[] phi = c.initial().values();
        int plane = 24 * 20;
        double spread = 0;
        for (int col = 0; col < plane; col++) {
            double lo = 1;
            double hi = 0;
            for (int k = 0; k < 8; k++) {
                lo = Math.min(lo, phi[k * plane + col]);
                hi = Math.max(hi, phi[k * plane + col]);
            }
            spread = Math.max(spread, hi - lo);
        }
        assertThat(spread).isGreaterThan(0.5);
        assertThat(read(threeD("\"thickness\": \"4 nm\"")).initial().values()).as("seeded").containsExactly(phi);
    }

    @Test
    void rejects3DKeysThatContradictTheGrid() {
        rejects(threeD("\"thickness\": \"5 nm\""), "/physics/conductance/thickness", "nz · spacing = 4.0 nm");
        rejects(threeD("\"thickness\": \"4 nm\", \"layers\": 4"), "/physics/conductance/layers", "/grid/nz = 8");
        rejects(threeD("\"thickness\": \"4 nm\"").replace("\"tau0\": \"1 us\"", "\"tau0\": \"1 us\", \"scheme\": \"semi-implicit\""),
                "/time/scheme", "unknown value 'semi-implicit', expected one of explicit");
        rejects(threeD("\"thickness\": \"4 nm\"").replace("\"length_max\": \"2 nm\"", "\"length_max\": \"4 nm\""),
                "/initial", "shorter than the film");
        rejects(DEVICE.replace("\"interface\": \"0.5 nm\" } }", "\"interface\": \"0.5 nm\" }, \"incomplete\": { \"count\": 1 } }"),
                "/initial/incomplete", "need a 3D grid");
    }
}
