package org.hafnia.experiments.cases;

import java.util.SplittableRandom;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.ScalarField2D;

/**
 * A seeded synthetic initial state resembling a noisy C-AFM map (Rao et al. 2023, Fig. 4a):
 * one complete channel, φ = ½ (1 − tanh((r − R)/w)), several incomplete islands with Gaussian
 * profiles φ = p · exp(−r² / 2ρ²) whose peaks p lie below the barrier-crossing value 1, and a
 * background with uniform noise; the largest of the three at each node, clipped to [0, 1].
 * The same seed and grid give the same map.
 *
 * @param background     background φ
 * @param noise          amplitude of the uniform background noise (φ ± noise)
 * @param islands        number of incomplete islands
 * @param islandRadius   island radius ρ (nm)
 * @param peakMin        smallest island peak p
 * @param peakMax        largest island peak p
 * @param channelX       channel centre x (nm)
 * @param channelY       channel centre y (nm)
 * @param channelRadius  channel radius R (nm)
 * @param interfaceWidth     channel interface width w (nm)
 * @param seed           random seed
 */
public record IslandsGenerator(double background, double noise, int islands, double islandRadius,
                               double peakMin, double peakMax, double channelX, double channelY,
                               double channelRadius, double interfaceWidth, long seed) {

    private static final double NM = 1e-9;

    /** Reads the generator's keys from an {@code "initial": {"type": "islands", ...}} object. */
    static IslandsGenerator read(CaseNode n, long seed) {
        double background = n.number("background", 0.05, 0, 1);
        double noise = n.number("noise", 0.03, 0, 1);
        int islands = (int) n.integer("islands", 8, 0, 100_000);
        double rho = n.quantity("island_radius", Dimension.LENGTH, Double.MIN_VALUE, 1e-3) / NM;
        double peakMin = n.number("island_peak_min", 0.3, 0, 1);
        double peakMax = n.number("island_peak_max", 0.6, 0, 1);
        if (peakMax < peakMin) {
            throw n.value("island_peak_max").error("must be ≥ island_peak_min = " + peakMin);
        }
        CaseNode c = n.object("channel");
        double x = c.quantity("x", Dimension.LENGTH, 0, 1e-3) / NM;
        double y = c.quantity("y", Dimension.LENGTH, 0, 1e-3) / NM;
        double r = c.quantity("radius", Dimension.LENGTH, Double.MIN_VALUE, 1e-3) / NM;
        double w = c.quantity("interface", Dimension.LENGTH, Double.MIN_VALUE, 1e-3) / NM;
        c.finish();
        return new IslandsGenerator(background, noise, islands, rho, peakMin, peakMax, x, y, r, w, seed);
    }

    public ScalarField2D generate(Grid2D grid) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] ix = new double[islands];
        double[] iy = new double[islands];
        double[] peak = new double[islands];
        for (int k = 0; k < islands; k++) {
            ix[k] = rng.nextDouble() * grid.width();
            iy[k] = rng.nextDouble() * grid.height();
            peak[k] = peakMin + (peakMax - peakMin) * rng.nextDouble();
        }
        double[] phi = new double[grid.size()];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.x(i);
                double y = grid.y(j);
                double v = background + noise * (2 * rng.nextDouble() - 1);
                double rc = Math.hypot(x - channelX, y - channelY);
                v = Math.max(v, 0.5 * (1 - Math.tanh((rc - channelRadius) / interfaceWidth)));
                for (int k = 0; k < islands; k++) {
                    double dx = x - ix[k];
                    double dy = y - iy[k];
                    v = Math.max(v, peak[k] * Math.exp(-(dx * dx + dy * dy) / (2 * islandRadius * islandRadius)));
                }
                phi[grid.index(i, j)] = Math.min(1, Math.max(0, v));
            }
        }
        return new ScalarField2D(grid, phi);
    }
}
