package org.hafnia.physics.compact;

import java.util.SplittableRandom;

/**
 * The device-to-device draw and the noise and clipping laws shared by the stochastic compact
 * devices ({@link CompactDevice}, {@link EcramDevice}): one model of variation, not one per device.
 *
 * <p>At construction a device draws its own bounds Gmin' = Gmin (1 + σ_b ξ), Gmax' = Gmax (1 + σ_b ξ)
 * and step scale k = 1 + σ_d ξ (ξ standard normal, in that order from the device's stream). A
 * relative factor is floored at {@value #FLOOR}: a normal draw has no lower bound, a conductance or a
 * step scale must stay positive (at the shipped spreads of ≤ 5 % the floor lies beyond 19 σ and
 * never acts). Gmax' is kept at least {@value #FLOOR} of the nominal range above Gmin'.
 *
 * @param lo        the device's low bound Gmin' (S)
 * @param hi        the device's high bound Gmax' (S)
 * @param stepScale the device's step scale k
 */
public record DeviceSpread(double lo, double hi, double stepScale) {

    /** Smallest relative factor of a drawn bound or scale, and smallest Gmax' − Gmin' in units of the nominal range. */
    public static final double FLOOR = 0.05;

    /** Draws a device's bounds and step scale from its own stream (three normal draws). */
    public static DeviceSpread draw(double gMin, double gMax, double boundsDtoD, double stepDtoD,
                                    SplittableRandom random) {
        double lo = gMin * factor(boundsDtoD, random);
        double hi = Math.max(gMax * factor(boundsDtoD, random), lo + FLOOR * (gMax - gMin));
        return new DeviceSpread(lo, hi, factor(stepDtoD, random));
    }

    /** A positive relative factor 1 + σ ξ, floored at {@value #FLOOR}. */
    public static double factor(double sigma, SplittableRandom random) {
        return Math.max(FLOOR, 1 + sigma * random.nextGaussian());
    }

    /** A cycle-to-cycle multiplier 1 + σ ξ of one step, floored at 0 (a pulse never reverses the step). */
    public static double cycle(double sigma, SplittableRandom random) {
        return Math.max(0, 1 + sigma * random.nextGaussian());
    }

    /** White read noise of σ/G = {@code relative} at conductance {@code g} (S): one draw; a read adds it and clips at 0 S. */
    public static double white(double g, double relative, SplittableRandom random) {
        return g * relative * random.nextGaussian();
    }

    /** Rejects a pulse width that is not positive. */
    public static void requireWidth(double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("pulse width must be positive, got " + width);
        }
    }

    /** Rejects a negative idle time. */
    public static void requireIdle(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("idle time must be ≥ 0, got " + seconds);
        }
    }
}
