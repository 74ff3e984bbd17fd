package org.hafnia.solver.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hafnia.meshes.InvalidInputException;
import org.hafnia.solver.api.PhaseFieldStepper;
import org.junit.jupiter.api.Test;

class ProtocolRunnerTest {

    /** A stepper that adds Δt·bias per step, so the state records the integrated bias. */
    private static final class Integrator implements PhaseFieldStepper {
        @Override
        public int size() {
            return 1;
        }

        @Override
        public double timeStep() {
            return 0.5;
        }

        @Override
        public void advance(double[] phi, int steps, double bias, double[] profile) {
            phi[0] += steps * 0.5 * bias;
        }
    }

    @Test
    void snapshotsAreTakenInOrderAfterTheSegmentsBeforeThem() {
        PulseProtocol p = PulseProtocol.builder().snapshot("start").steps("a", 4, 1).snapshot("mid")
                .duration("b", 3.0, 2).snapshot("end").build();
        List<String> events = new ArrayList<>();
        Map<String, double[]> snaps = new ProtocolRunner(new Integrator()).run(p, new double[] {0}, new ProtocolListener() {
            @Override
            public void snapshot(String name, double[] phi, long step, double time) {
                events.add(name + "@" + step + "/" + time);
            }
        });
        assertThat(snaps.keySet()).containsExactly("start", "mid", "end");
        assertThat(snaps.get("start")[0]).isEqualTo(0);
        assertThat(snaps.get("mid")[0]).isEqualTo(2);
        assertThat(snaps.get("end")[0]).isEqualTo(2 + 6 * 0.5 * 2);
        assertThat(events).containsExactly("start@0/0.0", "mid@4/2.0", "end@10/5.0");
        assertThat(p.totalSteps(0.5)).isEqualTo(10);
    }

    @Test
    void publishedFig4ProtocolHasHundredStepsAndFourPanels() {
        PulseProtocol p = PulseProtocol.fig4();
        assertThat(p.totalSteps(0.0005)).isEqualTo(100);
        assertThat(p.snapshotNames()).containsExactly("initial", "relaxed", "pulse1", "pulse2");
    }

    @Test
    void durationThatIsNotAWholeNumberOfStepsIsRefused() {
        PulseProtocol p = PulseProtocol.builder().duration("pulse", 1.2, 1).build();
        assertThatThrownBy(() -> p.totalSteps(0.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("segment 'pulse': duration 1.2 is not a whole number of time steps");
    }

    @Test
    void duplicateSnapshotNamesAreRefused() {
        assertThatThrownBy(() -> PulseProtocol.builder().snapshot("x").steps("a", 1, 0).snapshot("x").build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'x' is used twice");
    }
}
