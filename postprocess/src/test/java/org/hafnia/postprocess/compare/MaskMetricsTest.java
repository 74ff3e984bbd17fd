package org.hafnia.postprocess.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;

/** Otsu threshold, Dice/IoU, connected components and Hausdorff distance on hand-checked cases. */
class MaskMetricsTest {

    private static boolean[] block(int nx, int ny, int i0, int j0, int w, int h) {
        boolean[] m = new boolean[nx * ny];
        for (int j = j0; j < j0 + h; j++) {
            for (int i = i0; i < i0 + w; i++) {
                m[j * nx + i] = true;
            }
        }
        return m;
    }

    @Test
    void diceAndIouOfTwoOverlappingBlocks() {
        // 3 × 4 blocks (12 nodes each) overlapping in 3 × 2 = 6 nodes:
        // Dice = 2·6 / 24 = 1/2, IoU = 6 / 18 = 1/3.
        boolean[] a = block(10, 10, 1, 1, 3, 4);
        boolean[] b = block(10, 10, 1, 3, 3, 4);
        MaskOverlap o = MaskOverlap.of(a, b);
        assertThat(o.intersection()).isEqualTo(6);
        assertThat(o.dice()).isEqualTo(0.5);
        assertThat(o.iou()).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void otsuSplitsTwoClustersBetweenThem() {
        double[] v = {1, 2, 3, 7, 8, 9, 2, 8};
        assertThat(OtsuThreshold.of(v)).isEqualTo(5.0);
        assertThat(OtsuThreshold.of(new double[] {4, 4, 4})).isNaN();
    }

    @Test
    void otsuMaximisesBetweenClassVarianceAgainstBruteForce() {
        // Unequal clusters: {0, 0, 0, 0, 1} ∪ {6, 10}. Splits after 0, 1 and 6 give ω0ω1(μ0 − μ1)² of
        // (4/7)(3/7)(0 − 17/3)² = 7.864, (5/7)(2/7)(0.2 − 8)² = 12.42 and (6/7)(1/7)(7/6 − 10)² = 9.556.
        double[] v = {0, 0, 0, 0, 1, 6, 10};
        assertThat(OtsuThreshold.of(v)).isEqualTo(3.5);
    }

    @Test
    void fourConnectivitySeparatesDiagonalNeighboursEightJoinsThem() {
        Grid2D g = new Grid2D(5, 4, 2.0, 3.0, LengthUnit.NANOMETRE);
        boolean[] m = new boolean[20];
        m[0] = true;        // (0, 0)
        m[6] = true;        // (1, 1), diagonal to (0, 0)
        m[3] = true;        // (3, 0)
        m[4] = true;        // (4, 0)
        List<ConnectedComponents.Component> four = ConnectedComponents.of(m, g, ConnectedComponents.Connectivity.FOUR);
        List<ConnectedComponents.Component> eight = ConnectedComponents.of(m, g, ConnectedComponents.Connectivity.EIGHT);
        assertThat(four).hasSize(3);
        assertThat(eight).hasSize(2);
        // The pair (3, 0), (4, 0): centres x = 7 and 9 nm, y = 1.5 nm; area 2 · 6 nm².
        ConnectedComponents.Component pair = four.get(0);
        assertThat(pair.nodes()).isEqualTo(2);
        assertThat(pair.area()).isEqualTo(12.0);
        assertThat(pair.centroidX()).isEqualTo(8.0);
        assertThat(pair.centroidY()).isEqualTo(1.5);
    }

    @Test
    void hausdorffBetweenTwoSingleNodesIsTheirPhysicalDistance() {
        Grid2D g = new Grid2D(8, 8, 2.0, 3.0, LengthUnit.NANOMETRE);
        boolean[] a = block(8, 8, 1, 1, 1, 1);
        boolean[] b = block(8, 8, 4, 5, 1, 1);
        // Δx = 3 nodes · 2 nm, Δy = 4 nodes · 3 nm.
        assertThat(HausdorffDistance.between(a, b, g)).isCloseTo(Math.sqrt(36 + 144), within(1e-12));
    }

    @Test
    void hausdorffOfABlockAndItsShiftedCopyIsTheShift() {
        Grid2D g = Grid2D.unitSpacing(12, 12);
        boolean[] a = block(12, 12, 2, 2, 4, 4);
        boolean[] b = block(12, 12, 5, 2, 4, 4);
        assertThat(HausdorffDistance.between(a, b, g)).isEqualTo(3.0);
        assertThat(HausdorffDistance.between(a, a, g)).isZero();
    }
}
