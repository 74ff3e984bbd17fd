package org.hafnia.experiments.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.physics.PhysicalConstants;
import org.hafnia.physics.energy.GinzburgLandauFunctional;
import org.hafnia.postprocess.io.AtomicFiles;
import org.hafnia.postprocess.io.Hdf5Writer;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.XdmfIndex;
import org.hafnia.solver.checkpoint.Checkpoint;
import org.hafnia.solver.device.FilmDevice;
import org.hafnia.solver.protocol.ProtocolListener;
import org.hafnia.solver.protocol.ScheduleRunner;

/**
 * Runs a plan-view {@link DeviceRunCase} into an output folder: the one device model
 * {@link FilmDevice} is driven through the case's segments, one {@link FilmDevice#apply} per
 * segment, so a run equals the device driven directly with the same segments, bit for bit.
 *
 * <p>Outputs as {@link CaseRun} (docs/cases.md): {@code snapshots/NAME.h5} indexed by
 * {@code phi.xmf}, {@code conductance.tsv}/{@code .png} (per read: the terminal conductance
 * after the read pulse, the film's hottest node and Joule power then), {@code energy.tsv}/{@code .png}
 * (the device's free energy F = t Σ (f/v + κ/2 |∇φ|²) a², eV), {@code segments.tsv} (per
 * segment: its voltage and duration, the film's hottest node and G at its end; a constant voltage
 * brings the film to its steady temperature within ≈ 10 slowest thermal times, 0.14 ns with the
 * TiN layers of docs/device.md, so at the end of a pulse top it is the temperature the pulse holds)
 * and {@code run.json}. Intervals
 * ({@code energy_every}, {@code checkpoint_every}, {@code snapshot_every}, {@code --max-steps})
 * count segments: the device chooses its own time steps inside a segment.
 *
 * <p>Checkpoints ({@code checkpoint.bin}) are written between segments and hold φ and the thermal
 * state of {@link FilmDevice#heat()} (field {@value #HEAT}): a device rebuilt from φ with that
 * thermal state restored continues exactly as the uninterrupted one (its σ(φ) and G are functions
 * of φ, its step control restarts with every segment, reads record the noiseless conductance, and
 * the Langevin draws of {@code "noise": "thermal"} are keyed by the device's step counter, which the
 * checkpoint carries and the rebuilt device resumes from, {@link FilmDevice#resumeSteps}).
 */
public final class DeviceRun {

    /** Checkpoint field of the device's thermal state ({@link org.hafnia.solver.device.FilmHeat#save}). */
    static final String HEAT = "heat";
    /** Checkpoint fields of the per-segment rows of segments.tsv (NaN for segments not yet done). */
    static final String SEGMENT_TEMPERATURE = "segment_max_temperature";
    static final String SEGMENT_CONDUCTANCE = "segment_conductance";

    /** Columns of a read, in the order stored in {@link Checkpoint.Read#values()}. */
    private static final String[] READ_COLUMNS = {"read_voltage_V", "current_A", "conductance_S", "conductance_G0",
        "max_temperature_K", "joule_power_W"};

    private final DeviceRunCase c;
    private final Path out;
    private final double[] times;
    private final GinzburgLandauFunctional functional;
    private final double energyScale;

    private final List<Checkpoint.Read> reads = new ArrayList<>();
    private final List<Checkpoint.EnergySample> energies = new ArrayList<>();
    private final List<Checkpoint.SnapshotEntry> snapshots = new ArrayList<>();
    /** The film's hottest node and the terminal G at the end of each segment (segments.tsv). */
    private final double[] segmentTemperature;
    private final double[] segmentConductance;
    private int done;

