package org.hafnia.experiments.characterisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.hafnia.physics.compact.ResistiveDevice;
import org.hafnia.postprocess.export.AihwkitConfig;
import org.hafnia.postprocess.export.ProgrammingErrorFit;
import org.hafnia.postprocess.extraction.CharacterisationData;
import org.hafnia.postprocess.extraction.CompactExtraction;
import org.hafnia.postprocess.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The exported {@code PiecewiseStepDevice} reproduces the extracted response under aihwkit's own
 * documented update rule (aihwkit {@code PiecewiseStepDevice} and {@code PulsedDevice} docs):
 * w ← w + d·dw_min·(1 + d·up_down)·((1 − q) v(i_w) + q v(i_w + 1)), d = ±1, v the
 * {@code piecewise_up}/{@code piecewise_down} nodes equally spaced over [w_min, w_max], q the
 * position of w between them, w clipped to the bounds; here without the noise terms (the mean
 * device). The ensemble has a SET response with an onset (logistic growth) and an exponential
 * RESET, the shapes the phase-field device shows.
 */
class AihwkitExportReproducesResponseTest {

    static CompactExtraction.Result result;
    static JsonNode device;

    /** SET: du = r(u + ε)(1 − u) (onset ≈ ln(0.1/ε)/r = 26 pulses); RESET: du = −r_d·u. */
    static final class OnsetDevice implements ResistiveDevice {
        private final SplittableRandom random;
        private final double gMin;
        private final double gMax;
        private final double scale;
        private double u;
        private double time;

        OnsetDevice(long seed) {
            random = new SplittableRandom(seed);
            gMin = 50e-6 * (1 + 0.03 * random.nextGaussian());
            gMax = 150e-6 * (1 + 0.03 * random.nextGaussian());
            scale = 1 + 0.05 * random.nextGaussian();
        }

        @Override
        public void pulse(double amplitude, double width) {
            time += width;
            double drive = Math.abs(amplitude) >= 0.5 ? Math.abs(amplitude) : 0;
            if (amplitude > 0) {
                u += drive * scale * 0.15 * (u + 0.002) * (1 - u);
            } else {
                u -= drive * scale * 0.12 * u;
            }
            u = Math.max(0, Math.min(1, u));
        }

        @Override
        public double read() {
            time += 1e-6;
            return (gMin + u * (gMax - gMin)) * (1 + 0.002 * random.nextGaussian());
        }

        @Override
        public void idle(double seconds) {
            time += seconds;
        }

        @Override
        public double time() {
            return time;
        }
    }

    /**
     * A device whose trains jump over the middle of its range, as the default film device does
     * (SET 27 → 123 µS in one pulse): from u < ½ a SET pulse goes to u = 0.8, above it the state
     * creeps, du = 0.2(1 − u); RESET likewise to u = 0.3, then du = −0.2u. No step starts within
     * |u − ½| ≤ 0.1, where dw_min was measured.
     */
    static final class JumpDevice implements ResistiveDevice {
        private final SplittableRandom random;
        private double u;
        private double time;

        JumpDevice(long seed) {
            random = new SplittableRandom(seed);
        }

        @Override
        public void pulse(double amplitude, double width) {
            time += width;
            if (amplitude >= 0.5) {
                u = u < 0.5 ? 0.8 : u + 0.2 * (1 - u);
            } else if (amplitude <= -0.5) {
                u = u > 0.5 ? 0.3 : u - 0.2 * u;
            }
        }

        @Override
        public double read() {
            time += 1e-6;
            return (40e-6 + u * 110e-6) * (1 + 0.002 * random.nextGaussian());
        }

        @Override
        public void idle(double seconds) {
            time += seconds;
        }

        @Override
        public double time() {
            return time;
        }
    }

    @Test
    void aDeviceThatJumpsOverMidRangeGetsAFiniteDwMinAndTable() throws Exception {
        CharacterisationData.Protocol protocol = new CharacterisationData.Protocol(
                1.0, -1.0, 1e-6, 20, 2, 0.05, 0.15, 1e-6, 200, 2e-4, -0.3, 1e-6, 10,
                new double[] {1, 10}, 5, new double[] {0.6, 0.8, 1.0}, 2);
        CompactExtraction.Result jump = CompactExtraction.extract(
                Characterisation.run(protocol, JumpDevice::new, 4, 11, 1, i -> { }), 30, 5);
        JsonNode d = Json.mapper().readTree(Json.toText(AihwkitConfig.document(jump,
                new ProgrammingErrorFit(1, 0, 0, jump.value("g_max"), 0.01)))).get("PiecewiseStepDevice");
        // dw_min is the mean mid-range crossing: SET from u ≈ 0.3·0.8^19 ≈ 0 to 0.8 and RESET from
        // u ≈ 1 to 0.3, in weight units Δ⁺ + |Δ⁻| ≈ 0.8 + 0.7 (before: 0, and every table entry NaN).
        assertThat(d.get("dw_min").asDouble()).isCloseTo(1.5, within(0.1));
        assertThat(d.get("up_down").asDouble()).isCloseTo(0.1 / 1.5, within(0.05));
        for (String key : new String[] {"piecewise_up", "piecewise_down"}) {
            for (double x : nodes(d, key)) {
                assertThat(x).as(key).isFinite().isNotNegative();
            }
        }
        // Not asserted, because it does not hold: the fitted table does not reproduce the jump
        // (the rule reaches 95 % in 2 pulses where the extracted count is 7.4; docs/real-clients.md).
    }

