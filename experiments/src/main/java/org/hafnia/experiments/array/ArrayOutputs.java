package org.hafnia.experiments.array;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hafnia.experiments.programming.CrossbarProgramming;
import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.io.Hdf5Writer;
import org.hafnia.postprocess.io.Json;
import org.hafnia.postprocess.io.ParquetTable;
import org.hafnia.postprocess.io.StagedOutput;
import org.hafnia.postprocess.plots.BandedScale;
import org.hafnia.postprocess.plots.ColourMap;
import org.hafnia.postprocess.plots.HeatmapFigure;
import org.hafnia.postprocess.plots.LineFigure;

/**
 * The files of one array study: devices.parquet (one row per device), array.json (figures of
 * merit), array.h5 (maps of target, error and read σ over the array), levels.png (per level: the
 * mean error and its ± σ band against the target; σ against G) and array-map.png. The level
 * statistics are those of {@link CrossbarProgramming#merit}: the first read after the delay of
 * every device, σ per level over the devices of that level.
 */
public final class ArrayOutputs {

    private ArrayOutputs() {
    }

    /** The figures of merit of the devices programmed to {@code levels} inside {@code window}. */
    public static CrossbarProgramming.Merit merit(ArrayDevice.Result[] d, double[] levels, double[] window) {
        int n = d.length;
        double[] targets = new double[n];
        double[] reads = new double[n];
        int[] pulses = new int[n];
        double[] energy = new double[n];
        double[] time = new double[n];
        int failures = 0;
        for (int i = 0; i < n; i++) {
            targets[i] = d[i].target();
            reads[i] = d[i].readFirst();
            pulses[i] = d[i].pulses();
            energy[i] = d[i].energy();
            time[i] = d[i].time();
            failures += d[i].converged() ? 0 : 1;
        }
        return CrossbarProgramming.merit(new CrossbarProgramming.Outcome(targets, reads, pulses, energy, time, failures,
                new double[2], new double[0], 0),
                levels, window);
    }

    /** The array.json document (keys of issue 14, more added). */
    public static Map<String, Object> summary(ArrayDevice.Result[] d, int rows, int cols, double[] levels, double[] window,
                                              String scheme, String engine, double wall, Map<String, Object> extra) {
        CrossbarProgramming.Merit m = merit(d, levels, window);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("devices", d.length);
        r.put("rows", rows);
        r.put("cols", cols);
        r.put("levels", levels.length);
        r.put("scheme", scheme);
        // σ per level needs two devices of that level; with fewer the count is not defined (null).
        r.put("levels_distinguishable", d.length >= 2L * levels.length ? m.levelsDistinguishable() : null);
        r.put("devices_per_level", (double) d.length / levels.length);
        r.put("sigma_S", m.sigmaMean());
        r.put("rmse_percent", m.rmsePercent());
        r.put("yield", 1.0 - (double) m.failures() / d.length);
        r.put("failures", m.failures());
        r.put("pulses_mean", m.pulsesMean());
        r.put("pulses_max", m.pulsesMax());
        r.put("programming_time_s_mean", m.timeMean());
        r.put("energy_J_mean", m.energyMean());
        double before = 0;
        double after = 0;
        for (ArrayDevice.Result x : d) {
            before += x.telegraphBefore();
            after += x.telegraph();
        }
        r.put("telegraph_amplitude_before_denoising_S_mean", before / d.length);
        r.put("telegraph_amplitude_S_mean", after / d.length);
        r.put("window_S", window);
        r.put("wall_s", wall);
        r.put("engine", engine);
        r.putAll(extra);
        return r;
    }

