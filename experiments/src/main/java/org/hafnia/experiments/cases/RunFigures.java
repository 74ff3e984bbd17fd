package org.hafnia.experiments.cases;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongToDoubleFunction;

import org.hafnia.postprocess.plots.LineFigure;
import org.hafnia.solver.checkpoint.Checkpoint;

/**
 * The two figures every {@code hafnia run} writes, for the 3D run ({@link CaseRun}) and the device
 * run ({@link DeviceRun}) alike: {@code conductance.png} (G at the read voltage after each pulse)
 * and {@code energy.png} (F − F(0) against time, so that a 0.1 % change fills the axis).
 */
final class RunFigures {

    private RunFigures() {
    }

    /**
     * Writes both figures into {@code out}.
     *
     * @param seconds the time (s) of an energy sample's step
     * @param unit    the unit of the free energy
     */
    static void write(Path out, String name, List<Checkpoint.Read> reads, List<Checkpoint.EnergySample> energies,
                      LongToDoubleFunction seconds, String unit) {
        if (!reads.isEmpty()) {
            double[] n = new double[reads.size()];
            double[] g = new double[reads.size()];
            for (int k = 0; k < n.length; k++) {
                n[k] = reads.get(k).pulse();
                g[k] = reads.get(k).values()[2] * 1e6;
            }
            new LineFigure(name + ": conductance after each pulse", "pulse", "G (µS)")
                    .series("G at the read voltage", n, g).markers(true).integerX()
                    .writePng(out.resolve("conductance.png"), 900, 560);
        }
        double[] t = new double[energies.size()];
        double[] f = new double[energies.size()];
        double f0 = energies.isEmpty() ? 0 : energies.get(0).energy();
        for (int k = 0; k < t.length; k++) {
            t[k] = seconds.applyAsDouble(energies.get(k).step());
            f[k] = energies.get(k).energy() - f0;
        }
        new LineFigure(String.format(Locale.ROOT, "%s: free energy, F(0) = %.6g %s", name, f0, unit), "time",
                "F − F(0) (" + unit + ")").series("F[φ] − F(0)", t, f).timeX()
                .writePng(out.resolve("energy.png"), 900, 560);
    }
}
