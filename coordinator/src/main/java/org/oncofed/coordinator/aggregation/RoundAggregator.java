package org.oncofed.coordinator.aggregation;

/**
 * One round of a strategy in progress, from {@link AggregationStrategy#beginRound}. Updates are
 * accepted one at a time as they arrive; each is validated first and either folded in completely
 * or rejected with nothing changed. Implementations are safe to call from several threads.
 */
public interface RoundAggregator {

  /**
   * Validates and folds in one update; its arrays are only read.
   *
   * @throws UpdateRejectedException when the update fails validation (wrong length, non-finite
   *     value, sample count not positive, delta norm above the bound); the round goes on without it
   * @throws IllegalStateException after {@link #finish}
   */
  void accept(ModelUpdate update);

  /** Updates accepted so far. */
  int acceptedUpdates();

  /** Sum of the accepted updates' sample counts. */
  long totalSamples();

  /**
   * Ends the round. May be called once.
   *
   * @throws AggregationException when no update was accepted (zero total weight) or the strategy
   *     needs more updates than it got
   */
  AggregationResult finish();
}
