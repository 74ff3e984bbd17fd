package org.hafnia.experiments.fig3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.hafnia.physics.transport.LeadModel;
import org.hafnia.physics.transport.PointTrap;
import org.junit.jupiter.api.Test;

class Fig3ExperimentTest {

    @Test
    void publishedVariantMeasuresTrapBsCoulombDenominatorFromTrapA() {
        List<Fig3Experiment.Case> cases = new Fig3Experiment(TrapPotential.PUBLISHED_FIG3D_VARIANT, LeadModel.PUBLISHED)
                .fig3d();
        assertThat(cases).extracting(Fig3Experiment.Case::key)
                .containsExactly("no_trap", "trap_B", "trap_A", "both_traps");
        PointTrap a = Fig3Experiment.trapA();
        PointTrap b = cases.get(1).parameters().traps().get(0);
        assertThat(b.x()).isEqualTo(-0.8);
        assertThat(b.y()).isEqualTo(1.0);
        assertThat(List.of(b.centreX(), b.centreY(), b.centreZ())).containsExactly(a.x(), a.y(), a.z());
        assertThat(cases.get(3).parameters().traps()).containsExactly(a, b);
        assertThat(cases.get(2).parameters().traps()).allMatch(PointTrap::consistent);
    }

    @Test
    void consistentVariantKeepsEveryTrapItsOwnCentre() {
        new Fig3Experiment(TrapPotential.CONSISTENT, LeadModel.PUBLISHED).fig3d()
                .forEach(c -> assertThat(c.parameters().traps()).allMatch(PointTrap::consistent));
    }

    @Test
    void fig3bCasesArePublishedGeometryAndDensities() {
        List<Fig3Experiment.Case> cases = new Fig3Experiment(TrapPotential.PUBLISHED_FIG3D_VARIANT,
                LeadModel.PUBLISHED).fig3b();
        assertThat(cases).extracting(Fig3Experiment.Case::key)
                .containsExactly("n_5e18_cm3", "n_1e19_cm3", "n_1e30_cm3");
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.parameters().widthX()).isEqualTo(1.0);
            assertThat(c.parameters().traps()).containsExactly(PointTrap.electron(-1, 0.5, 0));
        });
        assertThat(cases.get(1).parameters().carrierDensity()).isEqualTo(1e19);
    }
}
