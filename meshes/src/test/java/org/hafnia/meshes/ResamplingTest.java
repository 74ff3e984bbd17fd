package org.hafnia.meshes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ResamplingTest {

    @Test
    void areaAverageConservesTheIntegralForNonNestedGrids() {
        Grid2D fine = Grid2D.ofExtent(51, 58, 500, 580, LengthUnit.NANOMETRE);
        Grid2D coarse = Grid2D.ofExtent(17, 13, 500, 580, LengthUnit.NANOMETRE);
        double[] v = new SplittableRandom(1).doubles(fine.size()).toArray();
        ScalarField2D f = new ScalarField2D(fine, v);
        ScalarField2D c = Resampling.areaAverage(f, coarse);
        // Overlap weights sum to one per target cell; the integral differs only by round-off.
        assertThat(c.integral()).isCloseTo(f.integral(), within(1e-9 * Math.abs(f.integral())));
    }

    @Test
    void areaAverageOfABlockIsItsMean() {
        Grid2D fine = Grid2D.unitSpacing(4, 2);
        ScalarField2D f = new ScalarField2D(fine, new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        ScalarField2D c = Resampling.areaAverage(f, new Grid2D(2, 1, 2, 2, LengthUnit.REDUCED));
        assertThat(c.values()).containsExactly(new double[] {(1 + 2 + 5 + 6) / 4.0, (3 + 4 + 7 + 8) / 4.0}, within(1e-15));
    }

    @Test
    void bilinearReproducesALinearFieldInsideTheSourceNodes() {
        Grid2D src = Grid2D.ofExtent(10, 8, 1, 1, LengthUnit.MICROMETRE);
        ScalarField2D f = new ScalarField2D(src);
        for (int j = 0; j < src.ny(); j++) {
            for (int i = 0; i < src.nx(); i++) {
                f.set(i, j, 2 * src.x(i) - 3 * src.y(j) + 1);
            }
        }
        Grid2D dst = Grid2D.ofExtent(37, 23, 1, 1, LengthUnit.MICROMETRE);
        ScalarField2D r = Resampling.bilinear(f, dst);
        for (int j = 0; j < dst.ny(); j++) {
            for (int i = 0; i < dst.nx(); i++) {
                double x = Math.max(src.x(0), Math.min(src.x(src.nx() - 1), dst.x(i)));
                double y = Math.max(src.y(0), Math.min(src.y(src.ny() - 1), dst.y(j)));
                assertThat(r.get(i, j)).isCloseTo(2 * x - 3 * y + 1, within(1e-12));
            }
        }
    }

    @Test
    void gridsOfDifferentExtentAreRefused() {
        ScalarField2D f = new ScalarField2D(Grid2D.ofExtent(4, 4, 1, 1, LengthUnit.MICROMETRE));
        assertThatThrownBy(() -> Resampling.bilinear(f, Grid2D.ofExtent(4, 4, 2, 1, LengthUnit.MICROMETRE)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("extents differ");
    }
}
