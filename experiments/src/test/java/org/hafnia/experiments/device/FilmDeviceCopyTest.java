package org.hafnia.experiments.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.hafnia.solver.device.FilmDevice;
import org.junit.jupiter.api.Test;

/**
 * {@link FilmDevice#copy()} on the default case (32 × 32 nodes, with its charge traps and read
 * noise): a copy and the original driven alike give the same reads, conductance, map and
 * temperatures bit for bit, and driving the copy leaves the original as it was.
 */
class FilmDeviceCopyTest {

    private static final DeviceCaseFile CASE = DeviceCaseFile.defaultCase();

    /** Pulses of both polarities, reads and waits: heat, kinetics, traps and read noise all move. */
    private static double[] drive(FilmDevice d) {
        double v = CASE.protocol().vSet();
        double w = CASE.protocol().pulseWidth();
        double[] reads = new double[8];
        for (int k = 0; k < 4; k++) {
            d.pulse(k % 2 == 0 ? v : -0.8 * v, w);
            reads[2 * k] = d.read();
            d.idle(1e-6 * (k + 1));
            reads[2 * k + 1] = d.read();
        }
        return reads;
    }

    @Test
    void aCopyDrivenLikeTheOriginalReadsTheSameBitsAndDrivingItLeavesTheOriginal() {
        FilmDevice original = CASE.device(11);
        drive(original);
        FilmDevice copy = original.copy();
        double[] phi = original.phi();
        double[] temperature = original.temperature();
        double g = original.conductance();
        double t = original.time();

        double[] copyReads = drive(copy);
        assertThat(original.phi()).containsExactly(phi);
        assertThat(original.temperature()).containsExactly(temperature);
        assertThat(original.conductance()).isEqualTo(g);
        assertThat(original.time()).isEqualTo(t);

        double[] originalReads = drive(original);
        assertThat(originalReads).containsExactly(copyReads);
        assertThat(original.phi()).containsExactly(copy.phi());
        assertThat(original.temperature()).containsExactly(copy.temperature());
        assertThat(original.conductance()).isEqualTo(copy.conductance());
        assertThat(original.time()).isEqualTo(copy.time());
    }

    /** Control: the copy carries the history; a fresh device of the same seed driven alike reads otherwise. */
    @Test
    void aCopyIsNotAFreshDeviceOfTheSameSeed() {
        FilmDevice original = CASE.device(11);
        drive(original);
        double[] copyReads = drive(original.copy());
        double[] freshReads = drive(CASE.device(11));
        for (int k = 0; k < copyReads.length; k++) {
            assertThat(copyReads[k]).isNotEqualTo(freshReads[k]);
        }
    }
}
