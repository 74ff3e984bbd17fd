package org.hafnia.postprocess.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;


import org.hafnia.meshes.LengthUnit;
import org.hafnia.meshes.ScalarField2D;
import org.hafnia.postprocess.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Heat-map panels side by side on one shared {@link BandedScale}, with axes in the grid's
 * length unit and one colour bar, written as PNG. Each node is painted as its cell
 * ((i, j) covers [i dx, (i+1) dx] × [j dy, (j+1) dy]), y upwards (row 0 at the bottom); beyond
 * {@link #MAX_BLOCKS} nodes a side, each block is the mean of s × s nodes.
 */
public final class HeatmapFigure {

    private record Panel(String title, ScalarField2D field) {
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final BandedScale scale;
    private final String valueLabel;
    private final List<Panel> panels = new ArrayList<>();
    private int panelWidth = 360;
    private int panelHeight = 400;

    public HeatmapFigure(BandedScale scale, String valueLabel) {
        this.scale = scale;
        this.valueLabel = valueLabel;
    }

    public HeatmapFigure panel(String title, ScalarField2D field) {
        panels.add(new Panel(title, field));
        return this;
    }

    public HeatmapFigure panelSize(int width, int height) {
        this.panelWidth = width;
        this.panelHeight = height;
        return this;
    }

    /**
     * Most blocks drawn along a panel's side: twice the default panel's pixels. A larger map is
     * drawn as means of s × s nodes (its extent kept), since a panel cannot show more, and one
     * drawn block per node of a 10000² map takes many minutes.
     */
    static final int MAX_BLOCKS = 800;

    private JFreeChart chart(Panel p, boolean withColourBar) {
        ScalarField2D f = p.field();
        int s = (Math.max(f.grid().nx(), f.grid().ny()) + MAX_BLOCKS - 1) / MAX_BLOCKS;
        int nx = (f.grid().nx() + s - 1) / s;
        int ny = (f.grid().ny() + s - 1) / s;
        double dx = f.grid().dx() * s;
        double dy = f.grid().dy() * s;
        double[][] xyz = new double[3][nx * ny];
        double[] v = f.values();
        int fnx = f.grid().nx();
        int fny = f.grid().ny();
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int k = j * nx + i;
                double sum = 0;
                int n = 0;
                for (int jj = j * s; jj < Math.min(fny, (j + 1) * s); jj++) {
                    for (int ii = i * s; ii < Math.min(fnx, (i + 1) * s); ii++) {
                        sum += v[jj * fnx + ii];
                        n++;
                    }
                }
                xyz[0][k] = i * dx;
                xyz[1][k] = j * dy;
                xyz[2][k] = sum / n;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(p.title(), xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(dx);
        r.setBlockHeight(dy);
        r.setBlockAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
        r.setPaintScale(scale.paintScale());
        String unit = f.grid().unit() == LengthUnit.REDUCED ? "reduced units" : f.grid().unit().symbol();
        NumberAxis xAxis = Axes.numberAxis("x (" + unit + ")");
        NumberAxis yAxis = Axes.numberAxis("y (" + unit + ")");
        xAxis.setRange(0, f.grid().nx() * f.grid().dx());
        yAxis.setRange(0, f.grid().ny() * f.grid().dy());
        xAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineStroke(new BasicStroke(1f));
        JFreeChart chart = new JFreeChart(p.title(), new Font("SansSerif", Font.BOLD, 14), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        if (withColourBar) {
            NumberAxis barAxis = Axes.numberAxis(valueLabel);
            barAxis.setRange(scale.lo(), scale.hi());
            PaintScaleLegend bar = new PaintScaleLegend(scale.paintScale(), barAxis);
            bar.setPosition(RectangleEdge.RIGHT);
            bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            bar.setStripWidth(14);
            bar.setMargin(4, 6, 4, 4);
            bar.setSubdivisionCount(scale.bands() * 4);
            chart.addSubtitle(bar);
        }
        return chart;
    }

    /** Renders all panels into one image. */
    public BufferedImage render(String title) {
        int barExtra = 110;
        int titleHeight = title == null ? 0 : 30;
        int width = panels.size() * panelWidth + barExtra;
        BufferedImage img = new BufferedImage(width, panelHeight + titleHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        if (title != null) {
            TextTitle t = new TextTitle(title, new Font("SansSerif", Font.PLAIN, 15));
            t.draw(g, new Rectangle2D.Double(0, 4, width, titleHeight - 4));
        }
        for (int k = 0; k < panels.size(); k++) {
            boolean last = k == panels.size() - 1;
            chart(panels.get(k), last).draw(g, new Rectangle2D.Double(k * panelWidth, titleHeight,
                    panelWidth + (last ? barExtra : 0), panelHeight));
        }
        g.dispose();
        return img;
    }

    /** Renders and writes a PNG atomically. */
    public void writePng(java.nio.file.Path target, String title) {
        BufferedImage img = render(title);
        AtomicFiles.writePng(target, img);
    }
}
