package org.hafnia.experiments.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.meshes.AxisBoundary;
import org.hafnia.meshes.BoundaryConditions3D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.MemoryBudget;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.meshes.io.NumericMatrix;
import org.hafnia.meshes.io.NumericMatrixReader;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.maps.PhaseFieldMaps;
import org.hafnia.physics.api.ConductivityModel;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.hafnia.physics.materials.PercolationConductivity;
import org.hafnia.reference.ReferenceData;
import org.hafnia.solver.device.DeviceConductance;
import org.hafnia.solver.device.FilmDevice;
import org.hafnia.solver.integrators.StepControl;
import org.hafnia.solver.protocol.BiasLaw;
import org.hafnia.solver.protocol.Schedule;
import org.hafnia.solver.protocol.VoltageProtocol;
import org.hafnia.solver.protocol.VoltageStep;

/**
 * Reads a case file (docs/cases.md; the 3D keys in docs/case-reference.md, generated from
 * {@link CaseSchema}) into a {@link RunDeck}. Relative paths in the file are resolved against the
 * case file's folder. Every error names the file, the line and column, and the key's JSON
 * pointer; a case that passes these checks is also validated against its kind of the JSON Schema
 * ({@link CaseSchema.Kind#RUN} for a 3D film, {@link CaseSchema.Kind#DEVICE_RUN} for a plan-view case).
 */
public final class CaseReader {

    private static final double NM = 1e-9;
    /** Nested protocol files ("sequence" elements) deeper than this are refused (a cycle). */
    private static final int MAX_SEQUENCE_DEPTH = 8;
    private static final long MAX_STEPS_PER_INTERVAL = Integer.MAX_VALUE;

    private final Supplier<ReferenceData> reference;
    /** The files the last case read refers to (maps, sequences, waveforms), for the output-folder check. */
    private final List<Path> inputs = new ArrayList<>();

    /** @param reference the reference data, located on first use (only the fig4-reference state needs it) */
    public CaseReader(Supplier<ReferenceData> reference) {
        this.reference = reference;
    }

    /** The files the case last read by {@link #read} refers to: initial maps, sequence and waveform files. */
    public List<Path> inputs() {
        return List.copyOf(inputs);
    }

    /**
     * Reads a case: a plan-view case ({@code grid} without {@code nz}) is a {@link DeviceRunCase}
     * of the one device model; a 3D film ({@code nz}) is a {@link RunCase}.
     */
    public RunDeck read(Path file) {
        inputs.clear();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        CaseNode root = CaseNode.parse(Json.utf8(bytes, file.toString()), file.toString());
        Path dir = file.toAbsolutePath().getParent();
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");

        String name = root.string("name", stem);
        String description = root.string("description", "");
        long seed = root.integer("seed", 0, Long.MAX_VALUE);
        CaseNode gridNode = root.object("grid");
        CaseNode initialNode = root.object("initial");
        CaseNode physicsNode = root.object("physics");
        CaseNode timeNode = root.optionalObject("time");
        CaseNode protocolNode = root.object("protocol");
        CaseNode outputNode = root.optionalObject("output");
        root.finish();

        if (!gridNode.has("nz")) {
            ScalarField2D phi = initial(initialNode, gridNode, dir, seed);
            if (gridNode.choice("boundary", "zero-flux", "zero-flux", "periodic").equals("periodic")) {
                throw gridNode.value("boundary").error("a plan-view case is the device, an isolated film: its sides are"
                        + " zero flux (periodic sides are for 3D runs)");
            }
            gridNode.finish();
            DeviceRunCase run = device(name, description, file, sha256(bytes), seed, phi, physicsNode, timeNode,
                    protocolNode, outputs(outputNode), dir);
            CaseSchema.check(bytes, file.toString(), CaseSchema.Kind.DEVICE_RUN);
            return run;
        }
        if (timeNode == null) {
            throw root.error("missing key 'time'");
        }
        ScalarField3D initial = initial3D(initialNode, gridNode, seed);
        BoundaryConditions3D bc = boundaries(gridNode);
        gridNode.finish();
        RunCase.Physics physics = physics(physicsNode, initial.grid());
        RunCase.Timing time = timing(timeNode);
        VoltageProtocol protocol = protocol(protocolNode, dir, inputs).protocol();
        Schedule schedule;
        try {
            schedule = protocol.compile(time.dt(), time.tau0(), physics.drive());
        } catch (InvalidInputException e) {
            throw protocolNode.error(e.getMessage());
        }
        RunCase.Outputs outputs = outputs(outputNode);
        // The reader's own checks come first (one line with the key's pointer, line and column);
        // the schema then guarantees that the case reference describes every case accepted.
        CaseSchema.check(bytes, file.toString(), CaseSchema.Kind.RUN);
        return new RunCase(name, description, file, sha256(bytes), seed, initial, bc, physics, time, protocol,
                schedule, outputs);
    }

