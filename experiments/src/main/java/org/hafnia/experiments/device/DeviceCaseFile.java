package org.hafnia.experiments.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.hafnia.experiments.cases.CaseNode;
import org.hafnia.experiments.cases.CaseReader;
import org.hafnia.experiments.cases.CaseSchema;
import org.hafnia.experiments.cases.Dimension;
import org.hafnia.experiments.cases.IslandsGenerator;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.compact.StructuralDevice;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.physics.traps.TrapParameters;
import org.hafnia.physics.traps.TrapPopulation;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.solver.device.FilmDevice;
import org.hafnia.solver.device.FilmHeat;

/**
 * A device case: the deck of {@code hafnia run} ({@code name}, {@code seed}, optional
 * {@code sources} (free text naming each parameter's source), {@code grid},
 * {@code initial}, {@code physics}, every quantity a number with its unit) with the physics of
 * the one device model {@link FilmDevice} and a {@code device} section (read, ensemble,
 * characterisation protocol). Keys (see docs/device.md):
 * <pre>
 * grid:     nx, ny, spacing                          (zero-flux sides)
 * initial:  type "islands" and its keys              (the seeded channel and incomplete islands)
 * physics:  energy "double-well", double_well {barrier, asymmetry} (eV per site), site_volume,
 *           kappa (eV/nm), mobility {attempt_frequency, activation_energy},
 *           drive {law "ion-hopping", b0 (eV per site), charge, hop_distance},
 *           conductance {sigma, thickness, series_resistance},
 *           heat {ambient, film {thermal_conductivity, heat_capacity},
 *                 electrodes {thermal_conductivity, heat_capacity, thickness}}
 *           noise (optional): "none" (default) or "thermal", the Langevin noise of physics.md §1.3
 *           at the device's own temperature field (FilmDevice)
 * traps:    (optional) density, phi_min, phi_channel, max_distance, carrier_density, fermi_energy
 *           (TrapParameters; the lifetimes are the laws measured on reference/rtn)
 * device:   read {voltage, width}, ensemble {devices, seed},
 *           characterisation {set, reset, pulse_width, train_pulses, cycles, settle, trace_reads,
 *           trace_interval, denoise, denoise_width, denoise_pulses, drift_times [...], drift_reads,
 *           sweep_amplitudes [...], sweep_repeats}
 * array:    (optional) activation_energy_sigma (eV, default 0: σ of the activation energy over the
 *           devices of hafnia array, its device-to-device material variation; docs/array.md)
 * numerics: (optional) max_change (largest change of φ per step, default 0.02), step_growth (a step
 *           after a voltage change at most this × the time since, default 1), noise_damping (with
 *           "noise": "thermal", the largest Δt λ (S + D) of a step at the hottest node, default 0.1):
 *           FilmDevice.Stepping
 * </pre>
 * Every error names the file, line and JSON pointer of the key; a case that passes these checks is
 * also validated against the device kind of {@link CaseSchema} (docs/case-reference.md).
 *
 * @param name        case name
 * @param description free text
 * @param model       the device physics
 * @param initial     generator of the initial map (seeded per device)
 * @param traps       charge traps of the structure (telegraph noise), or null for none
 * @param protocol    the characterisation protocol
 * @param devices     ensemble size
 * @param seed        seed of device 0 (device i uses seed + i)
 * @param activationEnergySigma σ of the activation energy over the devices of an array (eV); 0 when the
 *                    case declares none
 */
