package org.hafnia.experiments.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField3D;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.api.FreeEnergyDensity;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.physics.energy.GinzburgLandauFunctional3D;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Hdf5Writer;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.XdmfIndex;
import org.hafnia.solver.checkpoint.Checkpoint;
import org.hafnia.solver.device.DeviceConductance;
import org.hafnia.solver.device.JouleHeating;
import org.hafnia.solver.device.PulseSolves;
import org.hafnia.solver.integrators.AllenCahnModel3D;
import org.hafnia.solver.integrators.ForwardEulerAllenCahn3D;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.hafnia.physics.kinetics.LangevinNoise;
import org.hafnia.solver.protocol.ProtocolListener;
import org.hafnia.solver.protocol.Schedule;
import org.hafnia.solver.protocol.ScheduleRunner;

/**
 * Runs a 3D {@link RunCase} (the reduced-unit reference film of docs/device.md; plan-view cases
 * are run by {@link DeviceRun}) into an output folder, with periodic checkpoints from which a
 * killed run continues to exactly the files an uninterrupted run writes.
 *
 * <p>Outputs (docs/cases.md): {@code snapshots/NAME.h5} (one HDF5 file per snapshot:
 * jhdf writes a whole file at once and cannot append, so a time series is a folder of
 * complete files, each written atomically the moment it is taken) indexed by {@code phi.xmf}
 * (XDMF, opens as a time series in ParaView); {@code conductance.tsv} / {@code .png} (G after
 * every read) and {@code energy.tsv} / {@code .png} (free energy against time), whose rows are
 * kept in memory and in the checkpoint and rewritten atomically at every checkpoint; and
 * {@code run.json}. Nothing in them depends on wall-clock time, the thread count or on where a
 * run was interrupted.
 *
 * <p>φ(x, y, z) is stepped with {@link ForwardEulerAllenCahn3D} (zero flux on the electrode
 * faces); G is read from σ(φ) of every cell, the 3D free energy (eV nm³) sampled, and
 * {@code nz × ny × nx} snapshots are indexed as a 3D mesh.
 *
 * <p>Checkpoint ({@code checkpoint.bin}, written atomically every {@code checkpoint_every}
 * steps): the field, the position in the schedule and the rows so far (see {@link Checkpoint}).
 * It is deleted when the run completes. Random numbers are functions of (seed, step, node), so
 * the checkpoint needs no generator state.
 */
public final class CaseRun {

    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String SNAPSHOTS = "snapshots";
    /** The run's summary, written last: its presence marks a finished run. */
    public static final String SUMMARY = "run.json";

    /** Columns of a read, in the order stored in {@link Checkpoint.Read#values()}. */
    private static final String[] READ_COLUMNS = {"read_voltage_V", "current_A", "conductance_S", "conductance_G0",
        "cg_iterations", "cg_relative_residual", "max_temperature_K", "joule_power_W"};

    private final RunCase c;
    private final FreeEnergyDensity energy;
    private final Path out;
    private final int threads;

    private final List<Checkpoint.Read> reads = new ArrayList<>();
    /** The reads' conduction and heat solves, kept across reads (no arrays allocated per read); made at the first read. */
    private PulseSolves solves;
    private double[] thermalConductivity;
    private final List<Checkpoint.EnergySample> energies = new ArrayList<>();
    private final List<Checkpoint.SnapshotEntry> snapshots = new ArrayList<>();

    /**
     * What a call of {@link #run} did.
     *
     * @param step       steps done in total
     * @param totalSteps steps of the whole schedule
     * @param resumedAt  step the run continued from (0 for a fresh run)
     * @param reads      reads recorded in total
     */
    public record Result(long step, long totalSteps, long resumedAt, int reads) {
        public boolean complete() {
            return step == totalSteps;
        }
    }

    /**
     * @param c       the case
     * @param energy  its bulk free energy (the tabulated variants need the reference data)
     * @param out     output folder
     * @param threads worker threads of the stepper (the results do not depend on it)
     */
    public CaseRun(RunCase c, FreeEnergyDensity energy, Path out, int threads) {
        this.c = c;
        this.energy = energy;
        this.out = out;
        this.threads = threads;
    }