    @BeforeAll
    static void extractAndExport() throws Exception {
        CharacterisationData.Protocol protocol = new CharacterisationData.Protocol(
                1.0, -1.0, 1e-6, 90, 2, 0.05, 0.15, 1e-6, 200, 2e-4, -0.3, 1e-6, 10,
                new double[] {1, 10}, 5, new double[] {0.6, 0.8, 1.0}, 2);
        result = CompactExtraction.extract(Characterisation.run(protocol, OnsetDevice::new, 8, 11, 1, i -> { }), 30, 5);
        ProgrammingErrorFit prog = new ProgrammingErrorFit(1, 0, 0, result.value("g_max"), 0.01);
        device = Json.mapper().readTree(Json.toText(AihwkitConfig.document(result, prog))).get("PiecewiseStepDevice");
    }

    /** Pulses (fractional crossing) for aihwkit's rule to cover {@code level} of the range from {@code start} (0 … 1). */
    static double rulePulses(double[] v, int direction, double start, double level) {
        double dwMin = device.get("dw_min").asDouble();
        double upDown = device.get("up_down").asDouble();
        double wMin = device.get("w_min").asDouble();
        double wMax = device.get("w_max").asDouble();
        double w = direction > 0 ? wMin + start * (wMax - wMin) : wMax - start * (wMax - wMin);
        for (int k = 1; k <= 1000; k++) {
            double x = (w - wMin) / (wMax - wMin) * (v.length - 1);
            int i = Math.min(v.length - 2, (int) x);
            double q = x - i;
            double next = w + direction * dwMin * (1 + direction * upDown) * ((1 - q) * v[i] + q * v[i + 1]);
            next = Math.max(wMin, Math.min(wMax, next));
            double before = direction > 0 ? (w - wMin) / (wMax - wMin) : (wMax - w) / (wMax - wMin);
            double after = direction > 0 ? (next - wMin) / (wMax - wMin) : (wMax - next) / (wMax - wMin);
            if (after >= level) {
                return k - 1 + (level - before) / (after - before);
            }
            w = next;
        }
        return Double.NaN;
    }

    /** Fractional pulse at which the extracted mean train first reaches {@code level}. */
    static double trainPulses(double[] curve, double level) {
        for (int k = 1; k < curve.length; k++) {
            if (curve[k] >= level) {
                return k - 1 + (level - curve[k - 1]) / (curve[k] - curve[k - 1]);
            }
        }
        return Double.NaN;
    }

    private static double[] nodes(String key) {
        return nodes(device, key);
    }

    private static double[] nodes(JsonNode device, String key) {
        double[] v = new double[device.get(key).size()];
        for (int j = 0; j < v.length; j++) {
            v[j] = device.get(key).get(j).asDouble();
        }
        return v;
    }

    @Test
    void setPulsesToNinetyFivePercentAndTheOnsetAreTheExtracted() {
        double[] curve = result.ltpCurve();
        double start = Math.max(0, curve[0]);
        // The extracted count is the mean over trains of the first pulse at or above 95 %, so the
        // rule's is its first such pulse; within the bootstrap uncertainty plus one pulse (a mean of
        // integers against one integer).
        assertThat(Math.ceil(rulePulses(nodes("piecewise_up"), 1, start, 0.95))).isCloseTo(result.value("pulses_ltp"),
                within(result.values().get("pulses_ltp").uncertainty() + 1));
        // The onset, pulses to 10 % of the range, of the extracted mean train (≈ 26 here), to a pulse.
        double onset = trainPulses(curve, 0.10);
        assertThat(onset).isGreaterThan(15);
        assertThat(rulePulses(nodes("piecewise_up"), 1, start, 0.10)).isCloseTo(onset, within(1.0));
    }

    @Test
    void resetPulsesToNinetyFivePercentAreTheExtracted() {
        double[] curve = result.ltdCurve();
        assertThat(Math.ceil(rulePulses(nodes("piecewise_down"), -1, Math.max(0, curve[0]), 0.95))).isCloseTo(
                result.value("pulses_ltd"), within(result.values().get("pulses_ltd").uncertainty() + 1));
        assertThat(rulePulses(nodes("piecewise_down"), -1, Math.max(0, curve[0]), 0.10))
                .isCloseTo(trainPulses(curve, 0.10), within(1.0));
    }

    @Test
    void theBinnedMeanStepTableWouldMissTheOnset() {
        // Control: the former export, the mean step binned by w scaled to aihwkit's units, under the
        // same rule crosses the onset several pulses early: the test above can fail.
        double dwMin = device.get("dw_min").asDouble();
        double up = 1 + device.get("up_down").asDouble();
        double[] binned = new double[result.stepUp().length];
        for (int j = 0; j < binned.length; j++) {
            binned[j] = Math.max(0, 2 * result.stepUp()[j] / (dwMin * up));
        }
        double onset = trainPulses(result.ltpCurve(), 0.10);
        assertThat(onset - rulePulses(binned, 1, Math.max(0, result.ltpCurve()[0]), 0.10)).isGreaterThan(2);
    }
}
