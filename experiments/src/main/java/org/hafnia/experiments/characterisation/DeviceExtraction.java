package org.hafnia.experiments.characterisation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import org.hafnia.experiments.denoise.ReadTrace;
import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.hafnia.postprocess.export.CompactDeviceFile;
import org.hafnia.postprocess.export.ProgrammingErrorFit;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.extraction.CompactExtraction;

/**
 * Case → characterisation of the phase-field device ensemble → extraction → programming error
 * of write-verify on the extracted compact device ({@value #PROG_LEVELS} levels ×
 * {@value #PROG_DEVICES} devices each) for aihwkit's prog_coeff and CrossSim's programming error.
 *
 * @param data       the characterisation
 * @param result     the extraction
 * @param prog       the programming-error fit
 * @param trace      what the case's read trace needs to show its traps switch, and what it is
 *                   ({@link ReadTrace#requirement}); null for a case without traps
 * @param seconds    wall time (s)
 */
public record DeviceExtraction(CharacterisationData data, CompactExtraction.Result result, ProgrammingErrorFit prog,
                               ReadTrace.Requirement trace, double seconds) {

    /** Bootstrap resamples of the extraction. */
    public static final int BOOTSTRAP = 100;
    static final int PROG_LEVELS = 8;
    static final int PROG_DEVICES = 32;

    public static DeviceExtraction run(DeviceCaseFile c, int threads, IntConsumer progress) {
        long t0 = System.nanoTime();
        CharacterisationData data = Characterisation.runWithDenoising(c.protocol(), c::create, c.readVoltage(),
                c.devices(), c.seed(), threads, progress);
        CompactExtraction.Result result = CompactExtraction.extract(data, BOOTSTRAP, c.seed());
        ProgrammingErrorFit prog = programmingError(result.device(), c.seed(), threads);
        return new DeviceExtraction(data, result, prog, traceRequirement(c), (System.nanoTime() - t0) * 1e-9);
    }

    /** The requirement on the case's characterisation trace from its traps' lifetimes, null without traps. */
    public static ReadTrace.Requirement traceRequirement(DeviceCaseFile c) {
        CharacterisationData.Protocol p = c.protocol();
        return c.traps() == null ? null
                : ReadTrace.requirement(c.traps(), c.readVoltage(), p.readWidth(), p.traceInterval(), p.traceReads());
    }

    /** σ(G_read − G_target) of write-verify at each of {@value #PROG_LEVELS} levels, fitted. */
    static ProgrammingErrorFit programmingError(CompactDeviceParameters p, long seed, int threads) {
        double[] levels = CrossbarProgramming.levels(p, PROG_LEVELS);
        double[] targets = new double[PROG_LEVELS * PROG_DEVICES];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = levels[i % PROG_LEVELS];
        }
        CrossbarProgramming.Outcome o = CrossbarProgramming.program(ProgrammingScheme.WRITE_VERIFY, p, targets,
                levels[1] - levels[0], seed, threads);
        double[] sigma = new double[PROG_LEVELS];
        for (int k = 0; k < PROG_LEVELS; k++) {
            double s = 0;
            for (int i = k; i < targets.length; i += PROG_LEVELS) {
                double e = o.reads()[i] - o.targets()[i];
                s += e * e;
            }
            sigma[k] = Math.sqrt(s / PROG_DEVICES);
        }
        return ProgrammingErrorFit.of(levels, sigma, p.gMax());
    }

    /** The compact.json document of the extraction of case {@code c}. */
    public Map<String, Object> compactDocument(DeviceCaseFile c) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("case", c.name());
        source.put("thermal_noise", c.model().thermalNoise());
        source.put("simulator", "FilmDevice: plan-view Allen-Cahn film with transient Joule heating and Arrhenius ion hopping");
        source.put("devices", result.devices());
        source.put("cycles", data.protocol().cycles());
        source.put("train_pulses", data.protocol().trainPulses());
        source.put("bootstrap", result.bootstrap());
        source.put("read_trace_s", data.protocol().traceReads() * data.protocol().traceInterval());
        source.put("read_interval_s", data.protocol().traceInterval());
        if (trace != null) {
            source.put("read_trace_required_s", trace.minDuration());
            source.put("read_interval_required_s", trace.maxInterval());
            if (!trace.met()) {
                source.put("warning", trace.shortfall());
            }
        }
        return CompactDeviceFile.document(result, prog, source);
    }
}