    /**
     * A plan-view case: the device physics of {@link DeviceCaseFile#model} (the keys of a device
     * case's {@code physics}), the protocol's default read as the device's read, and {@code time}
     * holding only {@code step}, the sampling of ramps. Keys of the reduced-unit model are refused
     * with what the device has instead (docs/cases.md). The device's keys are checked by this
     * reader (every key read, units and ranges), then by the schema's plan-view run kind.
     */
    private DeviceRunCase device(String name, String description, Path file, String fingerprint, long seed,
                                 ScalarField2D phi, CaseNode physics, CaseNode time, CaseNode protocolNode,
                                 RunCase.Outputs outputs, Path dir) {
        Protocol p = protocol(protocolNode, dir, inputs);
        if (p.read() == null) {
            throw protocolNode.error("a device run needs the default read \"read\": {\"voltage\": ..., \"width\": ...}:"
                    + " the device's read is a pulse at V_read of that width");
        }
        if (!(p.read().width() > 0)) {
            throw protocolNode.value("read").error("the device's read is a pulse at V_read: give its \"width\" (> 0 s),"
                    + " such as \"1 us\"");
        }
        refuseReducedKeys(physics);
        FilmDevice.Model model;
        try {
            model = DeviceCaseFile.model(physics, phi.grid(), p.read().voltage(), p.read().width());
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(physics.source()) ? e : physics.error(e.getMessage());
        }
        double rampStep = Double.NaN;
        if (time != null) {
            refuse(time, "tau0", "the device runs in seconds; remove \"tau0\" (/time holds only \"step\", the sampling of ramps)");
            for (String k : List.of("scheme", "stability")) {
                refuse(time, k, "the device chooses its own time steps (docs/device.md); /time holds only \"step\","
                        + " the sampling of ramps");
            }
            if (time.has("step") && time.value("step").isNumber()) {
                throw time.value("step").error("a number is in units of the reduced model's tau0; the device runs in"
                        + " seconds: give a time such as \"0.5 ns\"");
            }
            rampStep = time.quantity("step", Dimension.TIME, Double.MIN_VALUE, 1e6);
            time.finish();
        }
        List<DeviceRunCase.Segment> segments;
        try {
            segments = DeviceRunCase.segments(p.protocol(), rampStep);
        } catch (InvalidInputException e) {
            throw protocolNode.error(e.getMessage());
        }
        for (DeviceRunCase.Segment s : segments) {
            double v = s instanceof DeviceRunCase.Apply a ? a.volts() : s instanceof DeviceRunCase.Read r ? r.volts() : 0;
            // The drive's sinh is largest at the ambient temperature (Joule heating only lowers its argument).
            if (!Double.isFinite(model.siteBias(v / model.thickness(), model.heat().ambient()))) {
                throw protocolNode.error("at " + v + " V the ion-hopping drive b0 sinh(z e a E / 2 k_B T) overflows:"
                        + " the voltage is beyond what the law represents");
            }
        }
        return new DeviceRunCase(name, description, file, fingerprint, seed, phi, model, p.protocol(), rampStep,
                segments, outputs);
    }

