package org.hafnia.postprocess.plots;

import java.awt.Color;

/**
 * Piecewise-linear colour maps defined like matplotlib's segment data. {@link #JET} is
 * matplotlib's "jet", the colour scale of the published Fig. 4 panels.
 */
public final class ColourMap {

    /** matplotlib "jet": (position, value) breakpoints for red, green and blue. */
    public static final ColourMap JET = new ColourMap(
            new double[][] {{0, 0}, {0.35, 0}, {0.66, 1}, {0.89, 1}, {1, 0.5}},
            new double[][] {{0, 0}, {0.125, 0}, {0.375, 1}, {0.64, 1}, {0.91, 0}, {1, 0}},
            new double[][] {{0, 0.5}, {0.11, 1}, {0.34, 1}, {0.65, 0}, {1, 0}});

    /** Grey scale from black to white. */
    public static final ColourMap GREY = new ColourMap(
            new double[][] {{0, 0}, {1, 1}}, new double[][] {{0, 0}, {1, 1}}, new double[][] {{0, 0}, {1, 1}});

    /** Diverging blue–white–red, for signed differences. */
    public static final ColourMap BLUE_WHITE_RED = new ColourMap(
            new double[][] {{0, 0.02}, {0.5, 1}, {1, 0.70}},
            new double[][] {{0, 0.19}, {0.5, 1}, {1, 0.09}},
            new double[][] {{0, 0.38}, {0.5, 1}, {1, 0.17}});

    private final double[][] red;
    private final double[][] green;
    private final double[][] blue;

    private ColourMap(double[][] red, double[][] green, double[][] blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** Colour at position {@code t} ∈ [0, 1] (clamped). */
    public Color at(double t) {
        double x = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return new Color((float) channel(red, x), (float) channel(green, x), (float) channel(blue, x));
    }

    private static double channel(double[][] seg, double x) {
        for (int k = 1; k < seg.length; k++) {
            if (x <= seg[k][0]) {
                double f = (x - seg[k - 1][0]) / (seg[k][0] - seg[k - 1][0]);
                return seg[k - 1][1] + f * (seg[k][1] - seg[k - 1][1]);
            }
        }
        return seg[seg.length - 1][1];
    }
}
