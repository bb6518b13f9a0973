package org.oncofed.coordinator.aggregation;

/**
 * One round of a strategy in progress, from {@link AggregationStrategy#beginRound}: updates are
 * folded in one at a time as they arrive, then combined once. Updates reach it already checked by
 * the round's intake (same length as the global model, every value finite, positive sample count,
 * within the strategy's {@link UpdateBounds}), so folding never refuses one. Implementations are
 * safe to call from several threads.
 */
public interface Aggregation {

  /**
   * Folds in one checked update; its arrays are only read.
   *
   * @throws IllegalStateException after {@link #finish}
   */
  void fold(ModelUpdate update);

  /** Updates folded so far. */
  int foldedUpdates();

  /** Sum of the folded updates' sample counts. */
  long totalSamples();

  /**
   * Ends the round. May be called once.
   *
   * @throws AggregationException when no update was folded (zero total weight) or the strategy
   *     needs more updates than it got
   */
  AggregationResult finish();
}
