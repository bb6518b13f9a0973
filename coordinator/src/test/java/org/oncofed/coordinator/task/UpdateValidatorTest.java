package org.oncofed.coordinator.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.oncofed.coordinator.aggregation.ModelUpdate;
import org.oncofed.coordinator.aggregation.UpdateBounds;

class UpdateValidatorTest {

  private static final float[] GLOBAL = {0, 0, 0};

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
        UpdateValidator unbounded = UpdateValidator.finiteOnly(5000);

        assertThat(UpdateValidator.allFinite(values)).as("%s at %d", bad, position).isFalse();
        assertThatThrownBy(() -> unbounded.check(new ModelUpdate("site-a", values, 1)))
            .hasMessage("update from site-a rejected (finite): parameter " + position + " is " + bad
                + "; every value must be finite");
      }
    }
    assertThat(UpdateValidator.allFinite(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE, 0})).isTrue();
  }

  @Test
  void namesTheCheckEachBadUpdateFails() {
    UpdateValidator validator = UpdateValidator.against(GLOBAL, UpdateBounds.maxDeltaNorm(10));
    validator.check(new ModelUpdate("site-a", new float[] {1, 2, 3}, 1));

    assertThatThrownBy(() -> validator.check(new ModelUpdate("site-b", new float[] {1, 2}, 5)))
        .isInstanceOf(UpdateRejectedException.class)
        .hasMessage("update from site-b rejected (shape): expected 3 parameters, found 2")
        .satisfies(e -> assertThat(((UpdateRejectedException) e).check()).isEqualTo(UpdateCheck.SHAPE));
    assertThatThrownBy(() -> validator.check(new ModelUpdate("site-c", new float[] {1, Float.NaN, 3}, 5)))
        .hasMessage("update from site-c rejected (finite): parameter 1 is NaN; every value must be finite");
    assertThatThrownBy(() -> validator.check(new ModelUpdate("site-d", new float[] {0, 0, Float.POSITIVE_INFINITY}, 5)))
        .hasMessage("update from site-d rejected (finite): parameter 2 is Infinity; every value must be finite");
    assertThatThrownBy(() -> validator.check(new ModelUpdate("site-e", new float[] {1, 1, 1}, 0)))
        .hasMessage("update from site-e rejected (sample_count): sample count must be positive, found 0");
    assertThatThrownBy(() -> validator.check(new ModelUpdate("site-f", new float[] {6, 8, 1}, 5)))
        .hasMessage("update from site-f rejected (norm): delta L2 norm 10.04987562112089 exceeds the bound 10.0")
        .satisfies(e -> assertThat(((UpdateRejectedException) e).participant()).isEqualTo("site-f"));
  }

  @Test
  void measuresTheDeltaNormOfHugeFiniteValuesWithoutCallingThemNonFinite() {
    float[] huge = {3e38f, -3e38f, 0};
    UpdateValidator.against(GLOBAL, UpdateBounds.NONE).check(new ModelUpdate("site-a", huge, 1));

    UpdateValidator bounded = UpdateValidator.against(GLOBAL, UpdateBounds.maxDeltaNorm(1e38));
    assertThatThrownBy(() -> bounded.check(new ModelUpdate("site-a", huge, 1)))
        .hasMessageStartingWith("update from site-a rejected (norm): delta L2 norm 4.24")
        .hasMessageEndingWith("E38 exceeds the bound 1.0E38");
  }

  @Test
  void refusesToCheckAgainstANonFiniteGlobalModel() {
    assertThatThrownBy(() -> UpdateValidator.against(new float[] {0, Float.NaN}, UpdateBounds.NONE))
        .hasMessage("global model parameter 1 is NaN; a round needs a finite model");
  }
}
