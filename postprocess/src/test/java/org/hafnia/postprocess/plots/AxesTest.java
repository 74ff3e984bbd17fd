package org.hafnia.postprocess.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AxesTest {

    private final Locale before = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    /** The labels an axis over [lo, hi] draws on a 400-pixel-high left edge. */
    private static List<String> labels(NumberAxis axis, double lo, double hi) {
        axis.setRange(lo, hi);
        BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            List<?> ticks = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 600, 400), RectangleEdge.LEFT);
            // minor ticks are unlabelled
            return ticks.stream().map(t -> ((NumberTick) t).getText()).filter(s -> !s.isEmpty()).toList();
        } finally {
            g.dispose();
        }
    }

    @Test
    void aTemperatureAxisHasNoThousandsSeparatorInAnyLocale() {
        for (Locale l : List.of(Locale.US, Locale.GERMANY, Locale.FRANCE, new Locale("hi", "IN"))) {
            Locale.setDefault(l);
            List<String> ticks = labels(Axes.numberAxis("T (K)"), 1500, 1900);
            assertThat(ticks).as(l.toString()).isNotEmpty().allMatch(s -> s.matches("1[5-9]\\d\\d"));
            assertThat(ticks).as(l.toString()).contains("1700");
        }
        // Control: JFreeChart's own labels group thousands (the bug), so the check above can fail.
        Locale.setDefault(Locale.US);
        assertThat(labels(new NumberAxis("T (K)"), 1500, 1900)).contains("1,700");
    }

    @Test
    void decimalsFollowTheTickSizeWithAPointInEveryLocale() {
        Locale.setDefault(Locale.GERMANY);
        assertThat(Axes.tickFormat(0.05).format(0.15)).isEqualTo("0.15");
        assertThat(Axes.tickFormat(0.5).format(-2.5)).isEqualTo("-2.5");
        assertThat(Axes.tickFormat(1).format(12345678.0 / 10)).isEqualTo("1234568");
        assertThat(Axes.tickFormat(2e-4).format(6e-4)).isEqualTo("0.0006");
        assertThat(Axes.tickFormat(1e-9).format(3e-9)).isEqualTo("3E-9");
        assertThat(Axes.tickFormat(5e7).format(1.5e8)).isEqualTo("1.5E8");
        List<String> ticks = labels(Axes.numberAxis("V"), -0.3, 0.3);
        // every label of one axis has the decimals its tick size needs (JFreeChart chose 0.05 here)
        assertThat(ticks).allMatch(s -> s.matches("-?0\\.\\d\\d")).contains("0.10", "0.00");
    }

    @Test
    void aTickAtTheRoundOffOfZeroIsLabelledZero() {
        // lowest tick + i × size: -0.3 + 3 × 0.1 = 5.55e-17, below 10⁻⁶ of the size.
        assertThat(Axes.tickFormat(0.1).format(-0.3 + 3 * 0.1)).isEqualTo("0.0");
        assertThat(Axes.tickFormat(0.1).format(-1e-17)).isEqualTo("0.0");
        assertThat(Axes.tickFormat(0.1).format(1e-3)).isEqualTo("0.0");
    }

    @Test
    void integerTickUnitsAreWholeAndUngrouped() {
        Locale.setDefault(Locale.US);
        NumberAxis a = new NumberAxis("count");
        a.setStandardTickUnits(Axes.tickUnits(true));
        assertThat(labels(a, 0, 20000)).allMatch(s -> s.matches("\\d+")).contains("10000");
    }
}
