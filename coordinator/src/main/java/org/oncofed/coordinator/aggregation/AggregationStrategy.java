package org.oncofed.coordinator.aggregation;

import java.util.Map;

/**
 * How a round turns node updates into the next global model, in the spirit of Flower's
 * strategies, without transport or scheduling (the round loop owns sampling, deadlines and
 * collection). A strategy object holds only its configuration; whatever must survive from one
 * round to the next travels in an explicit {@link StrategyState} that the caller persists.
 */
public interface AggregationStrategy {

  /** Short name recorded in provenance, for example {@code fedavg}. */
  String name();

  /** Numeric settings by name, recorded in provenance. */
  Map<String, Double> settings();

  /**
   * The limits an update must respect before it is folded, checked by the round's intake (the
   * strategy's {@code maxDeltaNorm} setting).
   */
  UpdateBounds bounds();

  /** The state of the first round. */
  StrategyState initialState();

  /**
   * Starts a round from the current global model.
   *
   * @param globalParameters the global model the nodes trained from; only read, and it must stay
   *     unchanged until the round finishes
   * @param state the state the previous round returned, or {@link #initialState()}
   * @throws IllegalArgumentException when the state does not belong to this strategy or model
   */
  Aggregation beginRound(float[] globalParameters, StrategyState state);
}
