package org.hafnia.postprocess.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;


import org.hafnia.postprocess.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A line plot of one or more named series, with optional logarithmic axes, written as PNG. */
public final class LineFigure {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private boolean logX;
    private boolean logY;
    private boolean markers;

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

    public JFreeChart chart() {
        ValueAxis x = logX ? new LogAxis(xLabel) : new NumberAxis(xLabel);
        ValueAxis y = logY ? new LogAxis(yLabel) : new NumberAxis(yLabel);
        if (x instanceof NumberAxis nx) {
            nx.setAutoRangeIncludesZero(false);
        }
        if (y instanceof NumberAxis ny) {
            ny.setAutoRangeIncludesZero(false);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, markers);
        for (int k = 0; k < data.getSeriesCount(); k++) {
            r.setSeriesStroke(k, new BasicStroke(1.8f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
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
