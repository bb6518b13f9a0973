package org.oncofed.coordinator.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrimmedMeanTest {

  private static AggregationResult aggregate(AggregationStrategy strategy, float[]... updates) {
    Aggregation round = strategy.beginRound(new float[updates[0].length], strategy.initialState());
    for (int i = 0; i < updates.length; i++) {
      round.fold(new ModelUpdate("site-" + i, updates[i], 1 + 100L * i));
    }
    return round.finish();
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValuePerCoordinate() {
    AggregationResult result = aggregate(
        TrimmedMean.median(UpdateBounds.NONE), new float[] {1, 10}, new float[] {2, -5}, new float[] {100, 0});

    assertThat(result.parameters()).containsExactly(2, 0);
  }

  @Test
  void medianOfAnEvenCountAveragesTheMiddleTwo() {
    AggregationResult result = aggregate(
        TrimmedMean.median(UpdateBounds.NONE), new float[] {4}, new float[] {1}, new float[] {3}, new float[] {2});

    assertThat(result.parameters()).containsExactly(2.5f);
  }

  @Test
  void trimsTheGivenFractionFromEachEndAndIgnoresSampleCounts() {
    float[][] updates = {{1, 0}, {2, 0}, {3, 0}, {1000, 6}};

    assertThat(aggregate(TrimmedMean.trimming(0.25, UpdateBounds.NONE), updates).parameters())
        .containsExactly(2.5f, 0f);
    // floor(0.2 * 4) = 0: nothing trimmed, an unweighted mean.
    assertThat(aggregate(TrimmedMean.trimming(0.2, UpdateBounds.NONE), updates).parameters())
        .containsExactly(251.5f, 1.5f);
  }

  @Test
  void anOutlierCannotMoveTheMedianOutsideTheHonestValues() {
    AggregationResult result = aggregate(
        TrimmedMean.median(UpdateBounds.NONE),
        new float[] {0.1f}, new float[] {0.2f}, new float[] {1e30f}, new float[] {0.3f}, new float[] {-1e30f});

    assertThat(result.parameters()).containsExactly(0.2f);
  }

  @Test
  void keepsACopySoThatAReusedBufferCannotChangeAnAcceptedUpdate() {
    TrimmedMean median = TrimmedMean.median(UpdateBounds.NONE);
    Aggregation round = median.beginRound(new float[1], StrategyState.NONE);
    float[] buffer = {5};
    round.fold(new ModelUpdate("a", buffer, 1));
    buffer[0] = 7;

    assertThat(buffer).containsExactly(7);
    assertThat(round.finish().parameters()).containsExactly(5);
  }

  @Test
  void rejectsTrimFractionsThatWouldLeaveNothing() {
    assertThatThrownBy(() -> TrimmedMean.trimming(0.5, UpdateBounds.NONE))
        .hasMessage("trim fraction must be in [0, 0.5), found 0.5");
  }
}
