package org.oncofed.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocCurveTest {

  private static final double EPS = 1e-12;

  // Positives score in bins 1..3, negatives in bins 0..2; bins 1 and 2 hold both.
  private static final ScoreHistogram OVERLAPPING =
      ScoreHistogram.of(0, new long[] {0, 1, 2, 3}, new long[] {5, 4, 2, 0});

  @Test
  void boundsTheAucByTheTiesInSharedBinsAndEstimatesTheirMidpoint() {
    AucEstimate auc = RocCurve.auc(OVERLAPPING);

    // 66 positive-negative pairs: 56 ordered across bins, 8 sharing a bin (2x2 in bin 2, 4x1 in bin 1).
    assertThat(auc.lower()).isCloseTo(56.0 / 66, within(EPS));
    assertThat(auc.upper()).isCloseTo(64.0 / 66, within(EPS));
    assertThat(auc.estimate()).isCloseTo(60.0 / 66, within(EPS));
    assertThat(auc.exact()).isFalse();
  }

  @Test
  void estimateEqualsTheTrapezoidOverTheRocPoints() {
    List<RocPoint> points = RocCurve.points(OVERLAPPING);
    double area = 0;
    for (int i = 1; i < points.size(); i++) {
      RocPoint a = points.get(i - 1);
      RocPoint b = points.get(i);
      area += (b.falsePositiveRate() - a.falsePositiveRate()) * (a.truePositiveRate() + b.truePositiveRate()) / 2;
    }

    assertThat(area).isCloseTo(RocCurve.auc(OVERLAPPING).estimate(), within(EPS));
  }

  @Test
  void rocPointsWalkTheBinEdgesFromTheTop() {
    assertThat(RocCurve.points(OVERLAPPING))
        .containsExactly(
            new RocPoint(1.0, 0, 0),
            new RocPoint(0.75, 0, 3.0 / 6),
            new RocPoint(0.5, 2.0 / 11, 5.0 / 6),
            new RocPoint(0.25, 6.0 / 11, 1),
            new RocPoint(0.0, 1, 1));
  }

  @Test
  void isExactWhenNoBinHoldsBothPositivesAndNegatives() {
    // Positives in bins {1, 1, 3}, negatives in {0, 2, 2}: 5 of the 9 pairs ordered correctly.
    ScoreHistogram separated = ScoreHistogram.of(2, new long[] {0, 2, 0, 1}, new long[] {1, 0, 2, 0});

    AucEstimate auc = RocCurve.auc(separated);

    assertThat(auc.exact()).isTrue();
    assertThat(auc.estimate()).isCloseTo(5.0 / 9, within(EPS));
  }

  @Test
  void binsScoresWithOneInTheLastBinAndRefusesScoresOutsideTheUnitInterval() {
    assertThat(ScoreHistogram.binOf(0.0, 10)).isZero();
    assertThat(ScoreHistogram.binOf(0.1, 10)).isEqualTo(1);
    assertThat(ScoreHistogram.binOf(0.999, 10)).isEqualTo(9);
    assertThat(ScoreHistogram.binOf(1.0, 10)).isEqualTo(9);
    assertThatThrownBy(() -> ScoreHistogram.binOf(Double.NaN, 10)).hasMessage("scores must lie in [0, 1], found NaN");
    assertThatThrownBy(() -> ScoreHistogram.binOf(1.5, 10)).hasMessage("scores must lie in [0, 1], found 1.5");
  }
}
