package org.hafnia.postprocess.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.LengthUnit;
import org.junit.jupiter.api.Test;

/**
 * The distance-transform Hausdorff distance against the definition evaluated by direct search
 * over every pair of boundary nodes, and its cost on a noisy map where the direct search is
 * quadratic.
 */
class HausdorffDistanceTest {

    /** max over ∂A of min over ∂B, by brute force: the definition, O(|∂A| |∂B|). */
    private static double bruteForce(boolean[] a, boolean[] b, Grid2D g) {
        int[] ba = HausdorffDistance.boundary(a, g);
        int[] bb = HausdorffDistance.boundary(b, g);
        if (ba.length == 0 || bb.length == 0) {
            return Double.NaN;
        }
        return Math.sqrt(Math.max(directed(ba, bb, g), directed(bb, ba, g)));
    }

    private static double directed(int[] from, int[] to, Grid2D g) {
        double worst = 0;
        for (int p : from) {
            double best = Double.POSITIVE_INFINITY;
            for (int q : to) {
                double ex = (q % g.nx() - p % g.nx()) * g.dx();
                double ey = (q / g.nx() - p / g.nx()) * g.dy();
                best = Math.min(best, ex * ex + ey * ey);
            }
            worst = Math.max(worst, best);
        }
        return worst;
    }

    private static boolean[] random(int n, double fill, SplittableRandom r) {
        boolean[] m = new boolean[n];
        for (int k = 0; k < n; k++) {
            m[k] = r.nextDouble() < fill;
        }
        return m;
    }

    @Test
    void equalsTheDirectSearchOnRandomMasksWithAnisotropicSpacing() {
        SplittableRandom r = new SplittableRandom(13);
        for (int trial = 0; trial < 200; trial++) {
            int nx = 1 + r.nextInt(40);
            int ny = 1 + r.nextInt(40);
            Grid2D g = new Grid2D(nx, ny, 0.5 + r.nextDouble() * 3, 0.5 + r.nextDouble() * 3, LengthUnit.NANOMETRE);
            // Sparse and dense masks: few boundary nodes (long distances) and many.
            boolean[] a = random(g.size(), r.nextDouble() * 0.6, r);
            boolean[] b = random(g.size(), r.nextDouble() * 0.6, r);
            double expected = bruteForce(a, b, g);
            double actual = HausdorffDistance.between(a, b, g);
            if (Double.isNaN(expected)) {
                assertThat(actual).as("trial %d", trial).isNaN();
            } else {
                // Both are the square root of the same sums of squares of multiples of dx and dy;
                // the transform adds them in another order: a few ulps.
                assertThat(actual).as("trial %d", trial).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12 * (1 + expected)));
            }
        }
    }

    @Test
    void onANoisyMillionNodeMapAnIsolatedNodeIsAsFarAsItsNearestBoundary() {
        // 1000² noisy masks: about 4 · 10^5 boundary nodes each, 1.6 · 10^11 pairs for the direct
        // search (minutes); the transform visits each node a few times (well under a second).
        int n = 1000;
        Grid2D g = new Grid2D(n, n, 1, 1, LengthUnit.NANOMETRE);
        SplittableRandom r = new SplittableRandom(7);
        boolean[] a = random(g.size(), 0.5, r);
        boolean[] b = new boolean[g.size()];
        // B: A with a single node far from every boundary of A added in an empty corner block.
        System.arraycopy(a, 0, b, 0, a.length);
        for (int j = 0; j < 100; j++) {
            for (int i = 0; i < 100; i++) {
                a[j * n + i] = false;
                b[j * n + i] = false;
            }
        }
        b[50 * n + 50] = true;
        // The isolated node's nearest boundary node of A is at least 50 nodes away, at most 50√2.
        double h = HausdorffDistance.between(a, b, g);
        assertThat(h).isBetween(50.0, 50 * Math.sqrt(2));
    }
}
