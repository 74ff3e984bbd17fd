package org.hafnia.postprocess.plots;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * The number axes of every figure. JFreeChart's default tick labels follow the JVM's locale and
 * group thousands ("1,700 K", or "1.700" and a decimal comma elsewhere); a figure's labels must
 * read the same on every machine, like the numbers in the JSON files beside it. The tick sizes
 * are JFreeChart's (1, 2, 5 × 10ⁿ); only their labels are made locale-free and ungrouped.
 */
public final class Axes {

    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Axes() {
    }

    /** A linear axis labelled {@code label} with {@link #tickUnits(boolean) locale-free tick labels}. */
    public static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(tickUnits(false));
        return a;
    }

    /** JFreeChart's standard (or integer) tick sizes, each labelled by {@link #tickFormat(double)}. */
    public static TickUnitSource tickUnits(boolean integers) {
        NumberTickUnitSource sizes = new NumberTickUnitSource(integers);
        return new TickUnitSource() {
            @Override
            public TickUnit getLargerTickUnit(TickUnit unit) {
                return labelled(sizes.getLargerTickUnit(unit));
            }

            @Override
            public TickUnit getCeilingTickUnit(TickUnit unit) {
                return labelled(sizes.getCeilingTickUnit(unit));
            }

            @Override
            public TickUnit getCeilingTickUnit(double size) {
                return labelled(sizes.getCeilingTickUnit(size));
            }
        };
    }

    private static TickUnit labelled(TickUnit u) {
        return new NumberTickUnit(u.getSize(), tickFormat(u.getSize()), u.getMinorTickCount());
    }

    /**
     * The label format of ticks {@code size} apart: as many decimals as the size needs (none for
     * sizes of 1 and more, so a tick at 1700 is "1700", at 0.05 "0.05"), no grouping, a point as
     * the decimal separator; sizes below 10⁻⁴ or of 10⁷ and more in scientific notation, as
     * JFreeChart chooses. A tick within 10⁻⁶ of a size of zero (the round-off of lowest tick +
     * i × size) is labelled 0, not "-0".
     */
    public static NumberFormat tickFormat(double size) {
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException("tick size must be positive and finite, got " + size);
        }
        int power = (int) Math.floor(Math.log10(size) + 1e-9);
        DecimalFormat f = power < -4 || power > 6 ? new DecimalFormat("0.######E0", ROOT)
                : new DecimalFormat(power >= 0 ? "0" : "0." + "0".repeat(-power), ROOT);
        f.setGroupingUsed(false);
        return new TickFormat(f, size * 1e-6);
    }

    /** A format that shows values within {@code zero} of 0 as 0. */
    private static final class TickFormat extends NumberFormat {
        private final DecimalFormat format;
        private final double zero;

        TickFormat(DecimalFormat format, double zero) {
            this.format = format;
            this.zero = zero;
        }

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            return format.format(Math.abs(v) < zero ? 0.0 : v, to, pos);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return format.parse(source, pos);
        }
    }
}
