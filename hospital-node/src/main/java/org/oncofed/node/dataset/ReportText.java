package org.oncofed.node.dataset;

import java.io.PrintWriter;
import java.util.Locale;
import org.oncofed.common.TumourClass;

/** Plain-text rendering of scan reports and splits for the dataset commands. */
final class ReportText {

  private static final int MAX_LISTED = 50;

  private ReportText() {}

  static void scan(PrintWriter out, ScanReport r) {
    out.printf("dataset %s (labels: %s)%n", r.root(), r.labelSource());
    row(out, "files seen", Integer.toString(r.filesSeen()));
    row(out, "accepted", String.format(Locale.ROOT, "%d instances, %d slices, %d patients, %d series",
        r.instances(), r.slices(), r.patients(), r.series()));
    for (TumourClass c : TumourClass.values()) {
      ScanReport.ClassCount count = r.classes().get(c.label());
      row(out, c.label(), String.format(Locale.ROOT, "%d slices, %d instances, %d patients",
          count.slices(), count.instances(), count.patients()));
    }
    row(out, "rejected", Integer.toString(r.rejected().size()));
    r.rejected().stream().limit(MAX_LISTED)
        .forEach(x -> out.printf("    %s: %s%n", x.path(), x.reason()));
    more(out, r.rejected().size());
    row(out, "duplicates", Integer.toString(r.duplicates().size()));
    r.duplicates().stream().limit(MAX_LISTED)
        .forEach(d -> out.printf("    %s duplicates %s%n", d.path(), d.duplicateOf()));
    more(out, r.duplicates().size());
    row(out, "fingerprint", r.fingerprint());
  }

  static void split(PrintWriter out, DatasetSplits splits) {
    out.printf("split by patient, seed %d, fractions %s/%s/%s%n", splits.seed(), splits.fractions().train(),
        splits.fractions().validation(), splits.fractions().test());
    for (DatasetSplit s : new DatasetSplit[] {splits.train(), splits.validation(), splits.test()}) {
      long[] counts = s.classCounts();
      StringBuilder classes = new StringBuilder();
      for (TumourClass c : TumourClass.values()) {
        classes.append(String.format(Locale.ROOT, " %s %d", c.label(), counts[c.ordinal()]));
      }
      row(out, s.role().name().toLowerCase(Locale.ROOT), String.format(Locale.ROOT,
          "%3d patients %5d slices:%s", s.patients(), s.slices().size(), classes));
    }
  }

  private static void row(PrintWriter out, String label, String value) {
    out.printf("  %-12s %s%n", label, value);
  }

  private static void more(PrintWriter out, int total) {
    if (total > MAX_LISTED) {
      out.printf("    ... and %d more (--json lists all)%n", total - MAX_LISTED);
    }
  }
}
