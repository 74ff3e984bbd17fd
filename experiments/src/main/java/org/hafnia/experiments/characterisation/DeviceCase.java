package org.hafnia.experiments.characterisation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.physics.materials.ArrheniusMobility;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.io.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A device case file ({@code experiments/cases/*.json}, format {@code hafnia-device-case},
 * version 1): the plan-view phase-field device of {@link PhaseFieldDevice}, its read-out and
 * noise, and the characterisation protocol and ensemble. All quantities in SI units unless the
 * key says otherwise (e.g. {@code _nm}); φ-model quantities in the reduced units of physics.md §1.1.
 *
 * @param name             case name
 * @param nx               nodes along x
 * @param ny               nodes along y
 * @param spacing          node spacing (m)
 * @param thickness        film thickness (m)
 * @param sigmaOn          conductivity of the conducting phase φ = 1 (S/m)
 * @param sigmaOff         conductivity of the insulating phase φ = 0 (S/m)
 * @param barrier          double-well barrier W (reduced energy)
 * @param asymmetry        f(1) − f(0) (reduced energy)
 * @param gradientK        gradient coefficient K of the published grid scaling
 * @param timeStep         reduced time step Δt
 * @param biasPerVolt      β: the bias is b = −β V × field profile (reduced units per V)
 * @param fieldRadius      radius of the Gaussian field profile around the filament (m)
 * @param reducedPerSecond reduced time per second of pulse
 * @param activationEnergy vacancy migration activation energy (eV)
 * @param roomTemperature  temperature between pulses (K)
 * @param pulseTemperature temperature during pulses (K)
 * @param coolingTime      time after a pulse during which the film is still at the pulse temperature (s)
 * @param coreRadius       radius of the complete, pinned filament core (m)
 * @param channelRadius    initial radius of the channel (m)
 * @param islands          number of seeded incomplete islands
 * @param islandRadius     island radius (m)
 * @param islandPhiMin     smallest island peak φ
 * @param islandPhiMax     largest island peak φ
 * @param trapBlocking     fraction of boundary/island-channel conductance switched by one trap (RTN)
 * @param tau0             RTN low-state lifetime (s)
 * @param tau1             RTN high-state lifetime (s)
 * @param readNoise        white read noise σ/G
 * @param protocol         characterisation protocol
 * @param devices          ensemble size
 * @param seed             seed of device 0
 */
public record DeviceCase(String name, int nx, int ny, double spacing, double thickness, double sigmaOn,
                         double sigmaOff, double barrier, double asymmetry, double gradientK, double timeStep,
                         double biasPerVolt, double fieldRadius, double reducedPerSecond, double activationEnergy,
                         double roomTemperature, double pulseTemperature, double coolingTime, double coreRadius, double channelRadius,
                         int islands, double islandRadius, double islandPhiMin, double islandPhiMax,
                         double trapBlocking, double tau0, double tau1, double readNoise,
                         CharacterisationData.Protocol protocol, int devices, long seed) {

    /** The shipped default case, a resource of this module. */
    public static final String DEFAULT = "hfo2-device.json";

    /**
     * Mobility at room temperature relative to the pulse: exp(−Ea/kB (1/T_room − 1/T_pulse))
     * (Arrhenius, physics.md §1.3 and §6).
     */
    public double restMobilityRatio() {
        return ArrheniusMobility.normalisedAt(1, pulseTemperature, activationEnergy).at(roomTemperature);
    }

    /** Reads a case file; bad content is reported with the file and key. */
    public static DeviceCase read(Path file) {
        try {
            return parse(Json.mapper().readTree(Json.utf8(Files.readAllBytes(file), file.toString())), file.toString());
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read device case: " + e.getMessage());
        }
    }

    /** The shipped default case. */
    public static DeviceCase defaultCase() {
        try (var in = DeviceCase.class.getResourceAsStream("/cases/" + DEFAULT)) {
            return parse(Json.mapper().readTree(in), DEFAULT);
        } catch (IOException e) {
            throw new IllegalStateException("shipped case " + DEFAULT + " unreadable", e);
        }
    }

    static DeviceCase parse(JsonNode root, String where) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(where + ": a device case is a JSON object { ... }");
        }
        Reader r = new Reader(root, where);
        r.read().addAll(java.util.List.of("format", "version", "name", "description"));
        DeviceCase c = parseKeys(r, root, where);
        r.refuseUnknownKeys();
        return c;
    }

    private static DeviceCase parseKeys(Reader r, JsonNode root, String where) {
        if (!"hafnia-device-case".equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            throw new InvalidInputException(where + ": expected \"format\": \"hafnia-device-case\", \"version\": 1");
        }
        Reader p = r.child("protocol");
        CharacterisationData.Protocol protocol = new CharacterisationData.Protocol(
                p.positive("v_set_V"), -p.positive("v_reset_magnitude_V"), p.positive("pulse_width_s"),
                p.count("train_pulses"), p.count("cycles"), p.positive("settle_s"), r.positive("read_voltage_magnitude_V"),
                r.positive("read_width_s"), p.count("trace_reads"), p.positive("trace_interval_s"),
                -p.positive("denoise_magnitude_V"), p.positive("denoise_width_s"), p.count("denoise_pulses"),
                p.array("drift_times_s"), p.count("drift_reads"), p.array("sweep_amplitudes_V"),
                p.count("sweep_repeats"));
        Reader e = r.child("ensemble");
        return new DeviceCase(root.path("name").asText("unnamed"), r.count("nx"), r.count("ny"),
                r.positive("spacing_nm") * 1e-9, r.positive("thickness_nm") * 1e-9, r.positive("sigma_on_S_per_m"),
                r.positive("sigma_off_S_per_m"), r.positive("barrier"), r.number("asymmetry"), r.positive("gradient_K"),
                r.positive("time_step"), r.positive("bias_per_volt"), r.positive("field_radius_nm") * 1e-9,
                r.positive("reduced_time_per_second"), r.positive("activation_energy_eV"),
                r.positive("room_temperature_K"), r.positive("pulse_temperature_K"), r.positive("cooling_time_s"),
                r.positive("core_radius_nm") * 1e-9, r.positive("channel_radius_nm") * 1e-9, r.count("islands"),
                r.positive("island_radius_nm") * 1e-9, r.positive("island_phi_min"), r.positive("island_phi_max"),
                r.positive("trap_blocking"), r.positive("rtn_tau0_s"),
                r.positive("rtn_tau1_s"), r.positive("read_noise_relative"), protocol, e.count("devices"),
                (long) e.number("seed"));
    }

    /**
     * Required-key access with messages naming the file and key; records the keys read so that
     * a key nothing reads (a misspelling) is refused, not silently ignored.
     */
    private record Reader(JsonNode node, String where, java.util.Set<String> read, java.util.List<Reader> all) {

        Reader(JsonNode node, String where) {
            this(node, where, new java.util.HashSet<>(), new java.util.ArrayList<>());
            all.add(this);
        }

        Reader child(String key) {
            read.add(key);
            JsonNode c = node.get(key);
            if (c == null || !c.isObject()) {
                throw new InvalidInputException(where + ": key \"" + key + "\": expected an object");
            }
            Reader r = new Reader(c, where + " → " + key, new java.util.HashSet<>(), all);
            all.add(r);
            return r;
        }

        /** Refuses the first key, in this object or one read below it, that nothing read. */
        void refuseUnknownKeys() {
            for (Reader r : all) {
                for (java.util.Iterator<String> it = r.node.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!r.read.contains(k)) {
                        throw new InvalidInputException(r.where + ": unknown key \"" + k + "\"; expected one of "
                                + String.join(", ", new java.util.TreeSet<>(r.read)));
                    }
                }
            }
        }

        double number(String key) {
            read.add(key);
            JsonNode v = node.get(key);
            if (v == null || !v.isNumber()) {
                throw new InvalidInputException(where + ": key \"" + key + "\": expected a number");
            }
            return v.asDouble();
        }

        double positive(String key) {
            double v = number(key);
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new InvalidInputException(where + ": key \"" + key + "\": expected a positive number, got " + v);
            }
            return v;
        }

        int count(String key) {
            read.add(key);
            JsonNode v = node.get(key);
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
                throw new InvalidInputException(where + ": key \"" + key + "\": expected a positive integer");
            }
            return v.asInt();
        }

        double[] array(String key) {
            read.add(key);
            JsonNode v = node.get(key);
            if (v == null || !v.isArray() || v.isEmpty()) {
                throw new InvalidInputException(where + ": key \"" + key + "\": expected a non-empty array of numbers");
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                if (!v.get(i).isNumber() || !(v.get(i).asDouble() > 0)) {
                    throw new InvalidInputException(where + ": key \"" + key + "\"[" + i + "]: expected a positive number");
                }
                out[i] = v.get(i).asDouble();
            }
            return out;
        }
    }
}
