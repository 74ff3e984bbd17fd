package org.hafnia.experiments.array;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.hafnia.experiments.device.DeviceCaseFile;
import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.experiments.programming.DevicePopulation;
import org.hafnia.experiments.programming.ProgrammingScheme;
import org.hafnia.physics.compact.CompactDeviceParameters;

/**
 * Everything an {@link ArrayStudy} is built from, as plain serializable values: the case text
 * (not a parsed case), the scheme's label, the numbers of what the scheme knows and the options.
 * An engine ships it to its workers, which rebuild the study with {@link #study()}; the local
 * engine builds its study the same way, so every engine runs the same devices from the same
 * values, bit for bit (doubles travel as doubles, never through text).
 *
 * @param caseText     the device case file's text
 * @param caseSource   what names the case in errors (its path, or the shipped name)
 * @param caseStem     the default case name (file name less .json)
 * @param scheme       programming scheme label ({@link ProgrammingScheme#of})
 * @param model        the components of the scheme's mean device ({@link CompactDeviceParameters}, in
 *                     record order)
 * @param spacing      level spacing (S); the verify tolerance and the pulse budget are the scheme's
 *                     ({@link ProgrammingScheme#settings}: a quarter of it, {@link CrossbarProgramming#MAX_PULSES})
 * @param eaSpread     σ of the activation energy over devices (eV)
 * @param delay        idle time between programming and the reads (s)
 * @param reads        reads after the delay
 * @param readInterval time between those reads (s)
 * @param rows         array rows
 * @param cols         array columns
 * @param levels       the N target levels (S)
 * @param batch        devices per batch
 * @param denoiseTrain pulses per denoising train of write-verify-denoise (0: none), negative for the model's
 */
public record ArrayRecipe(String caseText, String caseSource, String caseStem, String scheme, double[] model,
                          double spacing, double eaSpread, double delay, int reads,
                          double readInterval, int rows, int cols, double[] levels, int batch, int denoiseTrain)
        implements Serializable {

    /** 3: with the denoising train's length (2: without tolerance and budget, derived by the scheme's settings). */
    private static final long serialVersionUID = 3L;

    public ArrayRecipe {
        model = model.clone();
        levels = levels.clone();
    }

    /** The components of {@code p}, in record order (the canonical constructor's). */
    public static double[] components(CompactDeviceParameters p) {
        RecordComponent[] rc = CompactDeviceParameters.class.getRecordComponents();
        double[] v = new double[rc.length];
        try {
            for (int i = 0; i < rc.length; i++) {
                v[i] = (double) rc[i].getAccessor().invoke(p);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return v;
    }

    /** The mean device the scheme knows, rebuilt from {@link #model}. */
    public CompactDeviceParameters parameters() {
        Class<?>[] types = new Class<?>[model.length];
        Arrays.fill(types, double.class);
        Object[] args = new Object[model.length];
        for (int i = 0; i < model.length; i++) {
            args[i] = model[i];
        }
        try {
            Constructor<CompactDeviceParameters> c = CompactDeviceParameters.class.getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The device case. */
    public DeviceCaseFile deviceCase() {
        return DeviceCaseFile.parse(caseText, caseSource, caseStem);
    }

    /**
     * The study of this recipe. What the scheme knows: the compact model, and the calibration a
     * scheme needs (reset-voltage-control, feedforward) measured on reference devices of that model,
     * seeded from the case seed as {@code hafnia program} seeds them
     * ({@link CrossbarProgramming#referenceSeed}), so that every worker measures the same.
     */
    public ArrayStudy study() {
        DeviceCaseFile c = deviceCase();
        ProgrammingScheme s = ProgrammingScheme.of(scheme);
        ProgrammingScheme.Settings settings = s.settings(DevicePopulation.compact(c.name(), parameters()), spacing,
                CrossbarProgramming.referenceSeed(c.seed())).withDenoiseTrain(denoiseTrain);
        ArrayDevice.Common common = new ArrayDevice.Common(c, s, settings, eaSpread, delay, reads, readInterval);
        return new ArrayStudy(common, rows, cols, levels, c.seed(), batch);
    }

    /** Equal when every value is: the arrays by their elements (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayRecipe r && caseText.equals(r.caseText) && caseSource.equals(r.caseSource)
                && caseStem.equals(r.caseStem) && scheme.equals(r.scheme) && Arrays.equals(model, r.model)
                && Double.compare(spacing, r.spacing) == 0 && Double.compare(eaSpread, r.eaSpread) == 0
                && Double.compare(delay, r.delay) == 0 && reads == r.reads && Double.compare(readInterval, r.readInterval) == 0
                && rows == r.rows && cols == r.cols && Arrays.equals(levels, r.levels) && batch == r.batch
                && denoiseTrain == r.denoiseTrain;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(caseText, scheme, Arrays.hashCode(model), spacing, rows, cols, Arrays.hashCode(levels), batch,
                denoiseTrain);
    }

    @Override
    public double[] model() {
        return model.clone();
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }
}
