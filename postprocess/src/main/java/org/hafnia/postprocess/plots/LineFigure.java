package org.hafnia.postprocess.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


import org.hafnia.postprocess.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A line plot of one or more named series, written as PNG, drawn for reading: series in the
 * Okabe–Ito colour-blind-safe palette without its yellow (Okabe &amp; Ito 2008, "Color Universal
 * Design"), logarithmic axes ticked at decades labelled 10ⁿ, a time axis in ns, µs, ms or s as
 * fits ({@link #timeX}), integer ticks for counts ({@link #integerX}), optional shaded bands
 * (e.g. a device spread) and vertical marks (e.g. targets). Linear axes do not include zero, so
 * a small relative change fills the plot.
 */
public final class LineFigure {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue, black (no yellow). */
    public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    private final List<Integer> bandColours = new ArrayList<>();
    private final List<Double> marks = new ArrayList<>();
    private boolean logX;
    private boolean logY;
    private boolean markers;
    private boolean lines = true;
    private boolean timeX;
    private boolean integerX;
    private boolean integerY;
    private Boolean legend;

    public LineFigure(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LineFigure series(String name, double[] x, double[] y) {
        XYSeries s = new XYSeries(name, false, true);
        for (int k = 0; k < x.length; k++) {
            if (Double.isFinite(x[k]) && Double.isFinite(y[k]) && (!logX || x[k] > 0) && (!logY || y[k] > 0)) {
                s.add(x[k], y[k]);
            }
        }
        data.addSeries(s);
        return this;
    }

    /**
     * A shaded band from {@code lo} to {@code hi} in the colour of series {@code colourOf}
     * (its index among the series), e.g. mean ± one standard deviation.
     */
    public LineFigure band(String name, double[] x, double[] lo, double[] hi, int colourOf) {
        YIntervalSeries s = new YIntervalSeries(name, false, true);
        for (int k = 0; k < x.length; k++) {
            if (Double.isFinite(x[k]) && Double.isFinite(lo[k]) && Double.isFinite(hi[k])) {
                s.add(x[k], 0.5 * (lo[k] + hi[k]), lo[k], hi[k]);
            }
        }
        bands.addSeries(s);
        bandColours.add(colourOf);
        return this;
    }

    /** A dashed vertical line at {@code x} (e.g. a target value) in grey. */
    public LineFigure mark(double x) {
        marks.add(x);
        return this;
    }

    public LineFigure logX(boolean on) {
        this.logX = on;
        return this;
    }

    public LineFigure logY(boolean on) {
        this.logY = on;
        return this;
    }

    /** Draw a marker at every point (for sparse data such as one read per pulse). */
    public LineFigure markers(boolean on) {
        this.markers = on;
        return this;
    }

    /** Markers only, no connecting lines (a scatter plot). */
    public LineFigure scatter() {
        this.markers = true;
        this.lines = false;
        return this;
    }

    /** The x values are times in seconds: shown in ns, µs, ms or s, whichever keeps the largest below 1000. */
    public LineFigure timeX() {
        this.timeX = true;
        return this;
    }

    /** The x values are counts (pulses): integer ticks only. */
    public LineFigure integerX() {
        this.integerX = true;
        return this;
    }

    /** The y values are counts: integer ticks only. */
    public LineFigure integerY() {
        this.integerY = true;
        return this;
    }

    /** Show or hide the legend (default: shown when there is more than one series or band). */
    public LineFigure legend(boolean on) {
        this.legend = on;
        return this;
    }

    /** The unit and factor of a time axis whose largest |t| is {@code max} seconds. */
    static Object[] timeUnit(double max) {
        if (max < 1e-6) {
            return new Object[] {"ns", 1e9};
        }
        if (max < 1e-3) {
            return new Object[] {"µs", 1e6};
        }
        if (max < 1) {
            return new Object[] {"ms", 1e3};
        }
        return new Object[] {"s", 1.0};
    }

    public JFreeChart chart() {
        XYSeriesCollection shown = data;
        String xl = xLabel;
        if (timeX) {
            double max = 0;
            for (int k = 0; k < data.getSeriesCount(); k++) {
                for (int i = 0; i < data.getSeries(k).getItemCount(); i++) {
                    max = Math.max(max, Math.abs(data.getSeries(k).getX(i).doubleValue()));
                }
            }
            Object[] unit = timeUnit(max);
            double f = (double) unit[1];
            shown = new XYSeriesCollection();
            for (int k = 0; k < data.getSeriesCount(); k++) {
                XYSeries s = new XYSeries(data.getSeries(k).getKey(), false, true);
                for (int i = 0; i < data.getSeries(k).getItemCount(); i++) {
                    s.add(data.getSeries(k).getX(i).doubleValue() * f, data.getSeries(k).getY(i));
                }
                shown.addSeries(s);
            }
            xl = xLabel + " (" + unit[0] + ")";
        }
        ValueAxis x = axis(xl, logX);
        ValueAxis y = axis(yLabel, logY);
        if (integerX && x instanceof NumberAxis nx) {
            nx.setStandardTickUnits(Axes.tickUnits(true));
        }
        if (integerY && y instanceof NumberAxis ny) {
            ny.setStandardTickUnits(Axes.tickUnits(true));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, markers);
        for (int k = 0; k < shown.getSeriesCount(); k++) {
            r.setSeriesStroke(k, new BasicStroke(1.8f));
            r.setSeriesPaint(k, PALETTE[k % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(shown, x, y, r);
        if (bands.getSeriesCount() > 0) {
            DeviationRenderer d = new DeviationRenderer(true, false);
            d.setAlpha(0.25f);
            for (int k = 0; k < bands.getSeriesCount(); k++) {
                Color c = PALETTE[bandColours.get(k) % PALETTE.length];
                d.setSeriesPaint(k, c);
                d.setSeriesFillPaint(k, c);
                d.setSeriesStroke(k, new BasicStroke(0.6f));
            }
            plot.setDataset(1, bands);
            plot.setRenderer(1, d);
        }
        for (double m : marks) {
            ValueMarker vm = new ValueMarker(m, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {4f, 3f}, 0f));
            plot.addDomainMarker(vm);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        boolean showLegend = legend != null ? legend : shown.getSeriesCount() + bands.getSeriesCount() > 1;
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, showLegend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            LogAxis a = new LogAxis(label);
            a.setBase(10);
            a.setTickUnit(new NumberTickUnit(1)); // one tick per decade (the unit is log10)
            a.setMinorTickMarksVisible(true);
            a.setNumberFormatOverride(new DecadeFormat());
            return a;
        }
        NumberAxis a = Axes.numberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    /** Labels a power of ten 10ⁿ (superscript digits), any other value plainly. */
    static final class DecadeFormat extends NumberFormat {
        private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double e = Math.log10(v);
            long n = Math.round(e);
            if (v > 0 && Math.abs(e - n) < 1e-9) {
                to.append("10");
                for (char c : Long.toString(n).toCharArray()) {
                    to.append(c == '-' ? '⁻' : SUPERSCRIPT.charAt(c - '0'));
                }
                return to;
            }
            return to.append(new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("display only");
        }
    }

    public void writePng(Path target, int width, int height) {
        JFreeChart chart = chart();
        AtomicFiles.writePng(target, chart.createBufferedImage(width, height));
    }

    /** Writes {@code panels} side by side, each {@code width} × {@code height} pixels, as one PNG. */
    public static void writePngRow(Path target, List<LineFigure> panels, int width, int height) {
        BufferedImage image = new BufferedImage(width * panels.size(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            for (int k = 0; k < panels.size(); k++) {
                panels.get(k).chart().draw(g, new Rectangle2D.Double(k * width, 0, width, height));
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.writePng(target, image);
    }
}
