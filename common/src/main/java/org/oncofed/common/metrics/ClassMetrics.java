package org.oncofed.common.metrics;

import java.util.List;

/**
 * One-vs-rest metrics of one class. A rate whose denominator is zero is NaN (see
 * {@link ClassificationMetrics} for the rule).
 *
 * @param support examples whose actual class is this one
 * @param precision TP / (TP + FP); NaN when the class was never predicted
 * @param sensitivity TP / (TP + FN), also called recall; NaN when the class never occurs
 * @param specificity TN / (TN + FP); NaN when every example is of this class
 * @param f1 2TP / (2TP + FP + FN), the harmonic mean of precision and sensitivity where both are
 *     defined, 0 when TP is 0 but FP or FN is not; NaN only when the class neither occurs nor is
 *     predicted
 * @param auc one-vs-rest ROC AUC with its binning bounds
 * @param roc ROC points at the histogram's bin edges, for plotting
 * @param precisionInterval, sensitivityInterval, specificityInterval Wilson 95 % intervals
 * @param aucInterval Hanley-McNeil 95 % interval, from the lower end of the AUC's binning bound to
 *     the upper end of its upper bound, so it covers what binning leaves open too
 */
public record ClassMetrics(
    int classIndex,
    long support,
    double precision,
    double sensitivity,
    double specificity,
    double f1,
    AucEstimate auc,
    List<RocPoint> roc,
    Interval precisionInterval,
    Interval sensitivityInterval,
    Interval specificityInterval,
    Interval aucInterval) {

  public ClassMetrics {
    roc = List.copyOf(roc);
  }

  static ClassMetrics of(ConfusionMatrix confusion, ScoreHistogram histogram) {
    int c = histogram.classIndex();
    long tp = confusion.truePositives(c);
    long fp = confusion.falsePositives(c);
    long fn = confusion.falseNegatives(c);
    long tn = confusion.trueNegatives(c);
    AucEstimate auc = RocCurve.auc(histogram);
    long positives = histogram.positiveTotal();
    long negatives = histogram.negativeTotal();
    Interval low = ConfidenceIntervals.hanleyMcNeil(auc.lower(), positives, negatives);
    Interval high = ConfidenceIntervals.hanleyMcNeil(auc.upper(), positives, negatives);
    return new ClassMetrics(
        c,
        tp + fn,
        ratio(tp, tp + fp),
        ratio(tp, tp + fn),
        ratio(tn, tn + fp),
        ratio(2 * tp, 2 * tp + fp + fn),
        auc,
        RocCurve.points(histogram),
        ConfidenceIntervals.wilson(tp, tp + fp),
        ConfidenceIntervals.wilson(tp, tp + fn),
        ConfidenceIntervals.wilson(tn, tn + fp),
        new Interval(low.lower(), high.upper()));
  }

  /** The zero-division rule in one place: an empty denominator gives NaN. */
  static double ratio(long numerator, long denominator) {
    return denominator == 0 ? Double.NaN : (double) numerator / denominator;
  }
}
