package org.hafnia.solver.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.junit.jupiter.api.Test;

class VoltageProtocolTest {

    /** Round-off of a product of a few doubles. */
    private static final double ROUND_OFF = 1e-12;

    private static final BiasLaw LINEAR_ENOUGH = new BiasLaw.IonHopping(1.0, 1.0);

    @Test
    void convertsPulseSecondsToModelStepsThroughTheTimeScale() {
        // Δt = 0.5 model units, τ0 = 2 ns: one step is 1 ns.
        VoltageProtocol p = VoltageProtocol.builder()
                .pulse("set", new VoltageStep.PulseShape(1.2, 20e-9, 4e-9, 3e-9))
                .gap("rest", 10e-9)
                .read(null, 0.1, 0)
                .build();
        Schedule s = p.compile(0.5, 2e-9, LINEAR_ENOUGH);
        List<Schedule.Action> a = s.actions();
        assertThat(a).hasSize(5);
        assertThat(a.get(0)).isEqualTo(new Schedule.Evolve("set rise", 1, 4, 0, 1.2));
        assertThat(a.get(1)).isEqualTo(new Schedule.Evolve("set", 1, 20, 1.2, 1.2));
        assertThat(a.get(2)).isEqualTo(new Schedule.Evolve("set fall", 1, 3, 1.2, 0));
        assertThat(a.get(3)).isEqualTo(new Schedule.Evolve("rest", 0, 10, 0, 0));
        assertThat(a.get(4)).isEqualTo(new Schedule.Measure("read 1", 1, 0.1));
        assertThat(s.totalSteps()).isEqualTo(37);
        assertThat(s.seconds(37)).isCloseTo(37e-9, within(37e-9 * ROUND_OFF));
        assertThat(s.modelTime(37)).isCloseTo(18.5, within(ROUND_OFF));
        assertThat(p.duration()).isCloseTo(37e-9, within(37e-9 * ROUND_OFF));
    }

    @Test
    void refusesADurationThatIsNotAWholeNumberOfSteps() {
        VoltageProtocol p = VoltageProtocol.builder().gap("relax", 2.5e-9).build();
        assertThatThrownBy(() -> p.compile(1, 1e-9, LINEAR_ENOUGH))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("relax: 2.50000e-09 s is 2.50000 time steps")
                .hasMessageContaining("whole number");
    }

    @Test
    void trainRepeatsPulseGapAndReadWithNumberedPulses() {
        VoltageProtocol p = VoltageProtocol.builder()
                .train("denoise", 3, new VoltageStep.PulseShape(-0.3, 2e-9, 0, 0), 1e-9,
                        new VoltageStep.Read("r", -0.15, 0))
                .build();
        Schedule s = p.compile(1, 1e-9, LINEAR_ENOUGH);
        List<Schedule.Measure> reads = new ArrayList<>();
        for (Schedule.Action a : s.actions()) {
            if (a instanceof Schedule.Measure m) {
                reads.add(m);
            }
        }
        assertThat(p.pulses()).isEqualTo(3);
        assertThat(reads).extracting(Schedule.Measure::pulse).containsExactly(1, 2, 3);
        assertThat(reads).extracting(Schedule.Measure::label)
                .containsExactly("denoise 1 read", "denoise 2 read", "denoise 3 read");
        assertThat(s.totalSteps()).isEqualTo(9);
    }

    @Test
    void waveformBecomesLinearSegmentsBetweenItsPoints() {
        VoltageProtocol p = VoltageProtocol.builder()
                .waveform("pwl", new double[] {0, 2e-9, 5e-9}, new double[] {0, 1, -1})
                .build();
        Schedule s = p.compile(1, 1e-9, LINEAR_ENOUGH);
        assertThat(s.actions()).containsExactly(
                new Schedule.Evolve("pwl segment 1", 1, 2, 0, 1),
                new Schedule.Evolve("pwl segment 2", 1, 3, 1, -1));
        assertThatThrownBy(() -> VoltageProtocol.builder().waveform("w", new double[] {0, 1, 1}, new double[] {0, 1, 2}))
                .hasMessageContaining("point 3");
    }

    @Test
    void rampStepsUseTheBiasAtTheStepMidpointVoltage() {
        // One step per ns; a 4-step ramp 0 → 2 V is sampled at 0.25, 0.75, 1.25, 1.75 V.
        Schedule s = VoltageProtocol.builder()
                .pulse("p", new VoltageStep.PulseShape(2, 1e-9, 4e-9, 0))
                .build().compile(1, 1e-9, LINEAR_ENOUGH);
        RecordingStepper stepper = new RecordingStepper();
        new ScheduleRunner(stepper, null).run(s, new double[1], ScheduleRunner.Position.START,
                1000, Long.MAX_VALUE, new NoEvents());
        double[] expectedVolts = {0.25, 0.75, 1.25, 1.75, 2};
        assertThat(stepper.biases).hasSize(5);
        for (int k = 0; k < 5; k++) {
            assertThat(stepper.biases.get(k)).isCloseTo(LINEAR_ENOUGH.bias(expectedVolts[k]), within(ROUND_OFF));
        }
    }

    @Test
    void ionHoppingLawIsOddAndReachesThePublishedBias() {
        BiasLaw.IonHopping law = new BiasLaw.IonHopping(0.5, 0.1);
        // The RESET-polarity voltage giving the published b = 30: V = −V0 asinh(30 / b0).
        double v = -0.1 * Math.log(60 + Math.sqrt(60 * 60 + 1));
        assertThat(law.bias(v)).isCloseTo(30, within(30 * ROUND_OFF));
        assertThat(law.bias(-v)).isCloseTo(-30, within(30 * ROUND_OFF));
        assertThat(law.bias(0)).isZero();
    }

    @Test
    void thresholdLawIsZeroBetweenThresholdsAndGrowsBeyond() {
        BiasLaw.Threshold law = new BiasLaw.Threshold(10, 1.0, 2, 20, -0.5, 1);
        assertThat(law.bias(0.99)).isZero();
        assertThat(law.bias(-0.49)).isZero();
        assertThat(law.bias(1.5)).isCloseTo(-10 * 0.25, within(ROUND_OFF));
        assertThat(law.bias(-1.0)).isCloseTo(20 * 1.0, within(ROUND_OFF));
        assertThatThrownBy(() -> new BiasLaw.Threshold(10, 1.0, 2, 20, 0.5, 1)).hasMessageContaining("-v_off");
    }

    /** A stepper that records the bias of every step and leaves φ alone. */
    private static final class RecordingStepper implements PhaseFieldStepper {
        final List<Double> biases = new ArrayList<>();

        @Override
        public int size() {
            return 1;
        }

        @Override
        public double timeStep() {
            return 1;
        }

        @Override
        public void advance(double[] phi, int steps, double bias, double[] profile) {
            for (int k = 0; k < steps; k++) {
                biases.add(bias);
            }
        }
    }

    static final class NoEvents implements ScheduleRunner.Listener {
        @Override
        public void read(Schedule.Measure m, long step, double[] phi) {
        }

        @Override
        public void snapshot(String name, long step, double[] phi) {
        }

        @Override
        public void boundary(ScheduleRunner.Position next, double[] phi) {
        }
    }
}