public record DeviceCaseFile(String name, String description, FilmDevice.Model model, IslandsGenerator initial,
                             TrapParameters traps, CharacterisationData.Protocol protocol, int devices, long seed,
                             double activationEnergySigma) {

    /**
     * Largest accepted σ of the activation energy (eV). At 0.25 eV the 1.2 eV barrier of the shipped
     * cases is 4.8 σ, about the largest |z| among the 65 536 devices of a full array
     * (√(2 ln 65 536) ≈ 4.7): a larger σ gives devices a barrier near or below zero, no longer a
     * small material spread (ArrayDevice refuses E_a ≤ 0 per device).
     */
    public static final double MAX_ACTIVATION_ENERGY_SIGMA = 0.25;

    /** The shipped default case, a class-path resource of this module. */
    public static final String DEFAULT = "hfo2-device.json";

    private static final double NM = 1e-9;

    /** Reads a device case file. */
    public static DeviceCaseFile read(Path file) {
        return parse(text(file), file.toString(), stem(file.getFileName().toString()));
    }

    /** The text of a device case file (one line naming the file when it cannot be read). */
    public static String text(Path file) {
        try {
            // Refused at the first byte that is not UTF-8, with its line (not "Input length = 1").
            return org.hafnia.postprocess.io.Json.utf8(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The default case name of a case file called {@code fileName}: the name less {@code .json}. */
    public static String stem(String fileName) {
        return fileName.replaceFirst("\\.json$", "");
    }

    /** The shipped default case. */
    public static DeviceCaseFile defaultCase() {
        return resource(DEFAULT);
    }

    /** A shipped case by file name ({@code /cases/NAME} on the class path). */
    public static DeviceCaseFile resource(String name) {
        return parse(resourceText(name), name, stem(name));
    }

    /** The text of a shipped case ({@code /cases/NAME} on the class path). */
    public static String resourceText(String name) {
        try (InputStream in = DeviceCaseFile.class.getResourceAsStream("/cases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("shipped case " + name + " missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("shipped case " + name + " unreadable", e);
        }
    }

    /** Device {@code index} of the ensemble: seed + index. */
    public StructuralDevice create(long deviceSeed) {
        return device(deviceSeed);
    }

    /** As {@link #create} with the concrete type (temperatures, steps). */
    public FilmDevice device(long deviceSeed) {
        return new FilmDevice(model, initialMap(deviceSeed), deviceSeed,
                traps == null ? null : new TrapPopulation(traps, deviceSeed));
    }

    /** The seeded initial map of a device (flat, row-major on {@code model().grid()}). */
    public double[] initialMap(long deviceSeed) {
        return initial.withSeed(deviceSeed).generate(model.grid()).values().clone();
    }

    /** The device read voltage (V, signed). */
    public double readVoltage() {
        return model.readVoltage();
    }

    /** The device read width (s). */
    public double readWidth() {
        return model.readWidth();
    }

    /** This case on another grid of the same extent (spacing × {@code factor}, node counts ÷ factor). */
    public DeviceCaseFile refined(int divisor) {
        Grid2D g = model.grid();
        Grid2D fine = new Grid2D(g.nx() * divisor, g.ny() * divisor, g.dx() / divisor, g.dy() / divisor, g.unit());
        return new DeviceCaseFile(name, description, model.withGrid(fine), initial, traps, protocol, devices, seed,
                activationEnergySigma);
    }

    /** Parses a device case from its text ({@code source} names it in errors, {@code stem} is the default name). */
    public static DeviceCaseFile parse(String text, String source, String stem) {
        CaseNode root = CaseNode.parse(text, source);
        String name = root.string("name", stem);
        String description = root.string("description", "");
        long seed = root.integer("seed", 0, 0, Long.MAX_VALUE);
        root.optionalObject("sources");
        CaseNode gridNode = root.object("grid");
        CaseNode initialNode = root.object("initial");
        CaseNode physicsNode = root.object("physics");
        CaseNode deviceNode = root.object("device");
        CaseNode trapNode = root.optionalObject("traps");
        CaseNode arrayNode = root.optionalObject("array");
        CaseNode numericsNode = root.optionalObject("numerics");
        root.finish();

        double spacing = gridNode.quantity("spacing", Dimension.LENGTH, Double.MIN_VALUE, 1e-6) / NM;
        int nx = (int) gridNode.integer("nx", 2, 1 << 12);
        int ny = (int) gridNode.integer("ny", 2, 1 << 12);
        gridNode.choice("boundary", "zero-flux", "zero-flux");
        gridNode.finish();
        Grid2D grid = new Grid2D(nx, ny, spacing, spacing, LengthUnit.NANOMETRE);

        initialNode.choice("type", null, "islands");
        IslandsGenerator initial = IslandsGenerator.read(initialNode, seed, false);
        initialNode.finish();

        CaseNode read = deviceNode.object("read");
        double readVoltage = read.quantity("voltage", Dimension.VOLTAGE, -10, 10);
        if (readVoltage == 0) {
            throw read.value("voltage").error("a read needs a non-zero voltage");
        }
        double readWidth = read.quantity("width", Dimension.TIME, Double.MIN_VALUE, 1);
        read.finish();
        FilmDevice.Model model = model(physicsNode, grid, readVoltage, readWidth);
        if (numericsNode != null) {
            FilmDevice.Stepping d = FilmDevice.Stepping.DEFAULT;
            model = model.withStepping(new FilmDevice.Stepping(numericsNode.number("max_change", d.maxChange(), 1e-6, 0.5),
                    numericsNode.number("step_growth", d.growth(), 1e-6, 1),
                    numericsNode.number("noise_damping", d.noiseDamping(), 1e-6, 100)));
            numericsNode.finish();
        }

        CaseNode ensemble = deviceNode.object("ensemble");
        // Two at least: the extraction measures the device-to-device spread (CompactExtraction).
        int devices = (int) ensemble.integer("devices", 2, 100_000);
        long ensembleSeed = ensemble.integer("seed", seed, 0, Long.MAX_VALUE);
        ensemble.finish();
        CharacterisationData.Protocol protocol = protocol(deviceNode.object("characterisation"), readVoltage, readWidth);
        deviceNode.finish();
        TrapParameters traps = trapNode == null ? null : traps(trapNode);
        double eaSigma = 0;
        if (arrayNode != null) {
            eaSigma = arrayNode.quantity("activation_energy_sigma", Dimension.ENERGY, 0, 0, MAX_ACTIVATION_ENERGY_SIGMA);
            arrayNode.finish();
        }
        // The reader's own checks come first (one line with the key's pointer, line and column);
        // the schema then guarantees that docs/case-reference.md describes every case accepted.
        CaseSchema.check(text.getBytes(StandardCharsets.UTF_8), source, CaseSchema.Kind.DEVICE);
        DeviceCaseFile c = new DeviceCaseFile(name, description, model, initial, traps, protocol, devices, ensembleSeed, eaSigma);
        c.requireFiniteConductance(source);
        return c;
    }

    /**
     * Refuses a case the film model cannot simulate: its first device, read, pulsed once at the
     * protocol's SET and once at its RESET amplitude and read after each, must give finite
     * conductances. Values inside the reader's ranges can still be outside what the model
     * resolves (a 10⁻³⁰⁰ nm spacing, a 10⁻³⁰⁰ heat capacity: found by StudyCommandFuzzTest) and
     * turned into NaN deep inside extract, denoise and array.
     */
    private void requireFiniteConductance(String source) {
        double[] g = new double[3];
        try {
            FilmDevice d = device(seed);
            g[0] = d.read();
            d.pulse(protocol.vSet(), protocol.pulseWidth());
            g[1] = d.read();
            d.pulse(protocol.vReset(), protocol.pulseWidth());
            g[2] = d.read();
        } catch (IllegalArgumentException | ArithmeticException e) {
            g[0] = Double.NaN;
        }
        if (!(Double.isFinite(g[0]) && Double.isFinite(g[1]) && Double.isFinite(g[2]))) {
            throw new InvalidInputException(String.format(java.util.Locale.ROOT, "%s: the film model gives a non-finite conductance"
                    + " for this case (read %s, after a SET pulse %s, after a RESET pulse %s S): a physical value lies outside"
                    + " what it resolves, e.g. a grid spacing or a heat capacity orders of magnitude below a material's",
                    source, g[0], g[1], g[2]));
        }
    }

    /**
     * The device physics of a {@code physics} section (the keys of this class's summary) on
     * {@code grid}: the one parser of it, used by device cases and by the plan-view cases of
     * {@code hafnia run}. Finishes the section (unknown keys are refused).
     */
    public static FilmDevice.Model model(CaseNode p, Grid2D grid, double readVoltage, double readWidth) {
        p.choice("energy", null, "double-well");
        CaseNode well = p.object("double_well");
        FreeEnergyDensity energy;
        try {
            energy = new DoubleWellEnergy(well.quantity("barrier", Dimension.ENERGY, Double.MIN_VALUE, 100),
                    well.quantity("asymmetry", Dimension.ENERGY, 0, -100, 100), "eV");
        } catch (InvalidInputException e) {
            throw well.error(e.getMessage());
        }
        well.finish();
        double siteVolume = p.quantity("site_volume", Dimension.VOLUME, Double.MIN_VALUE, 1e-24) / 1e-27;
        double kappa = p.quantity("kappa", Dimension.ENERGY_PER_LENGTH, 0, 1e15) * NM;
        CaseNode mob = p.object("mobility");
        double nu = mob.quantity("attempt_frequency", Dimension.FREQUENCY, Double.MIN_VALUE, 1e16);
        double ea = mob.quantity("activation_energy", Dimension.ENERGY, Double.MIN_VALUE, 10);
        mob.finish();
        CaseNode drive = p.object("drive");
        drive.choice("law", null, "ion-hopping");
        double b0 = drive.quantity("b0", Dimension.ENERGY, Double.MIN_VALUE, 100);
        double z = drive.number("charge", 2, Double.MIN_VALUE, 10);
        double a = drive.quantity("hop_distance", Dimension.LENGTH, Double.MIN_VALUE, 1e-8) / NM;
        drive.finish();
        CaseNode c = p.object("conductance");
        ConductivityModel sigma = CaseReader.sigma(c.object("sigma"));
        double thickness = c.quantity("thickness", Dimension.LENGTH, Double.MIN_VALUE, 1e-6);
        double rs = c.quantity("series_resistance", Dimension.RESISTANCE, 0, 0, 1e12);
        c.finish();
        CaseNode h = p.object("heat");
        double ambient = h.quantity("ambient", Dimension.TEMPERATURE, 300, Double.MIN_VALUE, 1e4);
        CaseNode film = h.object("film");
        double kf = film.quantity("thermal_conductivity", Dimension.THERMAL_CONDUCTIVITY, Double.MIN_VALUE, 1e4);
        double cf = film.quantity("heat_capacity", Dimension.HEAT_CAPACITY, Double.MIN_VALUE, 1e9);
        film.finish();
        CaseNode el = h.optionalObject("electrodes");
        double ke = 0;
        double ce = 0;
        double d = 0;
        if (el != null) {
            ke = el.quantity("thermal_conductivity", Dimension.THERMAL_CONDUCTIVITY, Double.MIN_VALUE, 1e4);
            ce = el.quantity("heat_capacity", Dimension.HEAT_CAPACITY, Double.MIN_VALUE, 1e9);
            d = el.quantity("thickness", Dimension.LENGTH, Double.MIN_VALUE, 1e-3);
            el.finish();
        }
        h.finish();
        if (p.has("noise") && p.value("noise").isObject()) {
            throw p.value("noise").error("the device's Langevin noise is at its own temperature field, not at a set one:"
                    + " give \"noise\": \"thermal\" (or \"none\")");
        }
        boolean noise = p.choice("noise", "none", "none", "thermal").equals("thermal");
        p.finish();
        try {
            return new FilmDevice.Model(grid, thickness, energy, siteVolume, kappa, nu, ea, b0, z, a, sigma,
                    new FilmHeat.Parameters(thickness, kf, cf, d, ke, ce, ambient), rs, readVoltage, readWidth)
                    .withThermalNoise(noise);
        } catch (InvalidInputException e) {
            throw p.error(e.getMessage());
        }
    }

    /** The {@code traps} section onto {@link TrapParameters#DEFAULT}. */
    private static TrapParameters traps(CaseNode t) {
        TrapParameters d = TrapParameters.DEFAULT;
        try {
            TrapParameters p = d.toBuilder()
                    .arealDensity(t.quantity("density", Dimension.AREAL_DENSITY, d.arealDensity() * 1e18, Double.MIN_VALUE, 1e22) / 1e18)
                    .phiWindow(t.number("phi_min", d.phiMin(), 0, 1), t.number("phi_channel", d.phiChannel(), 0, 1))
                    .maxDistance(t.quantity("max_distance", Dimension.LENGTH, d.maxDistance() * NM, Double.MIN_VALUE, 1e-6) / NM)
                    .carrierDensity(t.quantity("carrier_density", Dimension.NUMBER_DENSITY, d.carrierDensity() * 1e6,
                            Double.MIN_VALUE, 1e32) / 1e6)
                    .fermiEnergy(t.quantity("fermi_energy", Dimension.ENERGY, d.fermiEnergy(), Double.MIN_VALUE, 10))
                    .build();
            t.finish();
            return p;
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(t.source()) ? e : t.error(e.getMessage());
        }
    }

    private static CharacterisationData.Protocol protocol(CaseNode p, double readVoltage, double readWidth) {
        double set = p.quantity("set", Dimension.VOLTAGE, Double.MIN_VALUE, 100);
        double reset = p.quantity("reset", Dimension.VOLTAGE, -100, -Double.MIN_VALUE);
        double width = p.quantity("pulse_width", Dimension.TIME, Double.MIN_VALUE, 1);
        int train = (int) p.integer("train_pulses", 1, 100_000);
        int cycles = (int) p.integer("cycles", 1, 10_000);
        double settle = p.quantity("settle", Dimension.TIME, Double.MIN_VALUE, 1e6);
        int traceReads = (int) p.integer("trace_reads", 2, 1_000_000);
        double traceInterval = p.quantity("trace_interval", Dimension.TIME, Double.MIN_VALUE, 1e3);
        if (traceInterval < readWidth) {
            throw p.value("trace_interval").error("shorter than the read width " + readWidth + " s");
        }
        double denoise = p.quantity("denoise", Dimension.VOLTAGE, -100, -Double.MIN_VALUE);
        double denoiseWidth = p.quantity("denoise_width", Dimension.TIME, Double.MIN_VALUE, 1);
        int denoisePulses = (int) p.integer("denoise_pulses", 4, 1_000_000);
        double[] drift = quantities(p.array("drift_times"), Dimension.TIME, Double.MIN_VALUE, 1e9);
        int driftReads = (int) p.integer("drift_reads", 1, 1_000_000);
        double[] sweep = quantities(p.array("sweep_amplitudes"), Dimension.VOLTAGE, Double.MIN_VALUE, 100);
        int sweepRepeats = (int) p.integer("sweep_repeats", 1, 10_000);
        p.finish();
        return new CharacterisationData.Protocol(set, reset, width, train, cycles, settle, Math.abs(readVoltage),
                readWidth, traceReads, traceInterval, denoise, denoiseWidth, denoisePulses, drift, driftReads, sweep,
                sweepRepeats);
    }

    private static double[] quantities(List<CaseNode> items, Dimension d, double min, double max) {
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).quantity(d, min, max);
        }
        return out;
    }
}
