package org.oncofed.bench.measure;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console table: one line per comparison, ratios against their goals, then what was skipped. */
public final class ResultTable {

  private static final String[] HEADER = {"benchmark", "case", "candidate", "baseline", "ratio", "goal"};

  private ResultTable() {}

  public static void print(BenchReport report, PrintStream out) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Comparison c : report.comparisons()) {
      rows.add(new String[] {
          c.benchmark(),
          c.label(),
          figure(c.candidate(), c.unit()),
          c.baselineName() + " " + figure(c.baseline(), c.unit()),
          String.format(Locale.ROOT, "%.2f", c.ratio()),
          c.goal() == null ? "-" : String.format(Locale.ROOT, ">= %.2f %s", c.goal(), c.meetsGoal() ? "met" : "MISSED")});
    }
    int[] widths = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    for (BenchReport.Skipped skipped : report.skipped()) {
      out.println("skipped " + skipped.benchmark() + " " + skipped.label() + ": " + skipped.reason());
    }
    for (String note : report.notes()) {
      out.println("note: " + note);
    }
  }

  /** Median with the range of the repetitions. */
  static String figure(Samples samples, String unit) {
    return number(samples.median()) + " " + unit + " [" + number(samples.min()) + "-" + number(samples.max()) + "]";
  }

  private static String number(double value) {
    double magnitude = Math.abs(value);
    String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, format, value);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