    /** Keys of the reduced-unit model that the device does not have, each refused with what it has instead. */
    private static void refuseReducedKeys(CaseNode p) {
        if (p.has("mobility") && p.value("mobility").isNumber()) {
            throw p.value("mobility").error("a number is the reduced model's L; the device's mobility is Arrhenius:"
                    + " {\"attempt_frequency\": \"1e13 Hz\", \"activation_energy\": \"1.2 eV\"}");
        }
        refuse(p, "clip", "the device always clips φ to [0, 1]; remove \"clip\"");
        refuse(p, "arrhenius", "the device's mobility is always Arrhenius at its own temperature field: give"
                + " \"mobility\": {\"attempt_frequency\", \"activation_energy\"} and \"heat\" instead");
        if (p.has("energy") && !p.value("energy").isNumber() && !p.value("energy").text().equals("double-well")) {
            throw p.value("energy").error("the device's bulk energy is the double well per site (\"double-well\","
                    + " docs/device.md); the published table belongs to the reduced-unit run of hafnia fig4");
        }
        if (p.has("drive") && p.value("drive").isObject()) {
            CaseNode d = p.value("drive");
            if (d.has("law") && !d.value("law").isNumber() && !d.value("law").text().equals("ion-hopping")) {
                throw d.value("law").error("the device's drive is field-accelerated ion hopping (\"ion-hopping\"):"
                        + " its threshold emerges from Joule heating, Arrhenius and sinh, none is set");
            }
            refuse(d, "v0", "the device's drive is b0 sinh(z e a E / 2 k_B T): give \"charge\" and \"hop_distance\""
                    + " instead of \"v0\"");
            refuse(d, "profile", "the device's drive is the field of each column, E = V_f / t; remove \"profile\"");
        }
        if (p.has("conductance") && p.value("conductance").isObject()) {
            CaseNode c = p.value("conductance");
            refuse(c, "layers", "the device's film is extruded (σ(φ) constant through it); remove \"layers\"");
            refuse(c, "tolerance", "the device's conductance is exact (columns in parallel, no iterative solve);"
                    + " remove \"tolerance\"");
            refuse(c, "heat", "the device's heat is /physics/heat: {\"ambient\", \"film\": {\"thermal_conductivity\","
                    + " \"heat_capacity\"}, \"electrodes\": {...}}");
        }
    }

    private static void refuse(CaseNode node, String key, String why) {
        if (node.has(key)) {
            throw node.value(key).error(why);
        }
    }

    /** The 3D initial state: nz layers of the grid's spacing between the bottom (z = 0) and top electrode. */
    private static ScalarField3D initial3D(CaseNode init, CaseNode grid, long seed) {
        double spacing = grid.quantity("spacing", Dimension.LENGTH, Double.MIN_VALUE, 1e-3) / NM;
        int nx = (int) grid.integer("nx", 2, 1 << 15);
        int ny = (int) grid.integer("ny", 2, 1 << 15);
        int nz = (int) grid.integer("nz", 2, 1 << 15);
        requireMemory(grid, nx, ny, nz);
        String type = init.choice("type", null, "islands");
        Grid3D g;
        try {
            g = new Grid3D(nx, ny, nz, spacing, spacing, spacing, LengthUnit.NANOMETRE);
        } catch (InvalidInputException e) {
            throw grid.error(e.getMessage());
        }
        ScalarField3D phi;
        try {
            phi = IslandsGenerator.read(init, seed, true).generate(g);
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(init.source()) ? e : init.error(e.getMessage());
        }
        init.finish();
        return phi;
    }

