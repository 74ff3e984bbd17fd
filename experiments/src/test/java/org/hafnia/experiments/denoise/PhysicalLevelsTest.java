package org.hafnia.experiments.denoise;

import static org.assertj.core.api.Assertions.assertThat;

import org.hafnia.experiments.characterisation.ReadingCompactDevice;
import org.hafnia.physics.compact.CompactDeviceParameters;
import org.junit.jupiter.api.Test;

/** Levels and their limiting mechanism on compact devices whose noise sources are set, seen through the structural interface. */
class PhysicalLevelsTest {

    /** Compact parameters as ProgrammingSchemeTest's synthetic device: 20–150 µS, 60 pulses, threshold 0.5 V. */
    private static CompactDeviceParameters device(double readNoise, double rtn, double fInf) {
        return new CompactDeviceParameters(20e-6, 150e-6, 0.02, 60, 60, 25, 15, 0.1, 0.05, 0.1e-6,
                readNoise, rtn, 8e-3, 4e-3, fInf, 5, 0, 0, 0, 1.0,
                1.0, -1.0, 0.5, 1e-6, 0.15, 1e-6);
    }

    private static PhysicalLevels.Result run(CompactDeviceParameters p, int aim) {
        PhysicalLevels.Settings s = new PhysicalLevels.Settings(4, aim, 10, 100, -0.15, 1e-6, 1e-3, 12, 5);
        return PhysicalLevels.run(seed -> new ReadingCompactDevice(p, seed), p, s, 2, () -> { });
    }

    @Test
    void telegraphNoiseOfSeveralMicrosiemensIsNamedAsTheLimitOfWriteVerify() {
        // RTN of 5 % of G (≈ 4 µS at mid-window) against a tolerance of a quarter of 256 levels'
        // spacing (≈ 0.1 µS): the verify reads and the evaluation reads both see the telegraph.
        PhysicalLevels.Result r = run(device(0.001, 0.05, 1), 256);
        assertThat(r.without().limitedBy()).contains("read noise");
        assertThat(r.without().sigmaRead()).isGreaterThan(5 * r.without().tolerance());
    }

    @Test
    void aCoarseVerifyToleranceOnAQuietDeviceIsNamedAsTheLimit() {
        // No RTN, 0.1 % white noise; a tolerance of a quarter of 4 levels' spacing is ≈ 8 µS, far above the read σ.
        PhysicalLevels.Result r = run(device(0.001, 0, 1), 4);
        assertThat(r.without().limitedBy()).isEqualTo("programming error within the verify tolerance");
        assertThat(r.without().sigmaProgramming()).isGreaterThan(3 * r.without().sigmaRead());
    }
}
