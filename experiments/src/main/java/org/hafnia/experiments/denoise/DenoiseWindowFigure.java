package org.hafnia.experiments.denoise;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.hafnia.postprocess.plots.Axes;
import org.hafnia.postprocess.plots.FigureGrid;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code denoise-window.png}: panels against the signed train amplitude — telegraph step,
 * read σ, G shift and complete-channel damage, and for a device with a thermal model the
 * temperatures the first pulse reaches at the channel core and in the incomplete regions (where
 * the Arrhenius mobility decides what a train can move) — for every train timing of the study, the values
 * before the train beside those after it, the no-train and 0 V controls as dashed horizontal
 * lines and the derived window of the reference timing shaded; for a case with traps, the change
 * of the telegraph variance by cause (traps dissolved, completed, out of reach, appeared, persisting
 * with another step) at the reference timing. Colours from the Okabe–Ito
 * palette (distinguishable with the common colour-vision deficiencies).
 */
public final class DenoiseWindowFigure {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Okabe & Ito, "Color Universal Design" (2008): blue, vermillion, bluish green, reddish purple, sky blue, orange. */
    private static final Color[] SERIES = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(86, 180, 233), new Color(230, 159, 0)};
    private static final Color BEFORE = new Color(120, 120, 120);
    private static final Color NO_TRAIN = Color.BLACK;
    private static final Color ZERO_VOLT = new Color(230, 159, 0);
    private static final Color SHADE = new Color(0, 158, 115, 45);

    private DenoiseWindowFigure() {
    }

    /** Writes the figure of {@code r} as a PNG of 2 × 2 panels (and the temperatures, and the trap census, when measured). */
    public static void write(Path file, DenoiseStudy.Result r, String caseName) {
        FigureGrid grid = new FigureGrid(2, 760, 520);
        grid.add(panel(r, "Telegraph step |ΔI| at the read voltage", "telegraph step (µA)", 1e6,
                DenoiseStudy.Entry::stepBefore, DenoiseStudy.Entry::stepAfter, true));
        grid.add(panel(r, "Read-to-read σ of G", "read σ (µS)", 1e6, DenoiseStudy.Entry::sigmaBefore,
                DenoiseStudy.Entry::sigmaAfter, true));
        grid.add(panel(r, "Conductance shift of the train", "G after / G before − 1 (%)", 100, null,
                e -> e.gAfter() / e.gBefore() - 1, false));
        grid.add(panel(r, "Complete channel (largest φ ≥ ½ region)", "devices intact (%)", 100, null,
                DenoiseStudy.Entry::intact, false));
        if (r.entries().stream().anyMatch(e -> Double.isFinite(e.peakT()))) {
            // Where the pulse can move ions: the Arrhenius mobility follows these temperatures.
            grid.add(panel(r, "Hottest node at the end of the first pulse (channel core)", "temperature (K)", 1, null,
                    DenoiseStudy.Entry::peakT, false));
            grid.add(panel(r, "Hottest incomplete node (0.1 ≤ φ < ½) at the end of the first pulse", "temperature (K)", 1,
                    null, DenoiseStudy.Entry::incompleteT, false));
        }
        if (r.entries().get(0).trapsBefore() != null) {
            grid.add(trapPanel(r));
        }
        DenoiseStudy.Window w = r.window();
        String window = w.empty() ? "no window found"
                : String.format(Locale.ROOT, "window %.3g–%.3g V (RESET), shaded", w.low(), w.high());
        grid.writePng(file, "Denoising trains on case " + caseName + ": " + window);
    }

    private static JFreeChart panel(DenoiseStudy.Result r, String title, String yLabel, double scale,
                                    ToDoubleFunction<DenoiseStudy.Entry> before,
                                    ToDoubleFunction<DenoiseStudy.Entry> after, boolean includeZero) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        List<DenoiseStudy.Window> timings = r.windows();
        int series = 0;
        for (int t = 0; t < timings.size(); t++) {
            DenoiseStudy.Window timing = timings.get(t);
            List<DenoiseStudy.Entry> entries = r.entries().stream()
                    .filter(e -> e.train().applied() && e.train().width() == timing.width()
                            && e.train().count() == timing.count()).toList();
            if (before != null && t == 0) {
                data.addSeries(series(entries, before, scale, "before the train"));
                renderer.setSeriesPaint(series, BEFORE);
                renderer.setSeriesStroke(series, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                        1, new float[] {2, 3}, 0));
                series++;
            }
            data.addSeries(series(entries, after, scale, String.format(Locale.ROOT, "after %d × %s pulses",
                    timing.count(), seconds(timing.width()))));
            renderer.setSeriesPaint(series, SERIES[t % SERIES.length]);
            renderer.setSeriesStroke(series, new BasicStroke(2f));
            series++;
        }
        NumberAxis x = Axes.numberAxis("train amplitude (V; negative = RESET polarity)");
        NumberAxis y = Axes.numberAxis(yLabel);
        y.setAutoRangeIncludesZero(includeZero);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        DenoiseStudy.Window w = r.window();
        if (!w.empty()) {
            IntervalMarker shade = new IntervalMarker(-w.high(), -w.low(), SHADE);
            shade.setLabel("window");
            shade.setLabelAnchor(RectangleAnchor.TOP);
            shade.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(shade, Layer.BACKGROUND);
        }
        for (DenoiseStudy.Entry e : r.entries()) {
            if (e.train().width() != timings.get(0).width() || e.train().count() != timings.get(0).count()
                    || (e.train().applied() && e.train().amplitude() != 0)) {
                continue;
            }
            boolean none = !e.train().applied();
            ValueMarker m = new ValueMarker(scale * after.applyAsDouble(e), none ? NO_TRAIN : ZERO_VOLT,
                    new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
            m.setLabel(none ? "no-train control" : "0 V control");
            m.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
            m.setLabelAnchor(none ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
            m.setLabelTextAnchor(none ? TextAnchor.BOTTOM_LEFT : TextAnchor.TOP_LEFT);
            plot.addRangeMarker(m);
        }
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The change of σ_T² per device by cause against the amplitude, at the reference timing (µS²). */
    private static JFreeChart trapPanel(DenoiseStudy.Result r) {
        DenoiseStudy.Window timing = r.window();
        List<DenoiseStudy.Entry> entries = r.entries().stream()
                .filter(e -> e.train().applied() && e.train().width() == timing.width()
                        && e.train().count() == timing.count()).toList();
        // Each entry's terms once, for the five series.
        Map<DenoiseStudy.Entry, double[]> terms = new IdentityHashMap<>();
        for (DenoiseStudy.Entry e : entries) {
            terms.put(e, TrapCensusStudy.terms(e.trapsBefore(), e.trapsAfter()));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        String[] names = {"traps dissolved", "traps completed", "traps out of reach", "traps appeared",
            "persisting traps' step change"};
        for (int k = 0; k < names.length; k++) {
            final int cause = k;
            data.addSeries(series(entries, e -> terms.get(e)[2 + cause] / e.trapsBefore().size(), 1e12, names[k]));
            renderer.setSeriesPaint(k, SERIES[k]);
            renderer.setSeriesStroke(k, new BasicStroke(2f));
        }
        NumberAxis x = Axes.numberAxis("train amplitude (V; negative = RESET polarity)");
        XYPlot plot = new XYPlot(data, x, Axes.numberAxis("change of σ_T² per device (µS²)"), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Trap census: the telegraph variance's change by cause (%d × %s)",
                timing.count(), seconds(timing.width())), new Font("SansSerif", Font.BOLD, 13), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static XYSeries series(List<DenoiseStudy.Entry> entries, ToDoubleFunction<DenoiseStudy.Entry> f,
                                   double scale, String name) {
        XYSeries s = new XYSeries(name, true, false);
        for (DenoiseStudy.Entry e : entries) {
            double v = f.applyAsDouble(e);
            if (Double.isFinite(v)) {
                s.add(e.train().amplitude(), scale * v);
            }
        }
        return s;
    }

    private static String seconds(double s) {
        if (s >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        }
        if (s >= 1e-6) {
            return String.format(Locale.ROOT, "%.3g µs", s * 1e6);
        }
        return String.format(Locale.ROOT, "%.3g ns", s * 1e9);
    }
}
