package org.hafnia.solver.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hafnia.meshes.BoundaryConditions2D;
import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.energy.DoubleWellEnergy;
import org.hafnia.solver.integrators.AllenCahnModel2D;
import org.hafnia.solver.integrators.ForwardEulerAllenCahn2D;
import org.hafnia.solver.integrators.StepControl;
import org.junit.jupiter.api.Test;

class ScheduleRunnerTest {

    private static final int N = 16;

    private static Schedule schedule() {
        return VoltageProtocol.builder()
                .gap("relax", 7e-9)
                .snapshot("relaxed")
                .train("reset", 4, new VoltageStep.PulseShape(-0.4, 3e-9, 1e-9, 2e-9), 2e-9,
                        new VoltageStep.Read("r", 0.1, 1e-9))
                .build()
                .compile(0.01, 1e-7, new BiasLaw.IonHopping(2, 0.1));
    }

    private static double[] initial() {
        double[] phi = new double[N * N];
        for (int k = 0; k < phi.length; k++) {
            phi[k] = 0.5 + 0.4 * Math.sin(0.7 * k) * Math.cos(0.3 * k);
        }
        return phi;
    }

    private static ForwardEulerAllenCahn2D stepper() {
        AllenCahnModel2D model = new AllenCahnModel2D(Grid2D.unitSpacing(N, N), BoundaryConditions2D.zeroFlux(),
                new DoubleWellEnergy(1, 0.1), 1, 1, true);
        return new ForwardEulerAllenCahn2D(model, 0.01, StepControl.REFUSE, 1);
    }

    /** Records reads and the positions handed to boundaries. */
    private static final class Log implements ScheduleRunner.Listener {
        final List<String> reads = new ArrayList<>();
        final List<ScheduleRunner.Position> boundaries = new ArrayList<>();
        final List<double[]> states = new ArrayList<>();

        @Override
        public void read(Schedule.Measure m, long step, double[] phi) {
            reads.add(m.label() + "@" + step + "=" + Double.doubleToLongBits(sum(phi)));
        }

        @Override
        public void snapshot(String name, long step, double[] phi) {
            reads.add(name + "@" + step);
        }

        @Override
        public void boundary(ScheduleRunner.Position next, double[] phi) {
            boundaries.add(next);
            states.add(phi.clone());
        }
    }

    @Test
    void resumingFromAnyBoundaryGivesTheUninterruptedResultBitForBit() {
        Schedule s = schedule();
        double[] full = initial();
        Log fullLog = new Log();
        try (ForwardEulerAllenCahn2D st = stepper()) {
            ScheduleRunner.Position end = new ScheduleRunner(st, null)
                    .run(s, full, ScheduleRunner.Position.START, 3, Long.MAX_VALUE, fullLog);
            assertThat(end.step()).isEqualTo(s.totalSteps());
            assertThat(end.action()).isEqualTo(s.actions().size());
        }
        assertThat(fullLog.reads).hasSize(5);
        // Resume from every third boundary, continuing from the state stored there.
        for (int b = 0; b < fullLog.boundaries.size(); b += 3) {
            ScheduleRunner.Position at = fullLog.boundaries.get(b);
            double[] phi = fullLog.states.get(b).clone();
            Log tail = new Log();
            try (ForwardEulerAllenCahn2D st = stepper()) {
                new ScheduleRunner(st, null).run(s, phi, at, 3, Long.MAX_VALUE, tail);
            }
            assertThat(phi).as("resumed at step %d", at.step()).isEqualTo(full);
            assertThat(fullLog.reads).endsWith(tail.reads.toArray(String[]::new));
        }
    }

    @Test
    void stopsAtTheStepLimitWithAPositionThatResumes() {
        Schedule s = schedule();
        double[] full = initial();
        double[] split = initial();
        try (ForwardEulerAllenCahn2D st = stepper()) {
            ScheduleRunner r = new ScheduleRunner(st, null);
            r.run(s, full, ScheduleRunner.Position.START, 5, Long.MAX_VALUE, new Log());
            ScheduleRunner.Position mid = r.run(s, split, ScheduleRunner.Position.START, 5, 23, new Log());
            assertThat(mid.step()).isEqualTo(23);
            r.run(s, split, mid, 5, Long.MAX_VALUE, new Log());
        }
        assertThat(split).isEqualTo(full);
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }
}