    private ScalarField2D initial(CaseNode init, CaseNode grid, Path dir, long seed) {
        double spacing = grid.quantity("spacing", Dimension.LENGTH, Double.MIN_VALUE, 1e-3) / NM;
        String type = init.choice("type", null, "map", "fig4-reference", "islands");
        ScalarField2D phi = switch (type) {
            case "map" -> {
                Path map = dir.resolve(init.string("path"));
                inputs.add(map);
                ScalarField2D m = PhaseFieldMaps.read(map);
                yield new ScalarField2D(new Grid2D(m.grid().nx(), m.grid().ny(), spacing, spacing,
                        LengthUnit.NANOMETRE), m.values());
            }
            case "fig4-reference" -> {
                ScalarField2D f = reference.get().fig4InitialState();
                yield new ScalarField2D(new Grid2D(f.grid().nx(), f.grid().ny(), spacing, spacing,
                        LengthUnit.NANOMETRE), f.values());
            }
            default -> {
                int nx = (int) grid.integer("nx", 2, 1 << 15);
                int ny = (int) grid.integer("ny", 2, 1 << 15);
                requireMemory(grid, nx, ny, 1);
                yield IslandsGenerator.read(init, seed, false)
                        .generate(new Grid2D(nx, ny, spacing, spacing, LengthUnit.NANOMETRE));
            }
        };
        if (!type.equals("islands")) {
            checkShape(grid, "nx", phi.grid().nx(), type);
            checkShape(grid, "ny", phi.grid().ny(), type);
        }
        init.finish();
        return phi;
    }

    /**
     * Arrays of the grid's size a run holds at once, at least: φ, the stepper's next state, the
     * mobility field, the bias profile, the initial state kept by the case and the checkpoint's
     * copy (the conduction solve of a film adds its own, so this is a lower bound).
     */
    private static final int RUN_ARRAYS = 6;

    /** Refuses, before allocating, a grid whose arrays cannot fit in this JVM's heap. */
    private static void requireMemory(CaseNode grid, int nx, int ny, int nz) {
        try {
            MemoryBudget.requireDoubles(nx, ny, nz, RUN_ARRAYS, "a " + nx + " × " + ny + (nz > 1 ? " × " + nz : "")
                    + " grid (" + RUN_ARRAYS + " arrays of 8-byte values per node)");
        } catch (InvalidInputException e) {
            throw grid.error(e.getMessage());
        }
    }

    /** nx / ny are optional for a map; when given they must match it. */
    private static void checkShape(CaseNode grid, String key, int actual, String type) {
        long given = grid.integer(key, actual, 1, 1 << 15);
        if (given != actual) {
            throw grid.value(key).error("the " + type + " initial state has " + key + " = " + actual + ", not " + given);
        }
    }

    /** x and y zero flux or periodic; z (the electrodes of a 3D film) always zero flux. */
    private static BoundaryConditions3D boundaries(CaseNode grid) {
        AxisBoundary side = grid.choice("boundary", "zero-flux", "zero-flux", "periodic").equals("periodic")
                ? AxisBoundary.periodic() : AxisBoundary.zeroFlux();
        return new BoundaryConditions3D(side, side, AxisBoundary.zeroFlux());
    }

