package org.hafnia.experiments.characterisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;

import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plan-view phase-field device: read-out formula, polarity, seeding. */
class PhaseFieldDeviceTest {

    static DeviceCase tiny;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = PhaseFieldDeviceTest.class.getResourceAsStream("/cases/tiny-device.json")) {
            tiny = DeviceCase.parse(Json.mapper().readTree(in), "tiny-device.json");
        }
    }

    @Test
    void columnConductanceIsLogLinearBetweenThePhases() {
        PhaseFieldDevice d = new PhaseFieldDevice(tiny, 1);
        double area = tiny.spacing() * tiny.spacing();
        double on = tiny.sigmaOn() * area / tiny.thickness();
        double off = tiny.sigmaOff() * area / tiny.thickness();
        assertThat(d.column(1)).isCloseTo(on, within(1e-12 * on));
        assertThat(d.column(0)).isCloseTo(off, within(1e-12 * off));
        assertThat(d.column(0.5)).isCloseTo(Math.sqrt(on * off), within(1e-12 * on));
    }

    @Test
    void setPulsesRaiseAndResetPulsesLowerTheConductance() {
        PhaseFieldDevice d = new PhaseFieldDevice(tiny, 1);
        for (int k = 0; k < 40; k++) {
            d.pulse(tiny.protocol().vReset(), tiny.protocol().pulseWidth());
        }
        double low = d.conductances()[0];
        for (int k = 0; k < 40; k++) {
            d.pulse(tiny.protocol().vSet(), tiny.protocol().pulseWidth());
        }
        double high = d.conductances()[0];
        for (int k = 0; k < 40; k++) {
            d.pulse(tiny.protocol().vReset(), tiny.protocol().pulseWidth());
        }
        assertThat(high).isGreaterThan(1.05 * low);
        assertThat(d.conductances()[0]).isLessThan(high);
    }

    @Test
    void aSeedFixesTheDeviceAndDifferentSeedsDiffer() {
        double[] a = reads(new PhaseFieldDevice(tiny, 7));
        double[] b = reads(new PhaseFieldDevice(tiny, 7));
        double[] c = reads(new PhaseFieldDevice(tiny, 8));
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    private static double[] reads(PhaseFieldDevice d) {
        double[] r = new double[20];
        for (int i = 0; i < r.length; i++) {
            d.pulse(i % 2 == 0 ? 1.0 : -0.7, 1e-7);
            r[i] = d.read();
        }
        return r;
    }

    /**
     * Rao et al. 2023: subthreshold pulses dissolve the incomplete, trap-laden fringe that SET
     * leaves around the complete channel, so the read noise relative to G falls. The tiny case
     * falls by about 2.4×; a 2 000-read trace with telegraph dwells of ≈ 40 reads has ≈ 50
     * independent dwells, so σ is known to ≈ 10 %, and the bound 0.7 leaves room for that.
     */
    @Test
    void denoisingPulsesLowerTheRelativeReadNoise() {
        var p = tiny.protocol();
        double before = 0;
        double after = 0;
        for (long seed = 1; seed <= 3; seed++) {
            PhaseFieldDevice d = new PhaseFieldDevice(tiny, seed);
            for (int k = 0; k < p.trainPulses(); k++) {
                d.pulse(p.vReset(), p.pulseWidth());
            }
            for (int k = 0; k < p.trainPulses() / 2; k++) {
                d.pulse(p.vSet(), p.pulseWidth());
            }
            double incBefore = d.conductances()[1] / d.conductances()[0];
            before += relativeSigma(d, 2000);
            for (int k = 0; k < 40; k++) {
                d.pulse(p.vDenoise(), p.denoiseWidth());
            }
            assertThat(d.conductances()[1] / d.conductances()[0]).isLessThan(incBefore);
            after += relativeSigma(d, 2000);
        }
        assertThat(after).isLessThan(0.7 * before);
    }

    private static double relativeSigma(PhaseFieldDevice d, int reads) {
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < reads; i++) {
            d.idle(tiny.protocol().traceInterval());
            double x = d.read();
            s += x;
            s2 += x * x;
        }
        double m = s / reads;
        return Math.sqrt(s2 / reads - m * m) / m;
    }

    @Test
    void restMobilityFollowsArrhenius() {
        // exp(−Ea/kB (1/T_room − 1/T_pulse)) for the case's Ea = 1.2 eV, 300 K, 600 K;
        // kB = 1.380649e-23 J/K / 1.602176634e-19 C (CODATA 2018, exact).
        double expected = Math.exp(-1.2 / (1.380649e-23 / 1.602176634e-19) * (1.0 / 300 - 1.0 / 600));
        assertThat(tiny.restMobilityRatio()).isCloseTo(expected, within(1e-12 * expected));
    }
}
