package org.hafnia.postprocess.rtn;

/**
 * Robust two-level classification for noisy traces: a two-state hidden Markov model with
 * Gaussian emissions (state j: mean μ_j, standard deviation σ_j) and per-sample switching
 * probabilities p01 (low → high) and p10 (high → low), fitted by Baum–Welch (expectation
 * maximisation with the scaled forward–backward recursions, Rabiner, Proc. IEEE 77, 257 (1989),
 * §III), then decoded by Viterbi (most probable state sequence, in log space).
 *
 * <p>It starts from the published {@link TwoMeansThreshold} split. Where a threshold turns every
 * noise excursion across the midpoint into a pair of one-sample dwells, the model weighs each
 * sample against the switching rate, p ≈ Δt/τ, so a switch needs consecutive evidence.
 * Iterations stop when the log-likelihood gains less than {@value #LOG_LIKELIHOOD_TOLERANCE}
 * per sample or after {@value #MAX_ITERATIONS} iterations.
 */
public final class TwoStateHiddenMarkov implements TwoLevelClassifier {

    static final double LOG_LIKELIHOOD_TOLERANCE = 1e-10;
    static final int MAX_ITERATIONS = 500;
    /** Floor of σ_j relative to the level separation (keeps a noiseless level from collapsing). */
    static final double MIN_RELATIVE_SIGMA = 1e-6;
    /** Bounds of the switching probabilities per sample. */
    static final double MIN_SWITCH = 1e-9;
    static final double MAX_SWITCH = 0.5;

    private final TwoMeansThreshold start = new TwoMeansThreshold(TwoMeansThreshold.PUBLISHED_TOLERANCE);

    @Override
    public String name() {
        return "hmm";
    }

    /** Fitted model parameters: means and deviations (A), switching probabilities per sample. */
    public record Model(double mu0, double mu1, double sigma0, double sigma1, double p01, double p10) {
    }

    @Override
    public TwoLevelSequence classify(double[] current, int from, int to) {
        Model m = fit(current, from, to);
        return new TwoLevelSequence(m.mu0(), m.mu1(), viterbi(current, from, to, m));
    }