    /**
     * @param c   the case
     * @param out output folder
     */
    public DeviceRun(DeviceRunCase c, Path out) {
        this.c = c;
        this.out = out;
        this.times = c.times();
        FilmDevice.Model m = c.model();
        // F = t ∫ (f/v + κ/2 |∇φ|²) dA = (t/v) ∫ (f + vκ/2 |∇φ|²) dA: the functional in eV nm² with
        // the per-site gradient coefficient vκ (eV nm²), times t/v (nm / nm³).
        this.functional = new GinzburgLandauFunctional(m.grid(), BoundaryConditions2D.zeroFlux(), m.energy(),
                m.siteVolume() * m.kappa());
        this.energyScale = m.thickness() * 1e9 / m.siteVolume();
        this.segmentTemperature = new double[c.segments().size()];
        this.segmentConductance = new double[c.segments().size()];
        java.util.Arrays.fill(segmentTemperature, Double.NaN);
        java.util.Arrays.fill(segmentConductance, Double.NaN);
    }

    /**
     * Runs (or continues) the case.
     *
     * @param resume      continue from the checkpoint in the output folder
     * @param maxSegments stop once this many segments are done in total (the checkpoint stays for --resume)
     * @param progress    receives progress (segments done of total)
     */
    public CaseRun.Result run(boolean resume, long maxSegments, ProtocolListener progress) {
        Path checkpointFile = out.resolve(CaseRun.CHECKPOINT);
        CaseRun.requireResumable(out, resume);
        List<DeviceRunCase.Segment> segments = c.segments();
        int total = segments.size();
        RunCase.Outputs o = c.outputs();
        CaseRun.createDirectories(out.resolve(CaseRun.SNAPSHOTS));
        CaseRun.removeStaleTemporaries(out);
        FilmDevice device;
        int from;
        if (resume) {
            Checkpoint cp = CaseRun.readCheckpoint(checkpointFile, c.fingerprint());
            Grid2D g = c.model().grid();
            double[] heat = cp.fields().get(HEAT);
            if (cp.phi().length != g.size() || heat == null || heat.length != 2 * g.size()) {
                throw new InvalidInputException(checkpointFile + ": holds no device state of this " + g.nx() + " × "
                        + g.ny() + " grid");
            }
            device = new FilmDevice(c.model(), cp.phi(), c.seed(), null);
            device.heat().restore(heat);
            device.resumeSteps(cp.stepperCounter());
            from = cp.position().action();
            restore(cp.fields(), SEGMENT_TEMPERATURE, segmentTemperature, checkpointFile);
            restore(cp.fields(), SEGMENT_CONDUCTANCE, segmentConductance, checkpointFile);
            reads.addAll(cp.reads());
            energies.addAll(cp.energies());
            snapshots.addAll(cp.snapshots());
        } else {
            CaseRun.clearSnapshots(out);
            device = new FilmDevice(c.model(), c.initial().values(), c.seed(), null);
            from = 0;
            sampleEnergy(0, device);
            if (!hasSnapshot("initial")) {
                snapshot("initial", 0, device.phi());
            }
        }
        progress.progress(from, total);
        int end = from;
        done = from;
        while (end < total && end < maxSegments) {
            DeviceRunCase.Segment s = segments.get(end);
            end++;
            if (s instanceof DeviceRunCase.Apply a) {
                device.apply(a.volts(), a.duration());
            } else if (s instanceof DeviceRunCase.Read r) {
                device.apply(r.volts(), r.width());
                reads.add(new Checkpoint.Read(r.label(), r.pulse(), end, measure(device, r.volts())));
            } else if (s instanceof DeviceRunCase.Mark m) {
                snapshot(m.name(), end, device.phi());
            }
            segmentTemperature[end - 1] = device.heat().maxTemperature();
            segmentConductance[end - 1] = device.conductance();
            done = end;
            if (end % o.energyEvery() == 0) {
                sampleEnergy(end, device);
            }
            if (o.snapshotEvery() > 0 && end % o.snapshotEvery() == 0) {
                snapshot(String.format(Locale.ROOT, "segment-%09d", end), end, device.phi());
            }
            if (end % o.checkpointEvery() == 0 && end < total) {
                writeTables();
                checkpoint(checkpointFile, end, device.steps(), device);
            }
            progress.progress(end, total);
        }
        if (end < total) {
            writeTables();
            checkpoint(checkpointFile, end, device.steps(), device);
        } else {
            if (energies.get(energies.size() - 1).step() != total) {
                sampleEnergy(total, device);
            }
            if (!hasSnapshot("final")) {
                snapshot("final", total, device.phi());
            }
            writeTables();
            if (o.plots()) {
                writePlots();
            }
            AtomicFiles.write(out.resolve(CaseRun.SUMMARY), Json.content(summary(device, device.steps())));
            try {
                Files.deleteIfExists(checkpointFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + checkpointFile + ": " + e.getMessage(), e);
            }
        }
        progress.progress(end, total);
        return new CaseRun.Result(end, total, from, reads.size());
    }

