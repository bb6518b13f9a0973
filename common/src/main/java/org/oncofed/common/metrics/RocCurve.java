package org.oncofed.common.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** ROC curve and AUC bounds of one class, computed from its one-vs-rest score histogram. */
public final class RocCurve {

  private RocCurve() {}

  /**
   * The {@code bins + 1} points at the bin edges, from (0, 0) at threshold 1.0 to (1, 1) at
   * threshold 0; empty when the class has no positives or no negatives (the rates are undefined).
   */
  public static List<RocPoint> points(ScoreHistogram histogram) {
    Objects.requireNonNull(histogram, "histogram");
    double positives = histogram.positiveTotal();
    double negatives = histogram.negativeTotal();
    if (positives == 0 || negatives == 0) {
      return List.of();
    }
    int bins = histogram.bins();
    List<RocPoint> points = new ArrayList<>(bins + 1);
    long truePositives = 0;
    long falsePositives = 0;
    points.add(new RocPoint(1.0, 0, 0));
    for (int k = bins - 1; k >= 0; k--) {
      truePositives += histogram.positives(k);
      falsePositives += histogram.negatives(k);
      points.add(new RocPoint((double) k / bins, falsePositives / negatives, truePositives / positives));
    }
    return List.copyOf(points);
  }

  /** The AUC with the bounds binning leaves open; see {@link AucEstimate}. */
  public static AucEstimate auc(ScoreHistogram histogram) {
    Objects.requireNonNull(histogram, "histogram");
    double pairs = (double) histogram.positiveTotal() * histogram.negativeTotal();
    if (pairs == 0) {
      return AucEstimate.UNDEFINED;
    }
    // Walk from the highest bin down: each negative is outscored for sure by every positive
    // already passed (higher bins) and ties, unknowably, with the positives of its own bin.
    double positivesAbove = 0;
    double ordered = 0;
    double sameBin = 0;
    for (int b = histogram.bins() - 1; b >= 0; b--) {
      ordered += histogram.negatives(b) * positivesAbove;
      sameBin += (double) histogram.negatives(b) * histogram.positives(b);
      positivesAbove += histogram.positives(b);
    }
    return new AucEstimate(ordered / pairs, (ordered + sameBin / 2) / pairs, (ordered + sameBin) / pairs);
  }
}
