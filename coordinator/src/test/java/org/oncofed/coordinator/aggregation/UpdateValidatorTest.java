package org.oncofed.coordinator.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UpdateValidatorTest {

  @Test
  void squaredDistanceCoversEveryElementAcrossBlockAndLaneBoundaries() {
    for (int length : new int[] {0, 1, 7, 8, 9, 1023, 1024, 1025, 3001}) {
      float[] ones = new float[length];
      Arrays.fill(ones, 1);

      assertThat(UpdateValidator.squaredDistance(ones, new float[length])).as("length %d", length).isEqualTo(length);
    }
  }

  @Test
  void squaredDistanceOfALongVectorStaysCloseToTheExactValue() {
    int length = 1_000_003;
    float[] a = new float[length];
    float[] b = new float[length];
    double exact = 0;
    for (int i = 0; i < length; i++) {
      a[i] = (float) Math.sin(i) * 0.01f;
      b[i] = (float) Math.cos(i) * 0.01f;
      double d = (double) a[i] - b[i];
      exact += d * d;
    }

    assertThat(UpdateValidator.squaredDistance(a, b)).isCloseTo(exact, withinPercentage(1e-4));
  }

  @Test
  void findsANonFiniteValueAnywhereWithoutABound() {
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      for (int position : new int[] {0, 1, 63, 64, 4999}) {
        float[] values = new float[5000];
        Arrays.fill(values, -3e38f);
        values[position] = bad;
        UpdateValidator unbounded = new UpdateValidator(new float[5000], UpdateBounds.NONE);

        assertThat(UpdateValidator.allFinite(values)).as("%s at %d", bad, position).isFalse();
        assertThatThrownBy(() -> unbounded.check(new ModelUpdate("site-a", values, 1)))
            .hasMessage("update from site-a rejected: parameter " + position + " is " + bad
                + "; every value must be finite");
      }
    }
    assertThat(UpdateValidator.allFinite(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, 0})).isTrue();
  }
}