    /**
     * The values of {@link #READ_COLUMNS} after a read at {@code volts}: I = V G with G the
     * terminal conductance, the film's hottest node, and the film's Joule power
     * P = I²/G_f (the current through the film conductance G_f; the rest heats the series resistance).
     */
    private static double[] measure(FilmDevice d, double volts) {
        double g = d.conductance();
        double current = volts * g;
        return new double[] {volts, current, g, g / PhysicalConstants.CONDUCTANCE_QUANTUM_S,
            d.heat().maxTemperature(), current * current / d.filmConductance()};
    }

    private void sampleEnergy(int segment, FilmDevice d) {
        double[] phi = d.phi();
        double sum = 0;
        for (double v : phi) {
            sum += v;
        }
        energies.add(new Checkpoint.EnergySample(segment, energyScale * functional.energy(phi), sum / phi.length));
    }

    private boolean hasSnapshot(String name) {
        return c.segments().stream().anyMatch(s -> s instanceof DeviceRunCase.Mark m && m.name().equals(name));
    }

    private void snapshot(String name, int segment, double[] phi) {
        String file = CaseRun.fileName(name) + ".h5";
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("quantity", "channel order parameter φ");
        attrs.put("unit", "1");
        new Hdf5Writer()
                .attribute("case", c.name())
                .attribute("snapshot", name)
                .attribute("segment", segment, "1")
                .attribute("time_s", times[segment], "s")
                .field("/phi", new ScalarField2D(c.model().grid(), phi), attrs)
                .write(out.resolve(CaseRun.SNAPSHOTS).resolve(file));
        snapshots.removeIf(e -> e.name().equals(name));
        snapshots.add(new Checkpoint.SnapshotEntry(name, segment));
        List<XdmfIndex.Entry> entries = new ArrayList<>();
        for (Checkpoint.SnapshotEntry e : snapshots) {
            entries.add(new XdmfIndex.Entry(times[(int) e.step()], e.name(),
                    CaseRun.SNAPSHOTS + "/" + CaseRun.fileName(e.name()) + ".h5", "/phi"));
        }
        AtomicFiles.writeString(out.resolve("phi.xmf"), XdmfIndex.temporal(c.model().grid(), "phi", entries));
    }

    private void checkpoint(Path file, int segment, long deviceSteps, FilmDevice d) {
        double[] heat = new double[2 * c.model().grid().size()];
        d.heat().save(heat);
        // Insertion-ordered: the checkpoint's bytes must not depend on a per-JVM map order.
        Map<String, double[]> fields = new LinkedHashMap<>();
        fields.put(HEAT, heat);
        fields.put(SEGMENT_TEMPERATURE, segmentTemperature.clone());
        fields.put(SEGMENT_CONDUCTANCE, segmentConductance.clone());
        Checkpoint cp = new Checkpoint(c.fingerprint(), new ScheduleRunner.Position(segment, 0, segment), deviceSteps,
                d.phi(), fields, reads, energies, snapshots);
        AtomicFiles.write(file, cp::write);
    }

    private static void restore(Map<String, double[]> saved, String name, double[] target, Path checkpoint) {
        double[] v = saved.get(name);
        if (v == null || v.length != target.length) {
            throw new InvalidInputException(checkpoint + ": has no " + name + " field of " + target.length + " values");
        }
        System.arraycopy(v, 0, target, 0, v.length);
    }