    /** @param film the 3D grid (its depth is the film) */
    private static RunCase.Physics physics(CaseNode p, Grid3D film) {
        String energy = p.choice("energy", "published", "published", "spline", "double-well");
        double barrier = Double.NaN;
        double asymmetry = Double.NaN;
        CaseNode well = p.optionalObject("double_well");
        if (energy.equals("double-well")) {
            if (well == null) {
                throw p.error("energy \"double-well\" needs \"double_well\": {\"barrier\": \"2.9 eV\", \"asymmetry\": \"-0.17 eV\"}");
            }
            barrier = well.quantity("barrier", Dimension.ENERGY, Double.MIN_VALUE, 1e3);
            asymmetry = well.quantity("asymmetry", Dimension.ENERGY, 0, -1e3, 1e3);
            well.finish();
        } else if (well != null) {
            throw well.error("only used with \"energy\": \"double-well\"");
        }
        double kappa = p.quantity("kappa", Dimension.ENERGY_AREA, 0, 1) / (NM * NM);
        double mobility = p.number("mobility", 1.0, Double.MIN_VALUE, 1e12);
        boolean clip = p.bool("clip", true);
        CaseNode driveNode = p.object("drive");
        BiasLaw drive = drive(driveNode);
        CaseNode profileNode = driveNode.optionalObject("profile");
        RunCase.DriveProfile profile = null;
        if (profileNode != null) {
            profile = new RunCase.DriveProfile(profileNode.choice("driver", null, "field", "current"),
                    (int) profileNode.integer("update_every", 1, Integer.MAX_VALUE));
            profileNode.finish();
        }
        driveNode.finish();
        RunCase.Conductance conductance = conductance(p.object("conductance"), film);
        refuse(p, "arrhenius", "a Joule-heated Arrhenius mobility is the device's: a plan-view case (no \"nz\") runs"
                + " the one device model (docs/device.md); 3D runs are the reduced-unit reference");
        CaseNode noiseNode = p.optionalObject("noise");
        double noiseTemperature = Double.NaN;
        if (noiseNode != null) {
            noiseTemperature = noiseNode.quantity("temperature", Dimension.TEMPERATURE, Double.MIN_VALUE, 1e5);
            noiseNode.finish();
        }
        p.finish();
        return new RunCase.Physics(energy, barrier, asymmetry, kappa, mobility, clip, drive, conductance, profile,
                noiseTemperature);
    }

    private static BiasLaw drive(CaseNode d) {
        String law = d.choice("law", null, "ion-hopping", "threshold");
        BiasLaw out;
        try {
            if (law.equals("ion-hopping")) {
                out = new BiasLaw.IonHopping(d.quantity("b0", Dimension.ENERGY, Double.MIN_VALUE, 1e6),
                        d.quantity("v0", Dimension.VOLTAGE, Double.MIN_VALUE, 1e3));
            } else {
                out = new BiasLaw.Threshold(
                        d.quantity("k_on", Dimension.ENERGY, 0, 1e6), d.quantity("v_on", Dimension.VOLTAGE, Double.MIN_VALUE, 1e3),
                        d.number("alpha_on", 1, Double.MIN_VALUE, 100),
                        d.quantity("k_off", Dimension.ENERGY, 0, 1e6), d.quantity("v_off", Dimension.VOLTAGE, -1e3, -Double.MIN_VALUE),
                        d.number("alpha_off", 1, Double.MIN_VALUE, 100));
            }
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(d.source()) ? e : d.error(e.getMessage());
        }
        return out;
    }

    private static RunCase.Conductance conductance(CaseNode c, Grid3D film) {
        ConductivityModel sigma = sigma(c.object("sigma"));
        // The 3D grid is the film: its nz layers of dz span the thickness.
        int layers = film.nz();
        double thickness = layers * film.dz();
        if (c.has("layers")) {
            throw c.value("layers").error("a 3D grid's layers are /grid/nz = " + layers + "; remove \"layers\"");
        }
        double given = c.quantity("thickness", Dimension.LENGTH, thickness * NM, Double.MIN_VALUE, 1e-3) / NM;
        if (Math.abs(given - thickness) > 1e-9 * thickness) {
            throw c.value("thickness").error("a 3D film is nz · spacing = " + thickness + " nm thick, not " + given + " nm");
        }
        double tolerance = c.number("tolerance", DeviceConductance.DEFAULT.tolerance(), 1e-15, 0.1);
        CaseNode h = c.optionalObject("heat");
        RunCase.Heat heat = null;
        if (h != null) {
            heat = new RunCase.Heat(h.quantity("thermal_conductivity", Dimension.THERMAL_CONDUCTIVITY, Double.MIN_VALUE, 1e4),
                    h.quantity("ambient", Dimension.TEMPERATURE, 300, Double.MIN_VALUE, 1e4));
            h.finish();
        }
        c.finish();
        return new RunCase.Conductance(sigma, thickness, layers, tolerance, heat);
    }