    public Model fit(double[] x, int from, int to) {
        int n = to - from;
        TwoLevelSequence init = start.classify(x, from, to);
        if (init.separation() == 0 || n < 2) {
            return new Model(init.low(), init.high(), 0, 0, MIN_SWITCH, MIN_SWITCH);
        }
        Model m = initial(x, from, init);
        double[] f0 = new double[n];
        double[] f1 = new double[n];
        double[] b0 = new double[n];
        double[] b1 = new double[n];
        double[] c = new double[n];
        double[] e0 = new double[n];
        double[] e1 = new double[n];
        double previous = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double a01 = m.p01();
            double a00 = 1 - a01;
            double a10 = m.p10();
            double a11 = 1 - a10;
            // Forward pass, scaled so that f0[t] + f1[t] = 1; log L = Σ (log c[t] + emission scale).
            // Emissions are divided by the larger of the two so that far outliers cannot underflow.
            double logL = 0;
            for (int t = 0; t < n; t++) {
                double l0 = logEmission(x[from + t], m.mu0(), m.sigma0());
                double l1 = logEmission(x[from + t], m.mu1(), m.sigma1());
                double top = Math.max(l0, l1);
                e0[t] = Math.exp(l0 - top);
                e1[t] = Math.exp(l1 - top);
                double g0;
                double g1;
                if (t == 0) {
                    double pi1 = a01 / (a01 + a10);
                    g0 = (1 - pi1) * e0[t];
                    g1 = pi1 * e1[t];
                } else {
                    g0 = (f0[t - 1] * a00 + f1[t - 1] * a10) * e0[t];
                    g1 = (f0[t - 1] * a01 + f1[t - 1] * a11) * e1[t];
                }
                double sum = g0 + g1;
                c[t] = sum;
                f0[t] = g0 / sum;
                f1[t] = g1 / sum;
                logL += Math.log(sum) + top;
            }
            // Backward pass with the same scale factors.
            b0[n - 1] = 1;
            b1[n - 1] = 1;
            for (int t = n - 2; t >= 0; t--) {
                b0[t] = (a00 * e0[t + 1] * b0[t + 1] + a01 * e1[t + 1] * b1[t + 1]) / c[t + 1];
                b1[t] = (a10 * e0[t + 1] * b0[t + 1] + a11 * e1[t + 1] * b1[t + 1]) / c[t + 1];
            }
            // Re-estimation from the state and transition posteriors.
            double w0 = 0;
            double w1 = 0;
            double s0 = 0;
            double s1 = 0;
            double q0 = 0;
            double q1 = 0;
            double from0 = 0;
            double from1 = 0;
            double x01 = 0;
            double x10 = 0;
            for (int t = 0; t < n; t++) {
                double g0 = f0[t] * b0[t];
                double g1 = f1[t] * b1[t];
                double norm = g0 + g1;
                g0 /= norm;
                g1 /= norm;
                double xt = x[from + t];
                w0 += g0;
                w1 += g1;
                s0 += g0 * xt;
                s1 += g1 * xt;
                q0 += g0 * xt * xt;
                q1 += g1 * xt * xt;
                if (t < n - 1) {
                    from0 += g0;
                    from1 += g1;
                    x01 += f0[t] * a01 * e1[t + 1] * b1[t + 1] / c[t + 1];
                    x10 += f1[t] * a10 * e0[t + 1] * b0[t + 1] / c[t + 1];
                }
            }
            double mu0 = s0 / w0;
            double mu1 = s1 / w1;
            double floor = MIN_RELATIVE_SIGMA * Math.abs(mu1 - mu0);
            double sd0 = Math.max(floor, Math.sqrt(Math.max(0, q0 / w0 - mu0 * mu0)));
            double sd1 = Math.max(floor, Math.sqrt(Math.max(0, q1 / w1 - mu1 * mu1)));
            m = new Model(mu0, mu1, sd0, sd1, clamp(x01 / from0), clamp(x10 / from1));
            if (logL - previous < LOG_LIKELIHOOD_TOLERANCE * n) {
                break;
            }
            previous = logL;
        }
        return m.mu0() <= m.mu1() ? m : new Model(m.mu1(), m.mu0(), m.sigma1(), m.sigma0(), m.p10(), m.p01());
    }

    /** The most probable state sequence under {@code m} (Viterbi, log probabilities). */
    public byte[] viterbi(double[] x, int from, int to, Model m) {
        int n = to - from;
        byte[] states = new byte[n];
        if (m.mu1() == m.mu0()) {
            return states;
        }
        double l00 = Math.log1p(-m.p01());
        double l01 = Math.log(m.p01());
        double l10 = Math.log(m.p10());
        double l11 = Math.log1p(-m.p10());
        boolean[] back0 = new boolean[n]; // true: the best path into state 0 at t came from state 1
        boolean[] back1 = new boolean[n]; // true: the best path into state 1 at t came from state 1
        double pi1 = m.p01() / (m.p01() + m.p10());
        double v0 = Math.log1p(-pi1) + logEmission(x[from], m.mu0(), m.sigma0());
        double v1 = Math.log(pi1) + logEmission(x[from], m.mu1(), m.sigma1());
        for (int t = 1; t < n; t++) {
            double stay0 = v0 + l00;
            double come0 = v1 + l10;
            double come1 = v0 + l01;
            double stay1 = v1 + l11;
            back0[t] = come0 > stay0;
            back1[t] = stay1 >= come1;
            double n0 = Math.max(stay0, come0) + logEmission(x[from + t], m.mu0(), m.sigma0());
            double n1 = Math.max(stay1, come1) + logEmission(x[from + t], m.mu1(), m.sigma1());
            v0 = n0;
            v1 = n1;
        }
        int s = v1 > v0 ? 1 : 0;
        for (int t = n - 1; t >= 0; t--) {
            states[t] = (byte) s;
            if (t > 0) {
                s = (s == 0 ? back0[t] : back1[t]) ? 1 : 0;
            }
        }
        return states;
    }

    private static Model initial(double[] x, int from, TwoLevelSequence init) {
        byte[] s = init.states();
        double ss0 = 0;
        double ss1 = 0;
        int n1 = 0;
        int switches01 = 0;
        int switches10 = 0;
        for (int t = 0; t < s.length; t++) {
            double d = x[from + t] - (s[t] == 1 ? init.high() : init.low());
            if (s[t] == 1) {
                ss1 += d * d;
                n1++;
            } else {
                ss0 += d * d;
            }
            if (t > 0 && s[t] != s[t - 1]) {
                if (s[t] == 1) {
                    switches01++;
                } else {
                    switches10++;
                }
            }
        }
        int n0 = s.length - n1;
        double floor = MIN_RELATIVE_SIGMA * init.separation();
        return new Model(init.low(), init.high(), Math.max(floor, Math.sqrt(ss0 / n0)), Math.max(floor, Math.sqrt(ss1 / n1)),
                clamp((double) switches01 / n0), clamp((double) switches10 / n1));
    }

    private static double clamp(double p) {
        return Math.min(MAX_SWITCH, Math.max(MIN_SWITCH, p));
    }

    /** Log of the Gaussian emission density without the common term −log √(2π). */
    private static double logEmission(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return -0.5 * z * z - Math.log(sigma);
    }
}
