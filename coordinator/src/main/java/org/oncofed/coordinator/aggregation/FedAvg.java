package org.oncofed.coordinator.aggregation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Federated averaging (McMahan et al., 2017): the new global model is the mean of the updates
 * weighted by their sample counts. Updates are folded into a running sum as they arrive, so a
 * round holds O(P) memory however many nodes take part.
 */
final class FedAvg implements AggregationStrategy {

  public static final String NAME = "fedavg";

  static final StrategyKind KIND = StrategyKind.of(NAME, List.of(), (values, bounds) -> new FedAvg(bounds));

  private final UpdateBounds bounds;

  public FedAvg(UpdateBounds bounds) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Double> settings() {
    return bounds.bounded() ? Map.of("maxDeltaNorm", bounds.maxDeltaNorm()) : Map.of();
  }

  @Override
  public UpdateBounds bounds() {
    return bounds;
  }

  @Override
  public StrategyState initialState() {
    return StrategyState.NONE;
  }

  @Override
  public Aggregation beginRound(float[] globalParameters, StrategyState state) {
    Objects.requireNonNull(globalParameters, "globalParameters");
    Objects.requireNonNull(state, "state");
    WeightedMean mean = new WeightedMean(globalParameters.length);
    return new AbstractAggregation() {
      @Override
      void add(ModelUpdate update) {
        mean.add(update.parameters(), update.sampleCount());
      }

      @Override
      float[] combine() {
        return mean.mean();
      }
    };
  }
}
