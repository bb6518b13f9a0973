package org.oncofed.coordinator.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FedAvgTest {

  private static final float[] GLOBAL = {0, 0, 0};
  private final FedAvg fedAvg = new FedAvg(UpdateBounds.NONE);

  @Test
  void weightsUpdatesBySampleCount() {
    Aggregation round = fedAvg.beginRound(GLOBAL, fedAvg.initialState());
    round.fold(new ModelUpdate("site-a", new float[] {1, 2, 3}, 1));
    round.fold(new ModelUpdate("site-b", new float[] {4, 5, 6}, 3));

    AggregationResult result = round.finish();

    // (1*1 + 3*4) / 4, (1*2 + 3*5) / 4, (1*3 + 3*6) / 4
    assertThat(result.parameters()).containsExactly(3.25f, 4.25f, 5.25f);
    assertThat(result.updates()).isEqualTo(2);
    assertThat(result.totalSamples()).isEqualTo(4);
    assertThat(result.state()).isSameAs(StrategyState.NONE);
  }

  @Test
  void zeroTotalWeightIsAnErrorNotANaNModel() {
    Aggregation round = fedAvg.beginRound(GLOBAL, fedAvg.initialState());

    assertThatThrownBy(round::finish)
        .isInstanceOf(AggregationException.class)
        .hasMessage("cannot aggregate a round without accepted updates: total weight is zero, "
            + "the global model stays as it was");
    assertThatThrownBy(() -> new WeightedMean(3).mean())
        .isInstanceOf(AggregationException.class)
        .hasMessage("cannot average: total weight is zero (no update was accepted)");
  }

  @Test
  void neverChangesItsInputs() {
    float[] global = {1, 1};
    float[] update = {3, 5};
    Aggregation round = fedAvg.beginRound(global, StrategyState.NONE);
    round.fold(new ModelUpdate("site-a", update, 2));

    round.finish();

    assertThat(global).containsExactly(1, 1);
    assertThat(update).containsExactly(3, 5);
  }

  @Test
  void keepsTheMeanExactWhereAFloatSumWouldLoseIt() {
    // In float32, 1e8 + 1 rounds back to 1e8 and the mean would come out as 0.
    Aggregation round = fedAvg.beginRound(new float[] {0}, StrategyState.NONE);
    round.fold(new ModelUpdate("a", new float[] {1e8f}, 1));
    round.fold(new ModelUpdate("b", new float[] {1f}, 1));
    round.fold(new ModelUpdate("c", new float[] {-1e8f}, 1));

    assertThat(round.finish().parameters()).containsExactly(1f / 3);
  }

  @Test
  void refusesToFinishTwiceOrFoldAfterFinishing() {
    Aggregation round = fedAvg.beginRound(GLOBAL, StrategyState.NONE);
    round.fold(new ModelUpdate("a", new float[] {1, 1, 1}, 1));
    round.finish();
    assertThatThrownBy(round::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> round.fold(new ModelUpdate("b", new float[] {1, 1, 1}, 1)))
        .hasMessage("the round has already finished");
  }
}