    /**
     * Runs (or continues) the case.
     *
     * @param resume   continue from the checkpoint in the output folder, if there is one
     * @param maxSteps stop once this many steps are done in total (the checkpoint stays for --resume)
     * @param progress receives progress (steps done of total)
     */
    public Result run(boolean resume, long maxSteps, ProtocolListener progress) {
        Path checkpointFile = out.resolve(CHECKPOINT);
        Schedule schedule = c.schedule();
        Grid3D grid = c.initial().grid();
        double[] phi;
        ScheduleRunner.Position from;
        Checkpoint restored = null;
        requireResumable(out, resume);
        RunCase.Outputs o = c.outputs();
        long total = schedule.totalSteps();
        ScheduleRunner.Position end;
        // The stepper checks Δt against the stability limit: before anything is written.
        try (Stepper stepper = stepper()) {
            createDirectories(out.resolve(SNAPSHOTS));
            removeStaleTemporaries(out);
            if (resume && Files.exists(checkpointFile)) {
                Checkpoint cp = readCheckpoint(checkpointFile, c.fingerprint());
                if (cp.phi().length != grid.size()) {
                    throw new InvalidInputException(checkpointFile + ": field has " + cp.phi().length + " values, grid has " + grid.size());
                }
                phi = cp.phi();
                from = cp.position();
                restored = cp;
                reads.addAll(cp.reads());
                energies.addAll(cp.energies());
                snapshots.addAll(cp.snapshots());
            } else {
                clearSnapshots(out);
                phi = c.initial().values().clone();
                from = ScheduleRunner.Position.START;
                sampleEnergy(0, phi);
                if (!hasSnapshot("initial")) {
                    snapshot("initial", 0, phi);
                }
            }
            progress.progress(from.step(), total);
            DeviceCouplings couplings = new DeviceCouplings(c);
            int interval = gcd(gcd(gcd(o.energyEvery(), o.checkpointEvery()), o.snapshotEvery()), couplings.interval());
            if (restored != null) {
                couplings.restore(restored.fields(), checkpointFile.toString());
                stepper.setCounter().accept(restored.stepperCounter());
            } else {
                couplings.update(from, phi);
            }
            end = new ScheduleRunner(stepper.stepper(), couplings.profile()).run(schedule, phi, from, interval, maxSteps,
                    new ScheduleRunner.Listener() {
                        @Override
                        public void read(Schedule.Measure m, long step, double[] state) {
                            reads.add(new Checkpoint.Read(m.label(), m.pulse(), step, measure(state, m.voltage())));
                        }

                        @Override
                        public void snapshot(String name, long step, double[] state) {
                            CaseRun.this.snapshot(name, step, state);
                        }

                        @Override
                        public void boundary(ScheduleRunner.Position next, double[] state) {
                            long s = next.step();
                            couplings.update(next, state);
                            if (s % o.energyEvery() == 0) {
                                sampleEnergy(s, state);
                            }
                            if (o.snapshotEvery() > 0 && s % o.snapshotEvery() == 0) {
                                CaseRun.this.snapshot(String.format(Locale.ROOT, "step-%09d", s), s, state);
                            }
                            if (s % o.checkpointEvery() == 0 && s < total) {
                                writeTables();
                                checkpoint(checkpointFile, next, stepper.counter().getAsLong(), couplings.fields(), state);
                            }
                            progress.progress(s, total);
                        }
                    });
            if (end.step() < total) {
                writeTables();
                checkpoint(checkpointFile, end, stepper.counter().getAsLong(), couplings.fields(), phi);
            }
        }
        if (end.step() == total) {
            if (energies.get(energies.size() - 1).step() != total) {
                sampleEnergy(total, phi);
            }
            if (!hasSnapshot("final")) {
                snapshot("final", total, phi);
            }
            writeTables();
            if (o.plots()) {
                writePlots();
            }
            AtomicFiles.write(out.resolve(SUMMARY), Json.content(summary(phi)));
            try {
                Files.deleteIfExists(checkpointFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + checkpointFile + ": " + e.getMessage(), e);
            }
        }
        progress.progress(end.step(), total);
        return new Result(end.step(), total, from.step(), reads.size());
    }

    /** Reads the device in state {@code phi} at {@code volts}: the values of {@link #READ_COLUMNS}. */
    private double[] measure(double[] phi, double volts) {
        RunCase.Conductance g = c.physics().conductance();
        ConductingFilm film = film(c, phi);
        if (solves == null) {
            solves = new PulseSolves(new DeviceConductance(g.tolerance(), DeviceConductance.DEFAULT.maxIterations()),
                    JouleHeating.DEFAULT);
        }
        // Every read from zero, as a fresh solve: the reads of a resumed run equal the uninterrupted run's.
        DeviceConductance.Read r = solves.read(film, volts, null);
        double tMax = Double.NaN;
        double power = Double.NaN;
        if (g.heat() != null) {
            if (thermalConductivity == null) {
                thermalConductivity = new double[film.grid().size()];
                java.util.Arrays.fill(thermalConductivity, g.heat().thermalConductivity());
            }
            JouleHeating.Temperature t = solves.heat(film, r, thermalConductivity, g.heat().ambient(), null);
            tMax = t.max();
            power = t.power();
        }
        return new double[] {volts, r.current(), r.conductance(), r.conductanceQuanta(), r.solve().iterations(),
            r.solve().relativeResidual(), tMax, power};
    }

