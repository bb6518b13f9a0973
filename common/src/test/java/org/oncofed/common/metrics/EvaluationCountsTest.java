package org.oncofed.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncofed.proto.federation.v1.EvaluationReport;

class EvaluationCountsTest {

  @Test
  void roundTripsThroughAnEvaluationReport() {
    EvaluationCounts counts =
        new EvaluationCounts(ClassificationMetricsTest.MATRIX, ClassificationMetricsTest.histograms(), 0.42);

    EvaluationReport report = counts.writeTo(EvaluationReport.newBuilder().setTaskId("t1")).build();

    assertThat(report.getConfusionList()).containsExactly(5L, 1L, 0L, 2L, 3L, 1L, 0L, 1L, 4L);
    assertThat(report.getHistograms(2).getPositivesList()).containsExactly(0L, 0L, 1L, 4L);
    assertThat(EvaluationCounts.fromProto(report)).isEqualTo(counts);
  }

  @Test
  void refusesHistogramsThatDisagreeWithTheConfusionMatrix() {
    List<ScoreHistogram> histograms = List.of(
        ScoreHistogram.of(0, new long[] {0, 1, 2, 2}, new long[] {5, 4, 2, 1}),
        ClassificationMetricsTest.histograms().get(1),
        ClassificationMetricsTest.histograms().get(2));

    assertThatThrownBy(() -> new EvaluationCounts(ClassificationMetricsTest.MATRIX, histograms, 0.1))
        .hasMessage("score histogram of class 0 counts 5 positives and 12 negatives, but the confusion matrix has 6 and 11");
  }

  @Test
  void refusesAReportWithHistogramsOutOfOrderOrMissing() {
    List<ScoreHistogram> swapped = List.of(
        ClassificationMetricsTest.histograms().get(1),
        ClassificationMetricsTest.histograms().get(0),
        ClassificationMetricsTest.histograms().get(2));

    assertThatThrownBy(() -> new EvaluationCounts(ClassificationMetricsTest.MATRIX, swapped, 0.1))
        .hasMessage("score histogram 0 must be for class 0, found class 1");
    assertThatThrownBy(
            () -> new EvaluationCounts(
                ClassificationMetricsTest.MATRIX, ClassificationMetricsTest.histograms().subList(0, 2), 0.1))
        .hasMessage("expected one score histogram per class (3), found 2");
  }

  @Test
  void refusesAConfusionMatrixOfTheWrongSize() {
    assertThatThrownBy(() -> ConfusionMatrix.of(3, new long[8]))
        .hasMessage("a 3-class confusion matrix has 9 counts, found 8");
  }

  @Test
  void derivesOneVsRestCountsFromTheMatrix() {
    ConfusionMatrix m = ClassificationMetricsTest.MATRIX;

    assertThat(m.truePositives(1)).isEqualTo(3);
    assertThat(m.falsePositives(1)).isEqualTo(2);
    assertThat(m.falseNegatives(1)).isEqualTo(3);
    assertThat(m.trueNegatives(1)).isEqualTo(9);
    assertThat(m.plus(m).count(1, 0)).isEqualTo(4);
  }
}