    /**
     * Stages every file of the study in {@code dir}, under {@code prefix} ("" for the folder
     * itself, {@code "write-verify/"} for a subfolder); the caller commits the set
     * ({@link StagedOutput#commit}), with whatever else it staged, as one.
     */
    public static void write(StagedOutput dir, String prefix, ArrayDevice.Result[] d, int rows, int cols, double[] levels,
                             double[] window, Map<String, Object> summary) {
        int n = d.length;
        int[] row = new int[n];
        int[] col = new int[n];
        long[] seed = new long[n];
        int[] pulses = new int[n];
        String[] status = new String[n];
        double[][] c = new double[9][n];
        for (int i = 0; i < n; i++) {
            ArrayDevice.Result r = d[i];
            row[i] = r.row();
            col[i] = r.col();
            seed[i] = r.seed();
            pulses[i] = r.pulses();
            status[i] = r.converged() ? "converged" : "not-converged";
            double[] v = {r.target(), r.finalG(), r.readFirst(), r.readMean(), r.readSigma(), r.telegraph(), r.time(),
                r.energy(), r.telegraphBefore()};
            for (int k = 0; k < c.length; k++) {
                c[k][i] = v[k];
            }
        }
        new ParquetTable("device", n).ints("row", row).ints("col", col).longs("seed", seed)
                .doubles("target_S", c[0]).doubles("final_G_S", c[1]).doubles("read_S", c[2])
                .doubles("read_mean_S", c[3]).doubles("read_sigma_S", c[4]).doubles("telegraph_amplitude_S", c[5])
                .doubles("telegraph_amplitude_before_denoising_S", c[8])
                .ints("pulses", pulses).doubles("programming_time_s", c[6]).doubles("energy_J", c[7])
                .strings("status", status).write(dir.file(prefix + "devices.parquet"));
        dir.write(prefix + "array.json", Json.content(summary));

        Grid2D g = new Grid2D(cols, rows, 1, 1, LengthUnit.REDUCED);
        double[] target = new double[n];
        double[] error = new double[n];
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            target[i] = 1e6 * d[i].target();
            error[i] = 1e6 * (d[i].readFirst() - d[i].target());
            sigma[i] = 1e6 * d[i].readSigma();
        }
        Map<String, Object> unit = Map.of("unit", "µS");
        new Hdf5Writer().attribute("scheme", String.valueOf(summary.get("scheme")))
                .attribute("rows", rows, "1").attribute("cols", cols, "1").attribute("levels", levels.length, "1")
                .dataset("/target", rows(target, rows, cols), unit)
                .dataset("/error", rows(error, rows, cols), unit)
                .dataset("/sigma", rows(sigma, rows, cols), unit)
                .write(dir.file(prefix + "array.h5"));

        double emax = 1e-9;
        for (double e : error) {
            emax = Math.max(emax, Math.abs(e));
        }
        new HeatmapFigure(new BandedScale(-emax, emax, 16, ColourMap.BLUE_WHITE_RED), "read − target (µS)")
                .panel("error over the array (column →, row ↑)", new ScalarField2D(g, error))
                .writePng(dir.file(prefix + "array-map.png"), summary.get("scheme") + ": " + rows + " × " + cols);
        levelsFigure(dir.file(prefix + "levels.png"), d, levels);
    }

    private static double[][] rows(double[] v, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(v, r * cols, out[r], 0, cols);
        }
        return out;
    }

    /** Per level: mean error and mean ± σ against the target; σ against the mean read G. */
    private static void levelsFigure(Path file, ArrayDevice.Result[] d, double[] levels) {
        int nl = levels.length;
        double[] sum = new double[nl];
        double[] sumSq = new double[nl];
        int[] count = new int[nl];
        for (ArrayDevice.Result r : d) {
            int k = java.util.Arrays.binarySearch(levels, r.target());
            k = k >= 0 ? k : 0;
            double e = r.readFirst() - r.target();
            sum[k] += e;
            sumSq[k] += e * e;
            count[k]++;
        }
        int used = 0;
        for (int k = 0; k < nl; k++) {
            used += count[k] > 0 ? 1 : 0;
        }
        double[] x = new double[used];
        double[] mean = new double[used];
        double[] lo = new double[used];
        double[] hi = new double[used];
        double[] sig = new double[used];
        double[] g = new double[used];
        int j = 0;
        for (int k = 0; k < nl; k++) {
            if (count[k] == 0) {
                continue;
            }
            double m = sum[k] / count[k];
            double s = count[k] > 1 ? Math.sqrt(Math.max(0, (sumSq[k] - count[k] * m * m) / (count[k] - 1))) : 0;
            x[j] = 1e6 * levels[k];
            mean[j] = 1e6 * m;
            lo[j] = 1e6 * (m - s);
            hi[j] = 1e6 * (m + s);
            sig[j] = 1e6 * s;
            g[j] = 1e6 * (levels[k] + m);
            j++;
        }
        double spacing = nl > 1 ? 1e6 * (levels[1] - levels[0]) : 0;
        double[] half = new double[used];
        double[] minusHalf = new double[used];
        java.util.Arrays.fill(half, spacing / 2);
        java.util.Arrays.fill(minusHalf, -spacing / 2);
        LineFigure err = new LineFigure("Read − target per level (" + nl + " levels)", "target G (µS)", "error (µS)")
                .series("mean", x, mean).series("mean − σ", x, lo).series("mean + σ", x, hi)
                .series("± half level spacing", x, half).series(" ", x, minusHalf);
        // One point per level at its mean read: the reads are not in target order, so no connecting line.
        LineFigure sg = new LineFigure("Read spread over devices per level", "read G (µS)", "σ (µS)").scatter()
                .series("σ", g, sig).series("half level spacing", g, half);
        LineFigure.writePngRow(file, List.of(err, sg), 1400, 600);
    }
}
