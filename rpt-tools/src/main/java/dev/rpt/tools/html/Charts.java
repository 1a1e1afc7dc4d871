package dev.rpt.tools.html;

import dev.rpt.core.calibration.ReliabilityBin;
import dev.rpt.tools.record.TuneRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws the report's charts with JFreeChart and returns each as an inline SVG element (JFreeSVG). Only numbers reach
 * the charts; titles and labels are fixed text, so no model or user text is ever drawn into an SVG.
 */
final class Charts {

    // Distinct, saturated fills: the Chromium test looks for them in the screenshot to tell a drawn chart from an
    // empty box.
    static final Color ACCURACY_BARS = new Color(0x1f, 0x77, 0xb4);
    static final Color PASSED = new Color(0x2c, 0xa0, 0x2c);
    static final Color FAILED = new Color(0xd6, 0x27, 0x28);
    static final Color ACCURACY_LINE = new Color(0x1f, 0x77, 0xb4);
    static final Color ECE_LINE = new Color(0xff, 0x7f, 0x0e);
    static final Color BRIER_LINE = new Color(0x94, 0x67, 0xbd);

    static final int WIDTH = 440;
    static final int HEIGHT = 340;
    static final int WIDE = 900;

    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color DIAGONAL = new Color(0x55, 0x55, 0x55);

    static {
        // A report is rendered in builds and CI, never on a screen; without this AWT may look for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {}

    /**
     * The reliability diagram: per equal-width bin, a bar as high as the bin's accuracy, the point (mean confidence,
     * accuracy), and the diagonal of perfect calibration.
     */
    static String reliability(List<ReliabilityBin> bins, String id) {
        XYIntervalSeries bars = new XYIntervalSeries("accuracy per bin");
        XYSeries points = new XYSeries("mean confidence vs accuracy", false);
        for (ReliabilityBin bin : bins) {
            if (bin.count() > 0) {
                double accuracy = bin.accuracy().getAsDouble();
                bars.add((bin.lower() + bin.upper()) / 2, bin.lower(), bin.upper(), accuracy, accuracy, accuracy);
                points.add(bin.meanConfidence().getAsDouble(), accuracy);
            }
        }
        XYIntervalSeriesCollection barData = new XYIntervalSeriesCollection();
        barData.addSeries(bars);
        XYBarRenderer barRenderer = new XYBarRenderer(0.04);
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setSeriesPaint(0, ACCURACY_BARS);
        barRenderer.setDrawBarOutline(true);
        barRenderer.setSeriesOutlinePaint(0, Color.WHITE);

        XYPlot plot = new XYPlot(barData, unitAxis("stated confidence"), unitAxis("accuracy"), barRenderer);
        XYSeries diagonal = new XYSeries("perfect calibration");
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        XYLineAndShapeRenderer diagonalRenderer = new XYLineAndShapeRenderer(true, false);
        diagonalRenderer.setSeriesPaint(0, DIAGONAL);
        diagonalRenderer.setSeriesStroke(
                0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(diagonal));
        plot.setRenderer(1, diagonalRenderer);
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        pointRenderer.setSeriesPaint(0, Color.BLACK);
        pointRenderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.setDataset(2, new XYSeriesCollection(points));
        plot.setRenderer(2, pointRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // bars first, the diagonal and points on top
        return svg(chart("Reliability", plot), WIDTH, HEIGHT, id);
    }

    /**
     * The confidence histogram: per equal-width bin, how many cases stated a confidence in it, stacked by whether
     * they passed or failed. The split is recovered exactly from the bin's count and accuracy.
     */
    static String histogram(List<ReliabilityBin> bins, String id) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReliabilityBin bin : bins) {
            String label = String.format(Locale.ROOT, "%.2f–%.2f", bin.lower(), bin.upper());
            long passed = bin.count() == 0
                    ? 0
                    : Math.round(bin.count() * bin.accuracy().getAsDouble());
            data.addValue(passed, "passed", label);
            data.addValue(bin.count() - passed, "failed", label);
        }
        CategoryAxis bins1 = new CategoryAxis("stated confidence");
        bins1.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        bins1.setCategoryMargin(0.05);
        NumberAxis cases = new NumberAxis("cases");
        cases.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PASSED);
        renderer.setSeriesPaint(1, FAILED);
        CategoryPlot plot = new CategoryPlot(data, bins1, cases, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return svg(chart("Confidence histogram", plot), WIDTH, HEIGHT, id);
    }

    /**
     * Accuracy, ECE and Brier per tune iteration: solid lines on the held-out split (what selects the best prompt),
     * dashed on the tune split.
     */
    static String trajectory(List<TuneRecord.Iteration> iterations, String id) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(
                series("accuracy (held-out)", iterations, it -> it.holdout().accuracy()));
        data.addSeries(series("ECE (held-out)", iterations, it -> it.holdout().ece()));
        data.addSeries(series("Brier (held-out)", iterations, it -> it.holdout().brier()));
        data.addSeries(series("accuracy (tune)", iterations, it -> it.tune().accuracy()));
        data.addSeries(series("ECE (tune)", iterations, it -> it.tune().ece()));
        data.addSeries(series("Brier (tune)", iterations, it -> it.tune().brier()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colors = {ACCURACY_LINE, ECE_LINE, BRIER_LINE};
        BasicStroke solid = new BasicStroke(3f);
        BasicStroke dashed =
                new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 5f}, 0f);
        for (int series = 0; series < 6; series++) {
            renderer.setSeriesPaint(series, colors[series % 3]);
            renderer.setSeriesStroke(series, series < 3 ? solid : dashed);
            renderer.setSeriesShape(series, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        NumberAxis iteration = new NumberAxis("iteration");
        iteration.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        iteration.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, iteration, unitAxis("value"), renderer);
        return svg(chart("Accuracy, ECE and Brier per iteration", plot), WIDE, HEIGHT, id);
    }

    private static XYSeries series(
            String name, List<TuneRecord.Iteration> iterations, Function<TuneRecord.Iteration, OptionalDouble> value) {
        XYSeries series = new XYSeries(name, false);
        for (TuneRecord.Iteration it : iterations) {
            OptionalDouble v = value.apply(it);
            // A null y leaves a gap: an undefined metric is not drawn as 0.
            series.add(Integer.valueOf(it.iteration()), v.isPresent() ? Double.valueOf(v.getAsDouble()) : null);
        }
        return series;
    }

    private static NumberAxis unitAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(0.0, 1.0);
        return axis;
    }

    private static JFreeChart chart(String title, Plot plot) {
        // No ChartTheme: a theme's apply() repaints every series with its own colours and strokes. The defaults are
        // already the generic SansSerif family, which the SVG names and the browser maps with no download.
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
        }
        return chart;
    }

    private static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return g2.getSVGElement(id);
    }
}
