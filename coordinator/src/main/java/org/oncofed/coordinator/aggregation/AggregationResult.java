package org.oncofed.coordinator.aggregation;

import java.util.Objects;

/**
 * What a round's aggregation produced.
 *
 * @param parameters the new global model, in DL4J {@code params()} order
 * @param state the strategy state to persist with the round and pass to the next one
 * @param updates updates folded in
 * @param totalSamples sum of their sample counts
 */
public record AggregationResult(float[] parameters, StrategyState state, int updates, long totalSamples) {

  public AggregationResult {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(state, "state");
  }
}
