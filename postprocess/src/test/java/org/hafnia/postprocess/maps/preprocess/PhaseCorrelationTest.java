package org.hafnia.postprocess.maps.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.maps.ScanMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhaseCorrelationTest {

    /**
     * Sub-pixel accuracy demanded: 0.1 node. The refinement grid resolves 0.005 node and the
     * window follows the shift, so what remains is the content entering and leaving at the edges
     * (a 4.4-node shift replaces 7.6 % of a 58-node map): measured errors ≤ 0.055 node here.
     */
    private static final double TOLERANCE = 0.1;

    /** Twenty Gaussian blobs (width 2.5 nodes) at seeded positions, displaced by (sx, sy) nodes. */
    private static ScanMap blobs(int nx, int ny, double sx, double sy) {
        return blobs(nx, ny, sx, sy, 0);
    }

    /** The blobs rotated by {@code degrees} about the map centre, then displaced by (sx, sy). */
    private static ScanMap blobs(int nx, int ny, double sx, double sy, double degrees) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double cx = 0.5 * (nx - 1);
        double cy = 0.5 * (ny - 1);
        SplittableRandom r = new SplittableRandom(7);
        double[][] b = new double[20][3];
        for (double[] x : b) {
            x[0] = r.nextDouble(-5, nx + 5);
            x[1] = r.nextDouble(-5, ny + 5);
            x[2] = r.nextDouble(0.3, 1);
        }
        double[] v = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double s = 0;
                // The content at (i, j) came from R(−θ)(i − sx − c, j − sy − c) + c.
                double px = cx + cos * (i - sx - cx) + sin * (j - sy - cy);
                double py = cy - sin * (i - sx - cx) + cos * (j - sy - cy);
                for (double[] x : b) {
                    double dx = px - x[0];
                    double dy = py - x[1];
                    s += x[2] * Math.exp(-(dx * dx + dy * dy) / (2 * 2.5 * 2.5));
                }
                v[j * nx + i] = s;
            }
        }
        return ScanMap.of(new ScalarField2D(Grid2D.ofExtent(nx, ny, 2 * nx, 2 * ny, LengthUnit.NANOMETRE), v), "A", "");
    }

    @ParameterizedTest
    @CsvSource({"64, 64, 3.3, -2.6", "51, 58, -1.75, 4.4", "64, 48, 0.45, 0.2"})
    void recoversAKnownSubPixelShift(int nx, int ny, double sx, double sy) {
        PhaseCorrelation.Shift s = PhaseCorrelation.estimate(blobs(nx, ny, 0, 0), blobs(nx, ny, sx, sy));
        assertThat(s.shiftX()).isCloseTo(sx, within(TOLERANCE));
        assertThat(s.shiftY()).isCloseTo(sy, within(TOLERANCE));
    }

    @ParameterizedTest
    @CsvSource({"64, 64, 3.3, -2.6"})
    void registrationMovesTheMapBackAndReportsThePhysicalShift(int nx, int ny, double sx, double sy) {
        ScanMap ref = blobs(nx, ny, 0, 0);
        PreprocessingStep.Result r = PhaseCorrelation.register(ref, blobs(nx, ny, sx, sy));
        assertThat((double) r.step().parameters().get("shift_x")).isCloseTo(2 * sx, within(2 * TOLERANCE));
        // Away from the edges (where content left the frame) the registered map matches the reference
        // to the bilinear interpolation error h²/8 (|f_xx| + |f_yy|) ≤ (1/8)(2 · 1.5 / 2.5²) = 0.06 for
        // blobs of width 2.5 nodes whose overlaps reach an amplitude of about 1.5.
        double worst = 0;
        for (int j = 8; j < ny - 8; j++) {
            for (int i = 8; i < nx - 8; i++) {
                worst = Math.max(worst, Math.abs(r.map().field().get(i, j) - ref.field().get(i, j)));
            }
        }
        assertThat(worst).isLessThan(0.06);
    }

    @org.junit.jupiter.api.Test
    void bruteForceSearchRecoversARotation() {
        ScanMap ref = blobs(64, 64, 0, 0);
        ScanMap moved = blobs(64, 64, 1.5, -1.0, 4.0);
        RotationScaleSearch.Similarity s = RotationScaleSearch.estimate(ref, moved, 8, 1, new double[] {1.0});
        // A 1° grid refined by a parabola through the peak and its neighbours: demand a quarter step.
        assertThat(s.angleDegrees()).isCloseTo(4.0, within(0.25));
        // After undoing the rotation about the centre, the shift left is R(−θ)(1.5, −1).
        double t = Math.toRadians(4.0);
        assertThat(s.shift().shiftX()).isCloseTo(1.5 * Math.cos(t) - Math.sin(t), within(TOLERANCE));
        assertThat(s.shift().shiftY()).isCloseTo(-1.5 * Math.sin(t) - Math.cos(t), within(TOLERANCE));
    }
}
