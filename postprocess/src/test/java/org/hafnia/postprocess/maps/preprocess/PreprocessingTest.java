package org.hafnia.postprocess.maps.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.maps.ScanMap;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

    /** Round-off of sums over ~100 nodes of values of order 10. */
    private static final double ROUND_OFF = 1e-12;

    private static ScanMap map(int nx, int ny, Fn f) {
        Grid2D g = Grid2D.ofExtent(nx, ny, 2.0 * nx, 3.0 * ny, LengthUnit.NANOMETRE);
        double[] v = new double[g.size()];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                v[j * nx + i] = f.at(i, j, g.x(i), g.y(j));
            }
        }
        return ScanMap.of(new ScalarField2D(g, v), "nA", "Current");
    }

    @FunctionalInterface
    interface Fn {
        double at(int i, int j, double x, double y);
    }

    @Test
    void planeLevellingRemovesATiltExactlyAndReportsIt() {
        ScanMap tilted = map(12, 9, (i, j, x, y) -> 5 + 0.25 * x - 0.5 * y);
        PreprocessingStep.Result r = PlaneLevelling.apply(tilted);
        for (double v : r.map().values()) {
            assertThat(v).isCloseTo(0, within(ROUND_OFF));
        }
        assertThat((double) r.step().parameters().get("b")).isCloseTo(0.25, within(ROUND_OFF));
        assertThat((double) r.step().parameters().get("c")).isCloseTo(-0.5, within(ROUND_OFF));
        assertThat(r.step().operation()).isEqualTo("plane-levelling");
    }

    @Test
    void lineLevellingRemovesRowOffsetsByTheirMedian() {
        double[] offsets = {0.3, -1.2, 2.0, 0.0, 0.7, -0.4, 1.1};
        ScanMap striped = map(9, 7, (i, j, x, y) -> Math.sin(0.7 * i) + (i == 4 ? 50 : 0) + offsets[j]);
        ScanMap levelled = LineLevelling.apply(striped).map();
        // Every row becomes the same profile (the spike at i = 4 does not move the medians).
        for (int j = 1; j < 7; j++) {
            for (int i = 0; i < 9; i++) {
                assertThat(levelled.field().get(i, j)).isCloseTo(levelled.field().get(i, 0), within(ROUND_OFF));
            }
        }
    }

    @Test
    void outlierRemovalReplacesOnlyTheSpikes() {
        ScanMap smooth = map(10, 10, (i, j, x, y) -> Math.sin(0.3 * i) + 0.01 * ((i * 7 + j * 3) % 5));
        double[] v = smooth.values().clone();
        v[23] += 40;
        v[57] -= 25;
        v[88] += 30;
        PreprocessingStep.Result r = OutlierRemoval.apply(smooth.withValues(v), 5);
        assertThat(r.step().parameters().get("replaced_nodes")).isEqualTo(3);
        for (int k = 0; k < v.length; k++) {
            if (k != 23 && k != 57 && k != 88) {
                assertThat(r.map().values()[k]).isEqualTo(v[k]);
            } else {
                assertThat(Math.abs(r.map().values()[k] - smooth.values()[k])).isLessThan(0.5);
            }
        }
    }

    @Test
    void outlierRemovalOnAFlatBackgroundReplacesOnlyTheSpike() {
        // More than half the nodes are exactly 0, so the MAD is 0 and the fallback estimator is used.
        ScanMap m = map(10, 10, (i, j, x, y) -> i >= 6 ? 0.1 * (i - 5) * (1 + 0.1 * j) : 0);
        double[] v = m.values().clone();
        v[22] = 9;
        PreprocessingStep.Result r = OutlierRemoval.apply(m.withValues(v), 5);
        assertThat(r.step().parameters().get("replaced_nodes")).isEqualTo(1);
        assertThat(r.map().values()[22]).isZero();
    }

    @Test
    void normalisationIsReversible() {
        ScanMap m = map(6, 5, (i, j, x, y) -> 1e-9 * (3 + i * j - 0.5 * i));
        PreprocessingStep.Result r = Normalisation.apply(m);
        assertThat(r.map().field().min()).isEqualTo(0);
        assertThat(r.map().field().max()).isEqualTo(1);
        Normalisation n = new Normalisation((double) r.step().parameters().get("min"),
                (double) r.step().parameters().get("max"), (String) r.step().parameters().get("unit"));
        ScanMap back = n.invert(r.map());
        assertThat(back.zUnit()).isEqualTo("nA");
        for (int k = 0; k < m.values().length; k++) {
            // Two affine maps of values of order 1e-8: a few ulps.
            assertThat(back.values()[k]).isCloseTo(m.values()[k], within(1e-22));
        }
    }

    @Test
    void resamplingToACoarserGridConservesTheMean() {
        ScanMap m = map(20, 16, (i, j, x, y) -> Math.sin(0.2 * i) * Math.cos(0.3 * j) + 1);
        PreprocessingStep.Result r = GridResampling.apply(m, 10, 8);
        assertThat(r.map().grid().nx()).isEqualTo(10);
        assertThat(r.map().grid().width()).isCloseTo(m.grid().width(), within(ROUND_OFF));
        assertThat(r.map().field().mean()).isCloseTo(m.field().mean(), within(ROUND_OFF));
        assertThat(r.step().parameters().get("method")).isEqualTo("area average");
    }
}