    /** The film of state {@code phi}: σ(φ) per cell. */
    static ConductingFilm film(RunCase c, double[] phi) {
        return ConductingFilm.of(new ScalarField3D(c.initial().grid(), phi), c.physics().conductance().sigma());
    }

    private void sampleEnergy(long step, double[] phi) {
        double f = new GinzburgLandauFunctional3D(c.initial().grid(), c.bc(), energy, c.physics().kappa()).energy(phi);
        double sum = 0;
        for (double v : phi) {
            sum += v;
        }
        energies.add(new Checkpoint.EnergySample(step, f, sum / phi.length));
    }

    private boolean hasSnapshot(String name) {
        return c.protocol().steps().stream()
                .anyMatch(s -> s instanceof org.hafnia.solver.protocol.VoltageStep.Snapshot snap && snap.name().equals(name));
    }

    private void snapshot(String name, long step, double[] phi) {
        String file = fileName(name) + ".h5";
        Schedule s = c.schedule();
        Hdf5Writer h5 = new Hdf5Writer()
                .attribute("case", c.name())
                .attribute("snapshot", name)
                .attribute("step", step, "1")
                .attribute("model_time", s.modelTime(step), "1 (model time units of the case)")
                .attribute("time_s", s.seconds(step), "s");
        // Insertion-ordered maps throughout: Map.of iterates in a per-JVM random order, and the
        // files must be byte-identical between runs.
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("quantity", "channel order parameter φ");
        attrs.put("unit", "1");
        h5.field("/phi", new ScalarField3D(c.initial().grid(), phi.clone()), attrs);
        h5.write(out.resolve(SNAPSHOTS).resolve(file));
        snapshots.removeIf(e -> e.name().equals(name));
        snapshots.add(new Checkpoint.SnapshotEntry(name, step));
        List<XdmfIndex.Entry> entries = new ArrayList<>();
        for (Checkpoint.SnapshotEntry e : snapshots) {
            entries.add(new XdmfIndex.Entry(s.seconds(e.step()), e.name(), SNAPSHOTS + "/" + fileName(e.name()) + ".h5", "/phi"));
        }
        AtomicFiles.writeString(out.resolve("phi.xmf"), XdmfIndex.temporal(c.initial().grid(), "phi", entries));
    }

    /** Refuses to start over an unfinished run, or to resume where there is nothing to resume. */
    static void requireResumable(Path out, boolean resume) {
        Path checkpointFile = out.resolve(CHECKPOINT);
        if (Files.exists(checkpointFile) && !resume) {
            throw new InvalidInputException(out + " holds an unfinished run (" + CHECKPOINT
                    + "): continue it with --resume, or choose another --out");
        }
        if (resume && !Files.exists(checkpointFile)) {
            throw new InvalidInputException(Files.exists(out.resolve(SUMMARY))
                    ? out + " holds a finished run (" + SUMMARY + "), nothing to resume; run without --resume to start again"
                    : "--resume: no checkpoint " + checkpointFile + " to continue from; run without --resume to start");
        }
    }

    /** The checkpoint in {@code file}, refused unless written for the case of SHA-256 {@code fingerprint}. */
    static Checkpoint readCheckpoint(Path file, String fingerprint) {
        Checkpoint cp;
        try (InputStream in = Files.newInputStream(file)) {
            cp = Checkpoint.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!cp.fingerprint().equals(fingerprint)) {
            throw new InvalidInputException(file + " was written for a different case file (SHA-256 "
                    + cp.fingerprint() + ", this one is " + fingerprint + "); run without --resume into another folder");
        }
        return cp;
    }

