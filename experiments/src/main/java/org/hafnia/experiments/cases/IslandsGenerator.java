package org.hafnia.experiments.cases;

import java.util.SplittableRandom;

import org.hafnia.meshes.Grid2D;
import org.hafnia.meshes.Grid3D;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.meshes.ScalarField3D;

/**
 * A seeded synthetic initial state resembling a noisy C-AFM map (Rao et al. 2023, Fig. 4a):
 * one complete channel, φ = ½ (1 − tanh((r − R)/w)), several incomplete islands with Gaussian
 * profiles φ = p · exp(−r² / 2ρ²) whose peaks p lie below the barrier-crossing value 1, and a
 * background with uniform noise; the largest of the three at each node, clipped to [0, 1].
 * The same seed and grid give the same map.
 *
 * <p>In 3D (a film between the bottom electrode z = 0 and the top one z = t) the complete channel
 * is a column spanning the film, the islands are Gaussian blobs at random depths (the
 * "island-like" incomplete channels of the paper), and {@code incomplete} filaments of radius
 * {@code incompleteRadius} grow from a random electrode to a random length in
 * [{@code lengthMin}, {@code lengthMax}] &lt; t, φ = ½(1 − tanh((r − R)/w)) · ½(1 − tanh((d − ℓ)/w)),
 * d the distance from their electrode: the "boundary-like" incomplete channels that stop short
 * of the other electrode. Blobs and filaments are drawn clear of the complete channel (axis
 * distance ≥ R + their radius + 4w, redrawn otherwise) so that they stay separate channels.
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
 * @param incomplete     number of incomplete filaments grown from an electrode (3D only)
 * @param incompleteRadius their radius (nm)
 * @param lengthMin      their shortest length ℓ (nm)
 * @param lengthMax      their longest length ℓ (nm)
 * @param seed           random seed
 */
public record IslandsGenerator(double background, double noise, int islands, double islandRadius,
                               double peakMin, double peakMax, double channelX, double channelY,
                               double channelRadius, double interfaceWidth, int incomplete,
                               double incompleteRadius, double lengthMin, double lengthMax, long seed) {

    private static final double NM = 1e-9;

    /**
     * Reads the generator's keys from an {@code "initial": {"type": "islands", ...}} object; the
     * {@code "incomplete"} filaments only in 3D.
     */
    public static IslandsGenerator read(CaseNode n, long seed, boolean threeD) {
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
        int count = 0;
        double radius = 0;
        double lMin = 0;
        double lMax = 0;
        CaseNode f = n.optionalObject("incomplete");
        if (f != null) {
            if (!threeD) {
                throw f.error("incomplete filaments need a 3D grid (\"nz\" in /grid)");
            }
            count = (int) f.integer("count", 0, 100_000);
            radius = f.quantity("radius", Dimension.LENGTH, Double.MIN_VALUE, 1e-3) / NM;
            lMin = f.quantity("length_min", Dimension.LENGTH, 0, 1e-3) / NM;
            lMax = f.quantity("length_max", Dimension.LENGTH, 0, 1e-3) / NM;
            if (lMax < lMin) {
                throw f.value("length_max").error("must be ≥ length_min = " + lMin + " nm");
            }
            f.finish();
        }
        return new IslandsGenerator(background, noise, islands, rho, peakMin, peakMax, x, y, r, w, count, radius,
                lMin, lMax, seed);
    }

    /** The same generator with another seed. */
    public IslandsGenerator withSeed(long newSeed) {
        return new IslandsGenerator(background, noise, islands, islandRadius, peakMin, peakMax, channelX, channelY,
                channelRadius, interfaceWidth, incomplete, incompleteRadius, lengthMin, lengthMax, newSeed);
    }

    /** The 3D film: z from the bottom electrode (k = 0) to the top one (k = nz − 1). */
    public ScalarField3D generate(Grid3D grid) {
        double t = grid.nz() * grid.dz();
        if (lengthMax >= t && incomplete > 0) {
            throw new org.hafnia.meshes.InvalidInputException("incomplete filaments must be shorter than the film ("
                    + t + " nm), got length_max = " + lengthMax + " nm");
        }
        double width = grid.nx() * grid.dx();
        double height = grid.ny() * grid.dy();
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] blob = new double[islands][];
        for (int k = 0; k < islands; k++) {
            double[] xy = clearOfChannel(rng, width, height, islandRadius);
            blob[k] = new double[] {xy[0], xy[1], rng.nextDouble() * t, peakMin + (peakMax - peakMin) * rng.nextDouble()};
        }
        double[][] fil = new double[incomplete][];
        for (int k = 0; k < incomplete; k++) {
            // x, y, length, and 1 when grown from the top electrode.
            double[] xy = clearOfChannel(rng, width, height, incompleteRadius);
            fil[k] = new double[] {xy[0], xy[1], lengthMin + (lengthMax - lengthMin) * rng.nextDouble(),
                rng.nextBoolean() ? 1 : 0};
        }
        double[] phi = new double[grid.size()];
        double two = 2 * islandRadius * islandRadius;
        for (int kz = 0; kz < grid.nz(); kz++) {
            double z = grid.z(kz);
            for (int j = 0; j < grid.ny(); j++) {
                for (int i = 0; i < grid.nx(); i++) {
                    double x = grid.x(i);
                    double y = grid.y(j);
                    double v = Math.max(background + noise * (2 * rng.nextDouble() - 1),
                            step(Math.hypot(x - channelX, y - channelY), channelRadius));
                    for (double[] b : blob) {
                        double dx = x - b[0];
                        double dy = y - b[1];
                        double dz = z - b[2];
                        v = Math.max(v, b[3] * Math.exp(-(dx * dx + dy * dy + dz * dz) / two));
                    }
                    for (double[] f : fil) {
                        double d = f[3] == 1 ? t - z : z;
                        v = Math.max(v, step(Math.hypot(x - f[0], y - f[1]), incompleteRadius) * step(d, f[2]));
                    }
                    phi[grid.index(i, j, kz)] = Math.min(1, Math.max(0, v));
                }
            }
        }
        return new ScalarField3D(grid, phi);
    }

    /** A uniform random (x, y) whose distance from the channel axis is ≥ R + radius + 4w. */
    private double[] clearOfChannel(SplittableRandom rng, double width, double height, double radius) {
        double clearance = channelRadius + radius + 4 * interfaceWidth;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            double x = rng.nextDouble() * width;
            double y = rng.nextDouble() * height;
            if (Math.hypot(x - channelX, y - channelY) >= clearance) {
                return new double[] {x, y};
            }
        }
        throw new org.hafnia.meshes.InvalidInputException("no room for islands or filaments clear of the complete channel: "
                + "the film is too small for a channel of radius " + channelRadius + " nm");
    }

    /** ½ (1 − tanh((r − R)/w)): 1 inside r &lt; R, 0 outside, over the interface width w. */
    private double step(double r, double radius) {
        return 0.5 * (1 - Math.tanh((r - radius) / interfaceWidth));
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
                v = Math.max(v, step(Math.hypot(x - channelX, y - channelY), channelRadius));
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
