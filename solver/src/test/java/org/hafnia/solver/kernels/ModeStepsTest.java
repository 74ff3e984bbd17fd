package org.hafnia.solver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The mode steps on either path equal the per-mode formulas bit for bit (tolerance 0: same operations, same order), for 1–40 modes (tails, fewer than a vector). */
class ModeStepsTest {

    @Test
    void simdAndScalarStepsEqualThePerModeFormulasBitForBit() {
        SplittableRandom r = new SplittableRandom(8);
        for (int n = 1; n <= 40; n++) {
            double[] af = random(r, n);
            double[] ae = random(r, n);
            double[] sf = random(r, n);
            double[] se = random(r, n);
            double[] x = random(r, 2 * n);
            double[] alpha = random(r, n);
            double beta = random(r, 1)[0];
            double gamma = random(r, 1)[0];
            double[] delta = random(r, n);
            for (boolean simd : new boolean[] {false, true}) {
                double[] f = af.clone();
                double[] e = ae.clone();
                ModeSteps.coupled(f, e, sf, se, x, alpha, beta, gamma, delta, n, simd);
                double[] g = af.clone();
                ModeSteps.single(g, sf, x, n, simd);
                for (int k = 0; k < n; k++) {
                    double xf = af[k] - sf[k];
                    double xe = ae[k] - se[k];
                    double ef = sf[k] + x[k] * xf + x[n + k] * (alpha[k] * xf + beta * xe);
                    double ee = se[k] + x[k] * xe + x[n + k] * (gamma * xf + delta[k] * xe);
                    double es = sf[k] + x[k] * (af[k] - sf[k]);
                    assertThat(Double.doubleToRawLongBits(f[k])).as("n %d k %d simd %s", n, k, simd).isEqualTo(Double.doubleToRawLongBits(ef));
                    assertThat(Double.doubleToRawLongBits(e[k])).isEqualTo(Double.doubleToRawLongBits(ee));
                    assertThat(Double.doubleToRawLongBits(g[k])).isEqualTo(Double.doubleToRawLongBits(es));
                }
            }
        }
    }

    private static double[] random(SplittableRandom r, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = r.nextDouble(-2, 2) * Math.pow(10, r.nextInt(-3, 4));
        }
        return x;
    }
}
