package org.hafnia.solver.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.InvalidInputException;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.physics.electrostatics.ConductingFilm;
import org.hafnia.solver.linear.StencilPreconditioner;
import org.junit.jupiter.api.Test;

/**
 * One device's solves on one {@link PulseSolves}: the operators re-assembled and the
 * preconditioners refactored in place give, read after read and pulse after pulse, the bits of
 * fresh solves from the same guess (tolerance 0: the same operations on the same numbers), and
 * after the first solve no array is allocated.
 */
class PulseSolvesTest {

    private static final Grid3D GRID = new Grid3D(16, 16, 6, 1, 1, 0.8, LengthUnit.NANOMETRE);

    /** A filament of radius r (nodes), σ contrast 2.5e4. */
    private static ConductingFilm film(double r) {
        double[] s = new double[GRID.size()];
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 16; j++) {
                for (int i = 0; i < 16; i++) {
                    s[GRID.index(i, j, k)] = Math.hypot(i - 7.3, j - 8.1) < r - 0.2 * k ? 5e4 : 2.0;
                }
            }
        }
        return new ConductingFilm(GRID, s);
    }

    private static double[] conductivity(double k) {
        double[] c = new double[GRID.size()];
        java.util.Arrays.fill(c, k);
        return c;
    }

    private static void assertSameBits(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int p = 0; p < expected.length; p++) {
            assertThat(Double.doubleToRawLongBits(actual[p])).as("cell %d", p).isEqualTo(Double.doubleToRawLongBits(expected[p]));
        }
    }

    @Test
    void repeatedSolvesOnOneWorkspaceHaveTheBitsOfFreshSolves() {
        for (StencilPreconditioner m : StencilPreconditioner.values()) {
            DeviceConductance g = new DeviceConductance(1e-10, 10_000, m);
            JouleHeating h = new JouleHeating(1e-10, 10_000, m);
            PulseSolves kept = new PulseSolves(g, h);
            double[] previousV = null;
            double[] previousT = null;
            double[] volts = {0.3, 0.3, -0.15, 0.5};
            double[] radii = {3.0, 3.4, 3.4, 2.6};
            double[] k = {0.7, 0.7, 1.1, 0.7};
            for (int n = 0; n < volts.length; n++) {
                ConductingFilm f = film(radii[n]);
                // Warm starts from the previous pulse on odd pulses, cold on even ones.
                double[] guessV = n % 2 == 1 ? previousV : null;
                double[] guessT = n % 2 == 1 ? previousT : null;
                DeviceConductance.Read fresh = g.read(f, volts[n], guessV);
                JouleHeating.Temperature freshT = h.solve(f, fresh, conductivity(k[n]), 300 + n, guessT);
                DeviceConductance.Read read = kept.read(f, volts[n], guessV);
                assertThat(read.conductance()).isEqualTo(fresh.conductance());
                assertThat(read.solve().iterations()).isEqualTo(fresh.solve().iterations());
                assertSameBits(read.potential(), fresh.potential());
                JouleHeating.Temperature t = kept.heat(f, read, conductivity(k[n]), 300 + n, guessT);
                assertThat(t.power()).isEqualTo(freshT.power());
                assertThat(t.heatOut()).isEqualTo(freshT.heatOut());
                assertSameBits(t.temperature(), freshT.temperature());
                previousV = read.potential().clone();
                previousT = t.temperature().clone();
            }
        }
    }

    @Test
    void aWarmWorkspaceAllocatesNoArrayPerSolve() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PulseSolves kept = new PulseSolves(DeviceConductance.DEFAULT, JouleHeating.DEFAULT);
        ConductingFilm f = film(3.0);
        double[] k = conductivity(0.7);
        DeviceConductance.Read read = kept.read(f, 0.3, null);
        kept.heat(f, read, k, 300, null);
        long id = Thread.currentThread().getId();
        int solves = 6;
        long before = mx.getThreadAllocatedBytes(id);
        for (int n = 0; n < solves; n++) {
            read = kept.read(f, 0.3, read.potential());
            kept.heat(f, read, k, 300, null);
        }
        long perSolve = (mx.getThreadAllocatedBytes(id) - before) / solves;
        // One array of the film is 8 bytes × 1536 cells; a fresh read and heat solve make about twenty.
        // What may remain: the few small records of each solve (boundary conditions, reports, results).
        assertThat(perSolve).isLessThan(8L * GRID.size() / 4);
    }

    @Test
    void anElectrodeTemperatureThatIsNotPositiveIsRefused() {
        PulseSolves solves = new PulseSolves(DeviceConductance.DEFAULT, JouleHeating.DEFAULT);
        ConductingFilm f = film(3.0);
        DeviceConductance.Read read = solves.read(f, 0.2, null);
        for (double ambient : new double[] {0, -1, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> solves.heat(f, read, conductivity(0.7), ambient, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("electrode temperature");
        }
        assertThat(solves.heat(f, read, conductivity(0.7), 1e-3, null).temperature()).isNotEmpty();
    }
}
