package org.hafnia.postprocess.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


import org.hafnia.postprocess.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

/** Charts laid out row by row in a grid of equal panels under one title, written as one PNG. */
public final class FigureGrid {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final int columns;
    private final int panelWidth;
    private final int panelHeight;
    private final List<JFreeChart> charts = new ArrayList<>();

    public FigureGrid(int columns, int panelWidth, int panelHeight) {
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panelHeight = panelHeight;
    }

    public FigureGrid add(JFreeChart chart) {
        charts.add(chart);
        return this;
    }

    public BufferedImage render(String title) {
        int rows = (charts.size() + columns - 1) / columns;
        int titleHeight = title == null ? 0 : 30;
        BufferedImage img = new BufferedImage(columns * panelWidth, rows * panelHeight + titleHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        if (title != null) {
            new TextTitle(title, new Font("SansSerif", Font.PLAIN, 15))
                    .draw(g, new Rectangle2D.Double(0, 4, img.getWidth(), titleHeight - 4));
        }
        for (int k = 0; k < charts.size(); k++) {
            charts.get(k).draw(g, new Rectangle2D.Double((k % columns) * panelWidth,
                    titleHeight + (k / columns) * panelHeight, panelWidth, panelHeight));
        }
        g.dispose();
        return img;
    }

    public void writePng(Path target, String title) {
        BufferedImage img = render(title);
        AtomicFiles.writePng(target, img);
    }
}
