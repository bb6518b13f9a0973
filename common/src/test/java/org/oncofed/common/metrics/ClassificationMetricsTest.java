package org.oncofed.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

  private static final double EPS = 1e-12;

  // actual \ predicted:  normal benign malignant
  //   normal               5      1      0
  //   benign               2      3      1
  //   malignant            0      1      4
  static final ConfusionMatrix MATRIX = ConfusionMatrix.of(3, new long[] {5, 1, 0, 2, 3, 1, 0, 1, 4});

  /** Histograms consistent with {@link #MATRIX}: class c has actual(c) positives, the rest negatives. */
  static List<ScoreHistogram> histograms() {
    return List.of(
        ScoreHistogram.of(0, new long[] {0, 1, 2, 3}, new long[] {5, 4, 2, 0}),
        ScoreHistogram.of(1, new long[] {1, 2, 2, 1}, new long[] {6, 3, 1, 1}),
        ScoreHistogram.of(2, new long[] {0, 0, 1, 4}, new long[] {9, 3, 0, 0}));
  }

  @Test
  void computesAccuracyAndPerClassRatesFromTheConfusionMatrix() {
    ClassificationMetrics metrics = ClassificationMetrics.of(new EvaluationCounts(MATRIX, histograms(), 0.5));

    assertThat(metrics.examples()).isEqualTo(17);
    assertThat(metrics.accuracy()).isCloseTo(12.0 / 17, within(EPS));
    ClassMetrics normal = metrics.perClass().get(0);
    assertThat(normal.support()).isEqualTo(6);
    assertThat(normal.precision()).isCloseTo(5.0 / 7, within(EPS));
    assertThat(normal.sensitivity()).isCloseTo(5.0 / 6, within(EPS));
    assertThat(normal.specificity()).isCloseTo(9.0 / 11, within(EPS));
    assertThat(normal.f1()).isCloseTo(10.0 / 13, within(EPS));
    ClassMetrics benign = metrics.perClass().get(1);
    assertThat(benign.precision()).isCloseTo(3.0 / 5, within(EPS));
    assertThat(benign.sensitivity()).isCloseTo(3.0 / 6, within(EPS));
    assertThat(benign.specificity()).isCloseTo(9.0 / 11, within(EPS));
    assertThat(benign.f1()).isCloseTo(6.0 / 11, within(EPS));
    ClassMetrics malignant = metrics.perClass().get(2);
    assertThat(malignant.precision()).isCloseTo(4.0 / 5, within(EPS));
    assertThat(malignant.sensitivity()).isCloseTo(4.0 / 5, within(EPS));
    assertThat(malignant.specificity()).isCloseTo(11.0 / 12, within(EPS));
    assertThat(malignant.f1()).isCloseTo(8.0 / 10, within(EPS));
    assertThat(metrics.macroPrecision()).isCloseTo((5.0 / 7 + 3.0 / 5 + 4.0 / 5) / 3, within(EPS));
    assertThat(metrics.macroSensitivity()).isCloseTo((5.0 / 6 + 0.5 + 0.8) / 3, within(EPS));
    assertThat(metrics.macroSpecificity()).isCloseTo((9.0 / 11 + 9.0 / 11 + 11.0 / 12) / 3, within(EPS));
    assertThat(metrics.macroF1()).isCloseTo((10.0 / 13 + 6.0 / 11 + 0.8) / 3, within(EPS));
  }

  @Test
  void undefinedRatesAreNaNAndMacroAveragesSkipThem() {
    // Two classes; class 1 never occurs, so everything scored is a class-0 example.
    ConfusionMatrix matrix = ConfusionMatrix.of(2, new long[] {3, 1, 0, 0});
    List<ScoreHistogram> histograms = List.of(
        ScoreHistogram.of(0, new long[] {1, 3}, new long[] {0, 0}),
        ScoreHistogram.of(1, new long[] {0, 0}, new long[] {3, 1}));

    ClassificationMetrics metrics = ClassificationMetrics.of(new EvaluationCounts(matrix, histograms, 0.1));

    ClassMetrics normal = metrics.perClass().get(0);
    ClassMetrics absent = metrics.perClass().get(1);
    assertThat(normal.specificity()).isNaN();
    assertThat(normal.auc()).isEqualTo(AucEstimate.UNDEFINED);
    assertThat(normal.roc()).isEmpty();
    assertThat(absent.sensitivity()).isNaN();
    assertThat(absent.precision()).isZero();
    assertThat(absent.f1()).isZero();
    assertThat(absent.specificity()).isCloseTo(3.0 / 4, within(EPS));
    assertThat(metrics.macroSensitivity()).isCloseTo(3.0 / 4, within(EPS));
    assertThat(metrics.macroSpecificity()).isCloseTo(3.0 / 4, within(EPS));
    assertThat(metrics.macroAuc().estimate()).isNaN();
  }

  @Test
  void noExamplesGiveNaNRatherThanAnException() {
    ConfusionMatrix empty = ConfusionMatrix.empty(3);
    List<ScoreHistogram> histograms = List.of(
        ScoreHistogram.of(0, new long[2], new long[2]),
        ScoreHistogram.of(1, new long[2], new long[2]),
        ScoreHistogram.of(2, new long[2], new long[2]));

    ClassificationMetrics metrics = ClassificationMetrics.of(new EvaluationCounts(empty, histograms, 0));

    assertThat(metrics.accuracy()).isNaN();
    assertThat(metrics.meanLoss()).isNaN();
    assertThat(metrics.macroF1()).isNaN();
  }

  @Test
  void pooledMetricsComeFromSummedCountsNotAveragedRates() {
    EvaluationCounts siteA = new EvaluationCounts(MATRIX, histograms(), 0.5);
    ConfusionMatrix small = ConfusionMatrix.of(3, new long[] {1, 0, 0, 0, 0, 0, 0, 0, 0});
    EvaluationCounts siteB = new EvaluationCounts(
        small,
        List.of(
            ScoreHistogram.of(0, new long[] {0, 0, 0, 1}, new long[4]),
            ScoreHistogram.of(1, new long[4], new long[] {1, 0, 0, 0}),
            ScoreHistogram.of(2, new long[4], new long[] {1, 0, 0, 0})),
        2.3);

    ClassificationMetrics pooled = ClassificationMetrics.pooled(List.of(siteA, siteB));

    assertThat(pooled.examples()).isEqualTo(18);
    assertThat(pooled.accuracy()).isCloseTo(13.0 / 18, within(EPS));
    assertThat(pooled.meanLoss()).isCloseTo((0.5 * 17 + 2.3 * 1) / 18, within(EPS));
    assertThat(pooled.perClass().get(0).support()).isEqualTo(7);
  }
}
