package org.oncofed.common.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The reference every model must beat: a classifier that ignores the image, scores each class by
 * its share of the examples and so always predicts the most frequent one (the majority-class
 * baseline). Its counts are derived from another evaluation's, so it needs no site to run it.
 */
public final class PriorClassifier {

  private PriorClassifier() {}

  /**
   * What the classifier with the class shares of {@code classTotals} would have counted on the
   * examples of {@code evaluated}: every example predicted as the most frequent class (the first
   * of equals), every score the class's share (so its AUC is 1/2, all pairs tied), the loss the
   * cross-entropy of those shares.
   */
  public static EvaluationCounts evaluate(EvaluationCounts evaluated, long[] classTotals) {
    Objects.requireNonNull(evaluated, "evaluated");
    int classes = evaluated.confusion().classes();
    if (classTotals.length != classes) {
      throw new IllegalArgumentException("expected " + classes + " class totals, found " + classTotals.length);
    }
    long all = Arrays.stream(classTotals).sum();
    if (all <= 0) {
      throw new IllegalArgumentException("the class totals hold no examples: " + Arrays.toString(classTotals));
    }
    int majority = 0;
    for (int c = 1; c < classes; c++) {
      if (classTotals[c] > classTotals[majority]) {
        majority = c;
      }
    }
    long[] actual = new long[classes];
    long[] matrix = new long[classes * classes];
    double loss = 0;
    for (int c = 0; c < classes; c++) {
      actual[c] = evaluated.confusion().actual(c);
      matrix[c * classes + majority] = actual[c];
      loss += actual[c] == 0 ? 0 : -actual[c] * Math.log(Math.max((double) classTotals[c] / all, 1e-10));
    }
    long examples = evaluated.examples();
    int bins = evaluated.histograms().get(0).bins();
    List<ScoreHistogram> histograms = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      long[] positives = new long[bins];
      long[] negatives = new long[bins];
      int bin = ScoreHistogram.binOf((double) classTotals[c] / all, bins);
      positives[bin] = actual[c];
      negatives[bin] = examples - actual[c];
      histograms.add(ScoreHistogram.of(c, positives, negatives));
    }
    return new EvaluationCounts(ConfusionMatrix.of(classes, matrix), histograms,
        examples == 0 ? Double.NaN : loss / examples);
  }
}
