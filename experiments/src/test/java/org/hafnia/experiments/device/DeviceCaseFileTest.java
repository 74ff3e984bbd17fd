package org.hafnia.experiments.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.compact.StructuralDevice;
import org.hafnia.solver.device.FilmDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The device case file: calibration of the default case, errors, and every shipped device case running. */
class DeviceCaseFileTest {

    private static final Path CASES = Path.of("cases");

    @TempDir
    Path tmp;

    static List<Path> deviceCases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> p.toString().endsWith(".json")).filter(DeviceCaseFileTest::isDeviceCase).sorted().toList();
        }
    }

    /** A film device case; compact-model cases ({@link EcramCaseFile}) are tested with their model. */
    private static boolean isDeviceCase(Path p) {
        try {
            String text = Files.readString(p);
            return text.contains("\"device\": {") && !EcramCaseFile.selects(text, p.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void defaultCaseReadsTheMeasuredDeviceConductance() {
        // reference/rtn: 14.5–14.7 µA at −0.15 V, G ≈ 96.7–98 µS (physics.md §6). Calibrated: the
        // seeded channel radius (2.74 nm). Tolerance 3 %: the spread of the two reference statements
        // (1.4 %) plus the read's Johnson noise and the seeded islands' spread between devices.
        DeviceCaseFile c = DeviceCaseFile.defaultCase();
        assertThat(c.readVoltage()).isEqualTo(-0.15);
        double sum = 0;
        int n = 4;
        for (int i = 0; i < n; i++) {
            StructuralDevice d = c.create(c.seed() + i);
            sum += d.readCurrent(-0.15, c.readWidth()) / -0.15;
        }
        assertThat(sum / n).isCloseTo(98e-6, within(0.03 * 98e-6));
    }

    @Test
    void readsAreNearlyOhmicAsTheMeasuredDevice() {
        // reference/rtn: 14.5, 19.7, 25.1 µA at −0.15, −0.20, −0.25 V: G within ±2 % of each other.
        StructuralDevice d = DeviceCaseFile.defaultCase().create(1);
        double g15 = d.readCurrent(-0.15, 1e-6) / -0.15;
        double g20 = d.readCurrent(-0.20, 1e-6) / -0.20;
        double g25 = d.readCurrent(-0.25, 1e-6) / -0.25;
        assertThat(g20 / g15).isCloseTo(1, within(0.02));
        assertThat(g25 / g15).isCloseTo(1, within(0.02));
    }

    @Test
    void aQuantityWithoutItsUnitIsReportedWithFileAndKey() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT)).replace("\"31 eV/nm\"", "31"));
        assertThatThrownBy(() -> DeviceCaseFile.read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("/physics/kappa").hasMessageContaining("missing unit");
        Files.writeString(bad, Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT)).replace("\"31 eV/nm\"", "\"31 eV nm^2\""));
        assertThatThrownBy(() -> DeviceCaseFile.read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/physics/kappa").hasMessageContaining("eV/nm");
    }

    @Test
    void anEnsembleOfOneDeviceIsRefusedNamingTheKey() throws IOException {
        // The extraction measures a device-to-device spread: one device gave an internal error (fuzz, issue 13).
        Path bad = tmp.resolve("one.json");
        Files.writeString(bad, Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT)).replace("\"devices\": 8", "\"devices\": 1"));
        assertThatThrownBy(() -> DeviceCaseFile.read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one.json").hasMessageContaining("/device/ensemble/devices");
    }

    @Test
    void aCaseThatIsNotUtf8IsRefusedWithTheByteAndLine() throws IOException {
        // Was "cannot read: Input length = 1" (StudyCommandFuzzTest).
        Path bad = tmp.resolve("latin1.json");
        Files.write(bad, Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT)).replace("hfo2-device", "hfo2-d\u00e9vice")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> DeviceCaseFile.read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("latin1.json: line 2:").hasMessageContaining("is not UTF-8");
    }

    @Test
    void aCaseTheFilmModelCannotSimulateIsRefusedNamingTheFile() throws IOException {
        // Inside the reader's ranges, yet NaN conductances: extract, denoise and array ended in an
        // internal error (StudyCommandFuzzTest). A physical heat capacity is ~10⁶ J/(m³ K).
        Path bad = tmp.resolve("nan.json");
        Files.writeString(bad, Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT)).replace("\"3 MJ/(m^3 K)\"",
                "\"1e-300 MJ/(m^3 K)\""));
        assertThatThrownBy(() -> DeviceCaseFile.read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nan.json: the film model gives a non-finite conductance");
        Files.writeString(bad, Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT)).replace("\"0.5 nm\" }", "\"1e-300 nm\" }"));
        assertThatThrownBy(() -> DeviceCaseFile.read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("non-finite conductance");
    }

    @Test
    void theArrayVariationIsACaseKeyWithItsUnitAndZeroWhenAbsent() throws IOException {
        String text = Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT));
        // The shipped value and its stated source (an assumption, docs/array.md).
        assertThat(DeviceCaseFile.defaultCase().activationEnergySigma()).isEqualTo(0.02);
        assertThat(text).contains("\"array.activation_energy_sigma\": \"assumption");
        Path p = tmp.resolve("spread.json");
        Files.writeString(p, text.replace("\"activation_energy_sigma\": \"0.02 eV\"", "\"activation_energy_sigma\": \"20 meV\""));
        assertThat(DeviceCaseFile.read(p).activationEnergySigma()).isCloseTo(0.02, within(1e-15));
        Files.writeString(p, text.replace("\"array\": { \"activation_energy_sigma\": \"0.02 eV\" },", ""));
        assertThat(DeviceCaseFile.read(p).activationEnergySigma()).isZero();
        Files.writeString(p, text.replace("\"0.02 eV\"", "\"0.02\""));
        assertThatThrownBy(() -> DeviceCaseFile.read(p)).hasMessageContaining("/array/activation_energy_sigma")
                .hasMessageContaining("missing unit");
        Files.writeString(p, text.replace("\"0.02 eV\"", "\"1 eV\""));
        assertThatThrownBy(() -> DeviceCaseFile.read(p)).hasMessageContaining("/array/activation_energy_sigma")
                .hasMessageContaining("0.25");
    }

    /**
     * The time integration's accuracy controls are case keys: absent, the defaults; set, the
     * devices are integrated with them (a tighter step takes more steps); outside their ranges,
     * refused naming the key.
     */
    @Test
    void theStepControlsAreCaseKeysWithTheDefaultsWhenAbsent() throws IOException {
        String text = Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT));
        assertThat(DeviceCaseFile.defaultCase().model().stepping()).isEqualTo(FilmDevice.Stepping.DEFAULT);
        Path p = tmp.resolve("stepping.json");
        String shipped = "\"numerics\": { \"max_change\": 0.02, \"step_growth\": 1 },";
        assertThat(text).contains(shipped);
        Files.writeString(p, text.replace(shipped, ""));
        assertThat(DeviceCaseFile.read(p).model().stepping()).isEqualTo(FilmDevice.Stepping.DEFAULT);
        String tight = text.replace(shipped, "\"numerics\": { \"max_change\": 0.005, \"step_growth\": 0.25 },");
        Files.writeString(p, tight);
        DeviceCaseFile c = DeviceCaseFile.read(p);
        assertThat(c.model().stepping()).isEqualTo(new FilmDevice.Stepping(0.005, 0.25));
        assertThat(c.refined(2).model().stepping()).isEqualTo(c.model().stepping());
        FilmDevice coarse = DeviceCaseFile.defaultCase().device(0);
        FilmDevice fine = c.device(0);
        coarse.pulse(-0.8, 10e-9);
        fine.pulse(-0.8, 10e-9);
        assertThat(fine.steps()).isGreaterThan(coarse.steps());
        Files.writeString(p, tight.replace("0.005", "0.7"));
        assertThatThrownBy(() -> DeviceCaseFile.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/numerics/max_change");
        Files.writeString(p, tight.replace("\"step_growth\"", "\"growth\""));
        assertThatThrownBy(() -> DeviceCaseFile.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("growth");
    }

    /**
     * "noise": "thermal" switches the device's Langevin noise on, a refined case keeps it, and
     * numerics.noise_damping sets its step bound; a noisy device is seeded: two reads of one case give
     * the same device, and it differs from the same device without noise.
     */
    @Test
    void thermalNoiseAndItsDampingAreCaseKeys() throws IOException {
        String text = Files.readString(CASES.resolve(DeviceCaseFile.DEFAULT));
        assertThat(DeviceCaseFile.defaultCase().model().thermalNoise()).isFalse();
        String physics = "\"physics\": {";
        assertThat(text).contains(physics);
        String shipped = "\"numerics\": { \"max_change\": 0.02, \"step_growth\": 1 },";
        Path p = tmp.resolve("noise.json");
        Files.writeString(p, text.replace(physics, physics + " \"noise\": \"thermal\",").replace(shipped,
                "\"numerics\": { \"max_change\": 0.02, \"step_growth\": 1, \"noise_damping\": 0.5 },"));
        DeviceCaseFile c = DeviceCaseFile.read(p);
        assertThat(c.model().thermalNoise()).isTrue();
        assertThat(c.model().stepping()).isEqualTo(new FilmDevice.Stepping(0.02, 1, 0.5));
        assertThat(c.refined(2).model().thermalNoise()).isTrue();
        FilmDevice quiet = DeviceCaseFile.defaultCase().device(0);
        FilmDevice a = c.device(0);
        FilmDevice b = DeviceCaseFile.read(p).device(0);
        for (FilmDevice d : new FilmDevice[] {quiet, a, b}) {
            d.pulse(-0.3, 5e-9);
        }
        assertThat(a.phi()).containsExactly(b.phi());
        assertThat(a.phi()).isNotEqualTo(quiet.phi());
        Files.writeString(p, text.replace(physics, physics + " \"noise\": \"thermal\",").replace(shipped,
                "\"numerics\": { \"noise_damping\": 0 },"));
        assertThatThrownBy(() -> DeviceCaseFile.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("/numerics/noise_damping");
    }

    @Test
    void theShippedDefaultIsADeviceCase() throws IOException {
        assertThat(deviceCases()).contains(CASES.resolve(DeviceCaseFile.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource("deviceCases")
    void everyShippedDeviceCaseMakesDevicesThatSwitchAndRead(Path file) {
        DeviceCaseFile c = DeviceCaseFile.read(file);
        StructuralDevice d = c.create(c.seed());
        double g0 = d.read();
        d.pulse(c.protocol().vSet(), c.protocol().pulseWidth());
        double g1 = d.read();
        d.pulse(c.protocol().vReset(), c.protocol().pulseWidth());
        double g2 = d.read();
        assertThat(g0).isPositive();
        assertThat(g1).isGreaterThan(g0);
        assertThat(g2).isLessThan(g1);
        assertThat(d.phi()).hasSize(d.grid().size());
    }
}
