package org.oncofed.coordinator.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FedAvgTest {

  private static final float[] GLOBAL = {0, 0, 0};
  private final FedAvg fedAvg = new FedAvg(UpdateBounds.NONE);

  @Test
  void weightsUpdatesBySampleCount() {
    RoundAggregator round = fedAvg.beginRound(GLOBAL, fedAvg.initialState());
    round.accept(new ModelUpdate("site-a", new float[] {1, 2, 3}, 1));
    round.accept(new ModelUpdate("site-b", new float[] {4, 5, 6}, 3));

    AggregationResult result = round.finish();

    // (1*1 + 3*4) / 4, (1*2 + 3*5) / 4, (1*3 + 3*6) / 4
    assertThat(result.parameters()).containsExactly(3.25f, 4.25f, 5.25f);
    assertThat(result.updates()).isEqualTo(2);
    assertThat(result.totalSamples()).isEqualTo(4);
    assertThat(result.state()).isSameAs(StrategyState.NONE);
  }

  @Test
  void zeroTotalWeightIsAnErrorNotANaNModel() {
    RoundAggregator round = fedAvg.beginRound(GLOBAL, fedAvg.initialState());

    assertThatThrownBy(round::finish)
        .isInstanceOf(AggregationException.class)
        .hasMessage("cannot aggregate a round without accepted updates: total weight is zero, "
            + "the global model stays as it was");
    assertThatThrownBy(() -> new WeightedMean(3).mean())
        .isInstanceOf(AggregationException.class)
        .hasMessage("cannot average: total weight is zero (no update was accepted)");
  }

  @Test
  void rejectedUpdatesLeaveTheRoundUnchanged() {
    RoundAggregator round = new FedAvg(UpdateBounds.maxDeltaNorm(10)).beginRound(GLOBAL, StrategyState.NONE);
    round.accept(new ModelUpdate("site-a", new float[] {1, 2, 3}, 1));

    assertThatThrownBy(() -> round.accept(new ModelUpdate("site-b", new float[] {1, 2}, 5)))
        .isInstanceOf(UpdateRejectedException.class)
        .hasMessage("update from site-b rejected: expected 3 parameters, found 2");
    assertThatThrownBy(() -> round.accept(new ModelUpdate("site-c", new float[] {1, Float.NaN, 3}, 5)))
        .hasMessage("update from site-c rejected: parameter 1 is NaN; every value must be finite");
    assertThatThrownBy(() -> round.accept(new ModelUpdate("site-d", new float[] {0, 0, Float.POSITIVE_INFINITY}, 5)))
        .hasMessage("update from site-d rejected: parameter 2 is Infinity; every value must be finite");
    assertThatThrownBy(() -> round.accept(new ModelUpdate("site-e", new float[] {1, 1, 1}, 0)))
        .hasMessage("update from site-e rejected: sample count must be positive, found 0");
    assertThatThrownBy(() -> round.accept(new ModelUpdate("site-f", new float[] {6, 8, 1}, 5)))
        .hasMessage("update from site-f rejected: delta L2 norm 10.04987562112089 exceeds the bound 10.0")
        .satisfies(e -> assertThat(((UpdateRejectedException) e).participant()).isEqualTo("site-f"));

    assertThat(round.acceptedUpdates()).isEqualTo(1);
    assertThat(round.finish().parameters()).containsExactly(1, 2, 3);
  }

  @Test
  void measuresTheDeltaNormOfHugeFiniteValuesWithoutCallingThemNonFinite() {
    float[] huge = {3e38f, -3e38f, 0};
    RoundAggregator unbounded = fedAvg.beginRound(GLOBAL, StrategyState.NONE);
    unbounded.accept(new ModelUpdate("site-a", huge, 1));

    assertThat(unbounded.acceptedUpdates()).isEqualTo(1);
    RoundAggregator bounded = new FedAvg(UpdateBounds.maxDeltaNorm(1e38)).beginRound(GLOBAL, StrategyState.NONE);
    assertThatThrownBy(() -> bounded.accept(new ModelUpdate("site-a", huge, 1)))
        .hasMessageStartingWith("update from site-a rejected: delta L2 norm 4.24")
        .hasMessageEndingWith("E38 exceeds the bound 1.0E38");
  }

  @Test
  void neverChangesItsInputs() {
    float[] global = {1, 1};
    float[] update = {3, 5};
    RoundAggregator round = fedAvg.beginRound(global, StrategyState.NONE);
    round.accept(new ModelUpdate("site-a", update, 2));

    round.finish();

    assertThat(global).containsExactly(1, 1);
    assertThat(update).containsExactly(3, 5);
  }

  @Test
  void keepsTheMeanExactWhereAFloatSumWouldLoseIt() {
    // In float32, 1e8 + 1 rounds back to 1e8 and the mean would come out as 0.
    RoundAggregator round = fedAvg.beginRound(new float[] {0}, StrategyState.NONE);
    round.accept(new ModelUpdate("a", new float[] {1e8f}, 1));
    round.accept(new ModelUpdate("b", new float[] {1f}, 1));
    round.accept(new ModelUpdate("c", new float[] {-1e8f}, 1));

    assertThat(round.finish().parameters()).containsExactly(1f / 3);
  }

  @Test
  void refusesToStartFromANonFiniteGlobalModelAndToFinishTwice() {
    assertThatThrownBy(() -> fedAvg.beginRound(new float[] {0, Float.NaN}, StrategyState.NONE))
        .hasMessage("global model parameter 1 is NaN; a round needs a finite model");
    RoundAggregator round = fedAvg.beginRound(GLOBAL, StrategyState.NONE);
    round.accept(new ModelUpdate("a", new float[] {1, 1, 1}, 1));
    round.finish();
    assertThatThrownBy(round::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> round.accept(new ModelUpdate("b", new float[] {1, 1, 1}, 1)))
        .hasMessage("the round has already finished");
  }
}