    private void writeTables() {
        ReadTable.write(out.resolve("conductance.tsv"), "segment", READ_COLUMNS, reads, step -> times[(int) step]);
        StringBuilder e = new StringBuilder("segment\ttime_s\tfree_energy_eV\tmean_phi\n");
        for (Checkpoint.EnergySample x : energies) {
            e.append(x.step()).append('\t').append(times[(int) x.step()]).append('\t').append(x.energy()).append('\t')
                    .append(x.meanPhi()).append('\n');
        }
        AtomicFiles.writeString(out.resolve("energy.tsv"), e.toString());
        StringBuilder t = new StringBuilder("segment\ttype\tlabel\tpulse\tvoltage_V\tduration_s\ttime_s"
                + "\tmax_temperature_K\tconductance_S\n");
        for (int k = 0; k < done; k++) {
            DeviceRunCase.Segment s = c.segments().get(k);
            t.append(k + 1).append('\t');
            if (s instanceof DeviceRunCase.Apply a) {
                t.append("apply\t").append(a.label()).append('\t').append(a.pulse()).append('\t').append(a.volts())
                        .append('\t').append(a.duration());
            } else if (s instanceof DeviceRunCase.Read r) {
                t.append("read\t").append(r.label()).append('\t').append(r.pulse()).append('\t').append(r.volts())
                        .append('\t').append(r.width());
            } else if (s instanceof DeviceRunCase.Mark m) {
                t.append("snapshot\t").append(m.name()).append("\t\t\t0.0");
            }
            t.append('\t').append(times[k + 1]).append('\t').append(segmentTemperature[k]).append('\t')
                    .append(segmentConductance[k]).append('\n');
        }
        AtomicFiles.writeString(out.resolve("segments.tsv"), t.toString());
    }

    private void writePlots() {
        RunFigures.write(out, c.name(), reads, energies, step -> times[(int) step], "eV");
    }

    private Map<String, Object> summary(FilmDevice d, long deviceSteps) {
        FilmDevice.Model md = c.model();
        Grid2D grid = md.grid();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", c.name());
        m.put("description", c.description());
        m.put("case_sha256", c.fingerprint());
        m.put("seed", c.seed());
        Map<String, Object> g0 = new LinkedHashMap<>();
        g0.put("nx", grid.nx());
        g0.put("ny", grid.ny());
        g0.put("spacing_nm", grid.dx());
        m.put("grid", g0);
        m.put("model", "FilmDevice: extruded-film electrostatics with series resistance, transient Joule heating,"
                + " Arrhenius ion hopping with a sinh field drive (docs/device.md)");
        m.put("energy", md.energy().name());
        m.put("kappa_eV_per_nm", md.kappa());
        m.put("site_volume_nm3", md.siteVolume());
        m.put("activation_energy_eV", md.activationEnergy());
        m.put("thickness_nm", md.thickness() * 1e9);
        m.put("series_resistance_ohm", md.seriesResistance());
        m.put("conductance_model", md.sigma().name() + " σ(φ), columns in parallel");
        m.put("noise", md.thermalNoise() ? "thermal" : "none");
        m.put("segments", c.segments().size());
        m.put("device_steps", deviceSteps);
        m.put("duration_s", times[times.length - 1]);
        m.put("pulses", c.protocol().pulses());
        m.put("reads", reads.size());
        if (!reads.isEmpty()) {
            m.put("first_conductance_S", reads.get(0).values()[2]);
            m.put("last_conductance_S", reads.get(reads.size() - 1).values()[2]);
            m.put("last_conductance_G0", reads.get(reads.size() - 1).values()[2] / PhysicalConstants.CONDUCTANCE_QUANTUM_S);
        }
        m.put("final_mean_phi", energies.get(energies.size() - 1).meanPhi());
        m.put("final_free_energy_eV", energies.get(energies.size() - 1).energy());
        m.put("final_max_temperature_K", d.heat().maxTemperature());
        m.put("snapshots", snapshots.stream().map(Checkpoint.SnapshotEntry::name).toList());
        return m;
    }
}
