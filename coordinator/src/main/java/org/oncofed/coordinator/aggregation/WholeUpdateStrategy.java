package org.oncofed.coordinator.aggregation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the robust, stateless strategies share: they need every update of a round at once (to
 * sort coordinates or compare updates), so each folded update is copied and kept until the round
 * finishes (memory O(n·P)); sample counts are ignored, since a node could inflate its own.
 * Subclasses only combine the kept updates and name their own settings.
 */
abstract class WholeUpdateStrategy implements AggregationStrategy {

  private final UpdateBounds bounds;

  WholeUpdateStrategy(UpdateBounds bounds) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
  }

  /** Combines the round's updates (at least one), in the order they were folded. */
  abstract float[] combine(float[][] updates);

  /** The strategy's own settings, without {@code maxDeltaNorm}. */
  abstract Map<String, Double> ownSettings();

  @Override
  public final Map<String, Double> settings() {
    Map<String, Double> settings = new TreeMap<>(ownSettings());
    if (bounds.bounded()) {
      settings.put("maxDeltaNorm", bounds.maxDeltaNorm());
    }
    return Map.copyOf(settings);
  }

  @Override
  public final UpdateBounds bounds() {
    return bounds;
  }

  @Override
  public final StrategyState initialState() {
    return StrategyState.NONE;
  }

  @Override
  public final Aggregation beginRound(float[] globalParameters, StrategyState state) {
    Objects.requireNonNull(globalParameters, "globalParameters");
    Objects.requireNonNull(state, "state");
    List<float[]> kept = new ArrayList<>();
    return new AbstractAggregation() {
      @Override
      void add(ModelUpdate update) {
        // A copy, so that a caller reusing its buffer cannot change an accepted update.
        kept.add(update.parameters().clone());
      }

      @Override
      float[] combine() {
        return WholeUpdateStrategy.this.combine(kept.toArray(new float[0][]));
      }
    };
  }
}