    /** σ(φ) of a {@code "sigma": {"law": ..., "on": ..., "off": ...}} object (S/m). */
    public static ConductivityModel sigma(CaseNode s) {
        String law = s.choice("law", "log-linear", "log-linear", "percolation");
        ConductivityModel sigma;
        try {
            double on = s.quantity("on", Dimension.CONDUCTIVITY, Double.MIN_VALUE, 1e9);
            double off = s.quantity("off", Dimension.CONDUCTIVITY, Double.MIN_VALUE, 1e9);
            sigma = law.equals("log-linear") ? new LogLinearConductivity(off, on)
                    : new PercolationConductivity(off, on, s.number("threshold", 0, 0.999999),
                            s.number("exponent", PercolationConductivity.EXPONENT_3D, Double.MIN_VALUE, 10));
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(s.source()) ? e : s.error(e.getMessage());
        }
        s.finish();
        return sigma;
    }

    private static RunCase.Timing timing(CaseNode t) {
        double tau0 = t.quantity("tau0", Dimension.TIME, Double.MIN_VALUE, 1e6);
        CaseNode step = t.value("step");
        double dt = step.isNumber() ? t.number("step", Double.MIN_VALUE, 1e6)
                : step.quantity(Dimension.TIME, Double.MIN_VALUE, 1e6) / tau0;
        StepControl control = t.choice("stability", "refuse", "refuse", "substep").equals("refuse")
                ? StepControl.REFUSE : StepControl.SUBSTEP;
        // The film is stepped by explicit Euler only; the key stays so that cases that name it still read.
        t.choice("scheme", "explicit", "explicit");
        t.finish();
        return new RunCase.Timing(dt, tau0, control);
    }

    private static RunCase.Outputs outputs(CaseNode o) {
        if (o == null) {
            return new RunCase.Outputs(100, 1000, 0, true);
        }
        int energy = (int) o.integer("energy_every", 100, 1, MAX_STEPS_PER_INTERVAL);
        int checkpoint = (int) o.integer("checkpoint_every", 1000, 1, MAX_STEPS_PER_INTERVAL);
        int snapshot = (int) o.integer("snapshot_every", 0, 0, MAX_STEPS_PER_INTERVAL);
        boolean plots = o.bool("plots", true);
        o.finish();
        return new RunCase.Outputs(energy, checkpoint, snapshot, plots);
    }

    // ----------------------------------------------------------------- protocol

    /** A protocol and its default read (null when the case gives none). */
    private record Protocol(VoltageProtocol protocol, VoltageStep.Read read) {
    }

    private static Protocol protocol(CaseNode p, Path dir, List<Path> inputs) {
        CaseNode readNode = p.optionalObject("read");
        VoltageStep.Read read = null;
        if (readNode != null) {
            read = new VoltageStep.Read("read", readNode.quantity("voltage", Dimension.VOLTAGE, -1e3, 1e3),
                    readNode.quantity("width", Dimension.TIME, 0, 0, 1e3));
            readNode.finish();
        }
        VoltageProtocol.Builder b = VoltageProtocol.builder();
        steps(p.array("steps"), b, read, dir, 0, inputs);
        p.finish();
        VoltageProtocol built = b.build();
        if (built.steps().isEmpty()) {
            throw p.error("the protocol has no steps");
        }
        return new Protocol(built, read);
    }

    private static void steps(List<CaseNode> elements, VoltageProtocol.Builder b, VoltageStep.Read read, Path dir, int depth,
                              List<Path> inputs) {
        for (CaseNode e : elements) {
            if (!e.isObject()) {
                throw e.error("a protocol step is an object with a \"type\"");
            }
            try {
                step(e, b, read, dir, depth, inputs);
            } catch (InvalidInputException ex) {
                throw ex.getMessage().startsWith(e.source()) ? ex : e.error(ex.getMessage());
            }
            e.finish();
        }
    }

