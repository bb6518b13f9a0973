package org.oncofed.common.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.oncofed.proto.federation.v1.EvaluationReport;

/**
 * What a site reports after evaluating a model: a confusion matrix, one one-vs-rest score
 * histogram per class, and the mean loss. Aggregates only; no per-example output. Counts from
 * several sites sum to the pooled counts ({@link #pool}).
 *
 * <p>The constructor checks that the parts describe the same examples: one histogram per class in
 * class order with equal bin counts, and each histogram's positives and negatives matching the
 * matrix's row sums. A report failing these checks is refused with the first inconsistency named.
 *
 * @param meanLoss mean cross-entropy over the examples; NaN when there are none
 */
public record EvaluationCounts(ConfusionMatrix confusion, List<ScoreHistogram> histograms, double meanLoss) {

  /**
   * Equal-width bins in [0, 1] of the score histograms OncoFed asks sites for: enough that the
   * AUC's binning bounds (set by positive-negative pairs sharing a bin) stay narrow; 50 bins left
   * bounds 0.03 wide on real CT.
   */
  public static final int HISTOGRAM_BINS = 1000;

  public EvaluationCounts {
    Objects.requireNonNull(confusion, "confusion");
    histograms = List.copyOf(histograms);
    int classes = confusion.classes();
    if (histograms.size() != classes) {
      throw new IllegalArgumentException(
          "expected one score histogram per class (" + classes + "), found " + histograms.size());
    }
    long total = confusion.total();
    int bins = histograms.get(0).bins();
    for (int c = 0; c < classes; c++) {
      ScoreHistogram histogram = histograms.get(c);
      if (histogram.classIndex() != c) {
        throw new IllegalArgumentException(
            "score histogram " + c + " must be for class " + c + ", found class " + histogram.classIndex());
      }
      if (histogram.bins() != bins) {
        throw new IllegalArgumentException(
            "all score histograms need the same number of bins: class 0 has " + bins + ", class " + c + " has "
                + histogram.bins());
      }
      if (histogram.positiveTotal() != confusion.actual(c) || histogram.negativeTotal() != total - confusion.actual(c)) {
        throw new IllegalArgumentException(
            "score histogram of class " + c + " counts " + histogram.positiveTotal() + " positives and "
                + histogram.negativeTotal() + " negatives, but the confusion matrix has " + confusion.actual(c)
                + " and " + (total - confusion.actual(c)));
      }
    }
    if (total > 0 && !(meanLoss >= 0)) {
      throw new IllegalArgumentException("mean loss must be a number >= 0, found " + meanLoss);
    }
    if (total == 0) {
      meanLoss = Double.NaN;
    }
  }

  public long examples() {
    return confusion.total();
  }

  /**
   * Counts of all sites together: matrices and histograms summed, loss averaged weighted by
   * examples. Every part must have the same classes and bins.
   */
  public static EvaluationCounts pool(Collection<EvaluationCounts> sites) {
    Objects.requireNonNull(sites, "sites");
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("nothing to pool: no evaluation counts given");
    }
    ConfusionMatrix confusion = null;
    List<ScoreHistogram> histograms = null;
    double lossSum = 0;
    for (EvaluationCounts site : sites) {
      if (confusion == null) {
        confusion = site.confusion;
        histograms = new ArrayList<>(site.histograms);
      } else {
        confusion = confusion.plus(site.confusion);
        for (int c = 0; c < histograms.size(); c++) {
          histograms.set(c, histograms.get(c).plus(site.histograms.get(c)));
        }
      }
      if (site.examples() > 0) {
        lossSum += site.meanLoss * site.examples();
      }
    }
    return new EvaluationCounts(confusion, histograms, lossSum / confusion.total());
  }

  /** Reads the counts of a report, with the constructor's consistency checks. */
  public static EvaluationCounts fromProto(EvaluationReport report) {
    Objects.requireNonNull(report, "report");
    ConfusionMatrix confusion =
        ConfusionMatrix.of(report.getClasses(), report.getConfusionList().stream().mapToLong(Long::longValue).toArray());
    List<ScoreHistogram> histograms = new ArrayList<>();
    for (org.oncofed.proto.federation.v1.ScoreHistogram h : report.getHistogramsList()) {
      histograms.add(
          ScoreHistogram.of(
              h.getClassIndex(),
              h.getPositivesList().stream().mapToLong(Long::longValue).toArray(),
              h.getNegativesList().stream().mapToLong(Long::longValue).toArray()));
    }
    return new EvaluationCounts(confusion, histograms, report.getLoss());
  }

  /** Writes classes, confusion, histograms and loss into a report being built. */
  public EvaluationReport.Builder writeTo(EvaluationReport.Builder report) {
    Objects.requireNonNull(report, "report");
    report.setClasses(confusion.classes()).clearConfusion().clearHistograms().setLoss(meanLoss);
    for (long count : confusion.toRowMajor()) {
      report.addConfusion(count);
    }
    for (ScoreHistogram histogram : histograms) {
      var h = org.oncofed.proto.federation.v1.ScoreHistogram.newBuilder().setClassIndex(histogram.classIndex());
      for (int b = 0; b < histogram.bins(); b++) {
        h.addPositives(histogram.positives(b)).addNegatives(histogram.negatives(b));
      }
      report.addHistograms(h);
    }
    return report;
  }
}