    /** A snapshot name as a file name: characters other than letters, digits, '.', '-' become '_'. */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9.\\-]", "_");
    }

    private void checkpoint(Path file, ScheduleRunner.Position at, long counter, Map<String, double[]> fields, double[] phi) {
        Checkpoint cp = new Checkpoint(c.fingerprint(), at, counter, phi.clone(), fields, reads, energies, snapshots);
        AtomicFiles.write(file, cp::write);
    }

    private void writeTables() {
        Schedule s = c.schedule();
        ReadTable.write(out.resolve("conductance.tsv"), "step", READ_COLUMNS, reads, s::seconds);
        StringBuilder e = new StringBuilder("step\tmodel_time\ttime_s\tfree_energy_eV_nm3\tmean_phi\n");
        for (Checkpoint.EnergySample x : energies) {
            e.append(x.step()).append('\t').append(s.modelTime(x.step())).append('\t').append(s.seconds(x.step()))
                    .append('\t').append(x.energy()).append('\t').append(x.meanPhi()).append('\n');
        }
        AtomicFiles.writeString(out.resolve("energy.tsv"), e.toString());
    }

    private void writePlots() {
        RunFigures.write(out, c.name(), reads, energies, c.schedule()::seconds, "eV nm³");
    }

    private Map<String, Object> summary(double[] phi) {
        Schedule s = c.schedule();
        Grid3D grid = c.initial().grid();
        RunCase.Conductance g = c.physics().conductance();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", c.name());
        m.put("description", c.description());
        m.put("case_sha256", c.fingerprint());
        m.put("seed", c.seed());
        m.put("model", "reduced-unit 3D film: the verification reference of the plan-view device, not the device"
                + " (docs/device.md)");
        Map<String, Object> g0 = new LinkedHashMap<>();
        g0.put("nx", grid.nx());
        g0.put("ny", grid.ny());
        g0.put("nz", grid.nz());
        g0.put("spacing_nm", grid.dx());
        m.put("grid", g0);
        m.put("energy", energy.name());
        m.put("kappa_eV_nm2", c.physics().kappa());
        m.put("mobility", c.physics().mobility());
        m.put("drive", s.law().describe());
        m.put("tau0_s", s.tau0());
        m.put("model_time_step", s.dt());
        m.put("time_step_s", s.dt() * s.tau0());
        m.put("steps", s.totalSteps());
        m.put("duration_s", s.seconds(s.totalSteps()));
        m.put("pulses", c.protocol().pulses());
        m.put("conductance_model", g.sigma().name() + " σ(φ) of the 3D field, "
                + g.layers() + "-layer film of " + g.thickness() + " nm, CG + IC(0) to relative residual " + g.tolerance());
        m.put("reads", reads.size());
        if (!reads.isEmpty()) {
            m.put("first_conductance_S", reads.get(0).values()[2]);
            m.put("last_conductance_S", reads.get(reads.size() - 1).values()[2]);
            m.put("last_conductance_G0", reads.get(reads.size() - 1).values()[2] / PhysicalConstants.CONDUCTANCE_QUANTUM_S);
        }
        m.put("final_mean_phi", energies.get(energies.size() - 1).meanPhi());
        m.put("final_free_energy_eV_nm3", energies.get(energies.size() - 1).energy());
        m.put("snapshots", snapshots.stream().map(Checkpoint.SnapshotEntry::name).toList());
        return m;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /**
     * The case's time stepper with the hooks a run needs.
     *
     * @param stepper    the stepper
     * @param counter    the stepper's step counter (constant 0 for steppers without noise)
     * @param setCounter restores it
     * @param closer     releases the stepper's threads
     */
    private record Stepper(PhaseFieldStepper stepper, LongSupplier counter,
                           LongConsumer setCounter, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /** The stepper; a time step it refuses (stability) is reported at /time. */
    private Stepper stepper() {
        try {
            return newStepper3D();
        } catch (InvalidInputException ex) {
            throw new InvalidInputException(c.file() + ": /time: " + ex.getMessage(), ex);
        }
    }

    private Stepper newStepper3D() {
        Grid3D grid = c.initial().grid();
        ForwardEulerAllenCahn3D e = new ForwardEulerAllenCahn3D(new AllenCahnModel3D(grid, c.bc(), energy,
                c.physics().kappa(), c.physics().mobility(), c.physics().clip()), c.time().dt(), c.time().control(), threads);
        double[] kT = thermalEnergy();
        if (kT != null) {
            e.noise(new LangevinNoise(c.seed(), grid.cellVolume()), kT);
        }
        return new Stepper(e, e::stepCounter, e::stepCounter, e::close);
    }

    /** k_B T of the Langevin noise per node (eV), or null without noise. */
    private double[] thermalEnergy() {
        if (Double.isNaN(c.physics().noiseTemperature())) {
            return null;
        }
        double[] kT = new double[c.initial().grid().size()];
        java.util.Arrays.fill(kT, PhysicalConstants.BOLTZMANN_EV_PER_K * c.physics().noiseTemperature());
        return kT;
    }

    /** Removes the snapshots of an earlier run in {@code out} (a fresh run starts a fresh series). */
    static void clearSnapshots(Path out) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(out.resolve(SNAPSHOTS), "*.h5")) {
            for (Path p : ds) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + out.resolve(SNAPSHOTS) + ": " + e.getMessage(), e);
        }
    }

    /** Removes the temporary files of atomic writes interrupted by a kill ({@code .NAME.*.tmp}) from {@code out}. */
    static void removeStaleTemporaries(Path out) {
        for (Path dir : List.of(out, out.resolve(SNAPSHOTS))) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
                for (Path p : ds) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
