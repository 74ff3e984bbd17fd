package org.hafnia.postprocess.plots;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.PaintScale;

/**
 * A colour scale of {@code levels} evenly spaced contour levels on [lo, hi], i.e. levels − 1
 * bands, each painted with the colour map at its midpoint, as matplotlib's
 * {@code contourf(levels=N)} does. Values outside [lo, hi] take the end bands.
 */
public record BandedScale(double lo, double hi, int levels, ColourMap map) {

    public BandedScale {
        if (!(hi > lo) || levels < 2) {
            throw new IllegalArgumentException("need hi > lo and at least 2 levels, got [" + lo + ", " + hi + "], " + levels);
        }
    }

    public int bands() {
        return levels - 1;
    }

    public Color colour(int band) {
        return map.at((band + 0.5) / bands());
    }

    /** The scale as a JFreeChart paint scale. */
    public PaintScale paintScale() {
        LookupPaintScale s = new LookupPaintScale(lo, hi, colour(0));
        for (int b = 0; b < bands(); b++) {
            Paint p = colour(b);
            s.add(lo + (hi - lo) * b / bands(), p);
        }
        return s;
    }
}
