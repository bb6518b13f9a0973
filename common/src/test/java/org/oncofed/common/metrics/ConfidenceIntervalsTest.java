package org.oncofed.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalsTest {

  @Test
  void wilsonMatchesNewcombesPublishedScoreIntervals() {
    // Newcombe, Statistics in Medicine 1998, 17:857, table I, method 3 (score interval).
    assertInterval(ConfidenceIntervals.wilson(81, 263), 0.2553, 0.3662);
    assertInterval(ConfidenceIntervals.wilson(15, 148), 0.0624, 0.1605);
    assertInterval(ConfidenceIntervals.wilson(0, 20), 0, 0.1611);
    assertInterval(ConfidenceIntervals.wilson(1, 29), 0.0061, 0.1718);
  }

  @Test
  void wilsonIsUndefinedWithoutExamplesAndRefusesImpossibleCounts() {
    assertThat(ConfidenceIntervals.wilson(0, 0)).isEqualTo(Interval.UNDEFINED);
    assertThatThrownBy(() -> ConfidenceIntervals.wilson(3, 2))
        .hasMessage("successes must be in [0, n], found 3 of 2");
  }

  @Test
  void hanleyMcNeilReproducesTheirWorkedExample() {
    // Hanley and McNeil, Radiology 1982, 143:29, table I: one reader's five-point ratings of 58
    // normal and 51 abnormal CT images; area 0.893 with standard error 0.032.
    long[] normal = {33, 6, 6, 11, 2};
    long[] abnormal = {3, 2, 2, 11, 33};
    ScoreHistogram ratings = ScoreHistogram.of(1, abnormal, normal);

    AucEstimate area = RocCurve.auc(ratings);

    assertThat(area.estimate()).isCloseTo(0.893, within(0.0005));
    double se = ConfidenceIntervals.hanleyMcNeilStandardError(area.estimate(), 51, 58);
    assertThat(se).isCloseTo(0.032, within(0.001));
    Interval interval = ConfidenceIntervals.hanleyMcNeil(area.estimate(), 51, 58);
    assertThat(interval.lower()).isCloseTo(area.estimate() - 1.96 * se, within(1e-3));
    assertThat(interval.upper()).isCloseTo(area.estimate() + 1.96 * se, within(1e-3));
  }

  @Test
  void hanleyMcNeilStaysWithinTheUnitIntervalAndIsUndefinedWithoutBothClasses() {
    assertThat(ConfidenceIntervals.hanleyMcNeil(1.0, 5, 5)).isEqualTo(new Interval(1, 1));
    assertThat(ConfidenceIntervals.hanleyMcNeil(0.99, 3, 4).upper()).isEqualTo(1);
    assertThat(ConfidenceIntervals.hanleyMcNeil(0.8, 0, 4)).isEqualTo(Interval.UNDEFINED);
  }

  @Test
  void balancedAccuracyOfEqualRatesIsWilsonOnTheEffectiveSampleSize() {
    // Both classes at 0.8 on 40 and 10 examples: effective size 4 / (1/40 + 1/10) = 32.
    Interval balanced = ConfidenceIntervals.balancedAccuracy(new long[] {32, 8}, new long[] {40, 10});

    Interval expected = ConfidenceIntervals.wilson(0.8, 32);
    assertThat(balanced).isEqualTo(expected);
    assertThat(ConfidenceIntervals.balancedAccuracy(new long[] {0, 0}, new long[] {0, 0}))
        .isEqualTo(Interval.UNDEFINED);
  }

  @Test
  void aChanceClassifierOnFewExamplesHasAnIntervalAroundOneHalf() {
    Interval balanced = ConfidenceIntervals.balancedAccuracy(new long[] {11, 9}, new long[] {20, 20});

    assertThat(balanced.contains(0.5)).isTrue();
    assertThat(balanced.width()).isGreaterThan(0.25);
  }

  private static void assertInterval(Interval interval, double lower, double upper) {
    assertThat(interval.lower()).isCloseTo(lower, within(0.00005));
    assertThat(interval.upper()).isCloseTo(upper, within(0.00005));
  }
}
