package org.oncofed.coordinator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small self-contained SVG line chart (axes, ticks, legend), so that reports need no script or
 * network access to show curves.
 */
final class SvgLineChart {

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b"};
  private static final int WIDTH = 560;
  private static final int HEIGHT = 320;
  private static final int LEFT = 56;
  private static final int RIGHT = 150;
  private static final int TOP = 28;
  private static final int BOTTOM = 44;

  /** A named series of points; NaN values are left out. */
  record Series(String name, double[] x, double[] y, boolean dashed) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private double minX = Double.NaN;
  private double maxX = Double.NaN;
  private double minY = Double.NaN;
  private double maxY = Double.NaN;

  SvgLineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  SvgLineChart add(String name, double[] x, double[] y) {
    series.add(new Series(name, x, y, false));
    return this;
  }

  SvgLineChart addDashed(String name, double[] x, double[] y) {
    series.add(new Series(name, x, y, true));
    return this;
  }

  /** Fixes the axes instead of fitting them to the data. */
  SvgLineChart range(double minX, double maxX, double minY, double maxY) {
    this.minX = minX;
    this.maxX = maxX;
    this.minY = minY;
    this.maxY = maxY;
    return this;
  }

  String render() {
    fitMissingRanges();
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(text(WIDTH / 2.0 - RIGHT / 2.0, 16, title, "middle", "bold"));
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
        LEFT, TOP, plotWidth, plotHeight));
    for (int i = 0; i <= 4; i++) {
      double fraction = i / 4.0;
      double yValue = minY + fraction * (maxY - minY);
      double y = TOP + plotHeight * (1 - fraction);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
          LEFT, y, LEFT + plotWidth, y));
      svg.append(text(LEFT - 6, y + 4, format(yValue), "end", "normal"));
      double xValue = minX + fraction * (maxX - minX);
      double x = LEFT + plotWidth * fraction;
      svg.append(text(x, TOP + plotHeight + 16, format(xValue), "middle", "normal"));
    }
    svg.append(text(LEFT + plotWidth / 2.0, HEIGHT - 6, xLabel, "middle", "normal"));
    svg.append(String.format(Locale.ROOT,
        "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>%n",
        TOP + plotHeight / 2.0, TOP + plotHeight / 2.0, HtmlReport.escape(yLabel)));
    for (int s = 0; s < series.size(); s++) {
      Series line = series.get(s);
      String colour = COLOURS[s % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < line.x().length; i++) {
        if (Double.isFinite(line.x()[i]) && Double.isFinite(line.y()[i])) {
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(line.x()[i], plotWidth), py(line.y()[i], plotHeight)));
        }
      }
      svg.append(String.format(Locale.ROOT,
          "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
          points.toString().strip(), colour, line.dashed() ? " stroke-dasharray=\"5,4\"" : ""));
      double legendY = TOP + 12 + s * 16;
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
          WIDTH - RIGHT + 10, legendY - 4, WIDTH - RIGHT + 28, legendY - 4, colour,
          line.dashed() ? " stroke-dasharray=\"5,4\"" : ""));
      svg.append(text(WIDTH - RIGHT + 32, legendY, line.name(), "start", "normal"));
    }
    return svg.append("</svg>\n").toString();
  }

  private double px(double x, int plotWidth) {
    return LEFT + plotWidth * (maxX == minX ? 0.5 : (x - minX) / (maxX - minX));
  }

  private double py(double y, int plotHeight) {
    return TOP + plotHeight * (1 - (maxY == minY ? 0.5 : (y - minY) / (maxY - minY)));
  }

  private void fitMissingRanges() {
    if (!Double.isNaN(minX)) {
      return;
    }
    double[] bounds = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (Series line : series) {
      for (int i = 0; i < line.x().length; i++) {
        if (Double.isFinite(line.x()[i]) && Double.isFinite(line.y()[i])) {
          bounds[0] = Math.min(bounds[0], line.x()[i]);
          bounds[1] = Math.max(bounds[1], line.x()[i]);
          bounds[2] = Math.min(bounds[2], line.y()[i]);
          bounds[3] = Math.max(bounds[3], line.y()[i]);
        }
      }
    }
    boolean empty = bounds[0] > bounds[1];
    minX = empty ? 0 : bounds[0];
    maxX = empty ? 1 : bounds[1];
    minY = empty ? 0 : Math.min(0, bounds[2]);
    maxY = empty ? 1 : bounds[3] * 1.05;
  }

  private static String text(double x, double y, String content, String anchor, String weight) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-weight=\"%s\">%s</text>%n",
        x, y, anchor, weight, HtmlReport.escape(content));
  }

  private static String format(double value) {
    return Math.abs(value - Math.rint(value)) < 1e-9 ? Long.toString(Math.round(value))
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