    private static void step(CaseNode e, VoltageProtocol.Builder b, VoltageStep.Read read, Path dir, int depth,
                             List<Path> inputs) {
        String type = e.choice("type", null, "gap", "pulse", "train", "read", "snapshot", "waveform", "sequence");
        switch (type) {
            case "gap" -> b.gap(e.string("label", "gap"), e.quantity("duration", Dimension.TIME, 0, 1e6));
            case "pulse" -> {
                String label = e.string("label", "pulse");
                b.pulse(label, shape(e));
                if (e.bool("read", read != null)) {
                    VoltageStep.Read r = requireRead(e, read);
                    b.read(label + " read", r.voltage(), r.width());
                }
            }
            case "train" -> {
                String label = e.string("label", "train");
                int count = (int) e.integer("count", 1, 1_000_000);
                VoltageStep.PulseShape shape = shape(e);
                double gap = e.quantity("gap", Dimension.TIME, 0, 0, 1e6);
                VoltageStep.Read r = e.bool("read", read != null) ? requireRead(e, read) : null;
                b.train(label, count, shape, gap, r);
            }
            case "read" -> {
                double v = read == null ? e.quantity("voltage", Dimension.VOLTAGE, -1e3, 1e3)
                        : e.quantity("voltage", Dimension.VOLTAGE, read.voltage(), -1e3, 1e3);
                double w = e.quantity("width", Dimension.TIME, read == null ? 0 : read.width(), 0, 1e3);
                b.read(e.string("label", null), v, w);
            }
            case "snapshot" -> b.snapshot(e.string("name"));
            case "waveform" -> waveform(e, b, dir, inputs);
            default -> {
                if (depth >= MAX_SEQUENCE_DEPTH) {
                    throw e.error("sequence files nested deeper than " + MAX_SEQUENCE_DEPTH + " (a cycle?)");
                }
                Path file = dir.resolve(e.string("file"));
                inputs.add(file);
                String text;
                try {
                    text = Json.utf8(Files.readAllBytes(file), file.toString());
                } catch (IOException ex) {
                    throw e.value("file").error("cannot read " + file + ": " + ex.getMessage());
                }
                // A sequence file holds {"steps": [ ... ]} in the same form as the case's protocol.
                CaseNode seq = CaseNode.parse(text, file.toString());
                steps(seq.array("steps"), b, read, file.toAbsolutePath().getParent(), depth + 1, inputs);
                seq.finish();
            }
        }
    }

    private static VoltageStep.Read requireRead(CaseNode e, VoltageStep.Read read) {
        if (read == null) {
            throw e.value("read").error("a read after the pulse needs the protocol's \"read\": {\"voltage\": ...}");
        }
        return read;
    }

    private static VoltageStep.PulseShape shape(CaseNode e) {
        return new VoltageStep.PulseShape(e.quantity("amplitude", Dimension.VOLTAGE, -1e3, 1e3),
                e.quantity("width", Dimension.TIME, Double.MIN_VALUE, 1e6),
                e.quantity("rise", Dimension.TIME, 0, 0, 1e6),
                e.quantity("fall", Dimension.TIME, 0, 0, 1e6));
    }

    /** A piecewise-linear waveform from a TSV/CSV file of (time in s, voltage in V) rows. */
    private static void waveform(CaseNode e, VoltageProtocol.Builder b, Path dir, List<Path> inputs) {
        String label = e.string("label", "waveform");
        Path file = dir.resolve(e.string("file"));
        inputs.add(file);
        NumericMatrix m = new NumericMatrixReader().read(file);
        if (m.cols() != 2) {
            throw e.value("file").error(m.source() + ": expected 2 columns (time in s, voltage in V), found " + m.cols());
        }
        double[] t = new double[m.rows()];
        double[] v = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            t[r] = m.get(r, 0);
            v[r] = m.get(r, 1);
        }
        b.waveform(label, t, v);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
