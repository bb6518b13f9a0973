package org.oncofed.coordinator.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Krum, Multi-Krum and Bulyan against results worked out by hand (the scores are in the comments),
 * on one-coordinate updates {0, 1, 2, 3, ...} with one far-off attacker.
 */
class ByzantineRobustTest {

  private static AggregationResult aggregate(String name, Map<String, Double> settings, float... values) {
    AggregationStrategy strategy = AggregationStrategies.create(name, settings);
    Aggregation round = strategy.beginRound(new float[1], strategy.initialState());
    for (int i = 0; i < values.length; i++) {
      // Sample counts are ignored: the attacker claims far more samples than anyone.
      round.fold(new ModelUpdate("site-" + i, new float[] {values[i]}, values[i] > 50 ? 1_000_000 : 10));
    }
    return round.finish();
  }

  @Test
  void krumKeepsTheUpdateClosestToItsNeighbours() {
    // f = 1, n = 5: each score sums the n - f - 2 = 2 smallest squared distances.
    // scores: 0 -> 1+4 = 5, 1 -> 1+1 = 2, 2 -> 1+1 = 2, 3 -> 1+4 = 5, 100 -> 97²+98² = 19013.
    // 1 and 2 tie; the update folded first wins.
    assertThat(aggregate("krum", Map.of("f", 1.0), 0, 1, 2, 3, 100).parameters()).containsExactly(1f);
  }

  @Test
  void multiKrumAveragesTheBestScored() {
    // Same scores: m = 3 keeps 1 and 2 (score 2), then 0 (score 5, folded before 3): mean 1.
    assertThat(aggregate("multi-krum", Map.of("f", 1.0, "m", 3.0), 0, 1, 2, 3, 100).parameters())
        .containsExactly(1f);
    // m absent: n - f = 4 updates, all but the attacker: mean 1.5.
    assertThat(aggregate("multi-krum", Map.of("f", 1.0), 0, 1, 2, 3, 100).parameters()).containsExactly(1.5f);
  }

  @Test
  void bulyanSelectsByKrumThenAveragesAroundTheMedian() {
    // f = 1, n = 7: theta = n - 2f = 5 picks by Krum, each pick leaving the candidates:
    //   n=7, 4 neighbours: 2 and 3 score 10 (lowest), 2 is first -> pick 2
    //   n=6, 3 neighbours: 3 scores 1+4+4 = 9 -> pick 3
    //   n=5, 2 neighbours: 1 and 4 score 10 -> pick 1
    //   n=4, 1 neighbour: 4 and 5 score 1 -> pick 4
    //   n=3, 1 neighbour: 0 and 5 score 25 -> pick 0
    // selected {0, 1, 2, 3, 4}, median 2; beta = theta - 2f = 3 closest: {1, 2, 3}, mean 2.
    assertThat(aggregate("bulyan", Map.of("f", 1.0), 0, 1, 2, 3, 4, 5, 1000).parameters()).containsExactly(2f);
  }

  @Test
  void refusesToCombineFewerUpdatesThanTheRuleNeeds() {
    assertThatThrownBy(() -> aggregate("krum", Map.of("f", 1.0), 0, 1, 2, 3))
        .isInstanceOf(AggregationException.class)
        .hasMessageStartingWith("krum needs at least 5 updates (2f + 3), got 4");
    assertThatThrownBy(() -> aggregate("bulyan", Map.of("f", 1.0), 0, 1, 2, 3, 4, 5))
        .isInstanceOf(AggregationException.class)
        .hasMessageStartingWith("bulyan needs at least 7 updates (4f + 3), got 6");
    assertThatThrownBy(() -> aggregate("multi-krum", Map.of("f", 1.0, "m", 5.0), 0, 1, 2, 3, 100))
        .isInstanceOf(AggregationException.class)
        .hasMessage("multi-krum with f = 1 and m = 5 needs at least 6 updates, got 5");
  }

  @Test
  void minimumUpdatesFollowTheSettings() {
    assertThat(AggregationStrategies.minimumUpdates("fedavg", Map.of())).isEqualTo(1);
    assertThat(AggregationStrategies.minimumUpdates("krum", Map.of())).isEqualTo(5);
    assertThat(AggregationStrategies.minimumUpdates("multi-krum", Map.of("f", 2.0, "m", 6.0))).isEqualTo(8);
    assertThat(AggregationStrategies.minimumUpdates("fedyogi+bulyan", Map.of("f", 2.0))).isEqualTo(11);
  }
}
