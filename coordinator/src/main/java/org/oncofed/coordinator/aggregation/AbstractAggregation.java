package org.oncofed.coordinator.aggregation;

/**
 * The bookkeeping every combining strategy shares: count updates and samples, finish once, and
 * refuse to finish without updates. Subclasses only add and combine.
 */
abstract class AbstractAggregation implements Aggregation {

  private int folded;
  private long totalSamples;
  private boolean finished;

  /** Takes one update in. */
  abstract void add(ModelUpdate update);

  /** Combines the updates added (at least one) into the new global parameters. */
  abstract float[] combine();

  @Override
  public final synchronized void fold(ModelUpdate update) {
    requireOpen();
    add(update);
    folded++;
    totalSamples = Math.addExact(totalSamples, update.sampleCount());
  }

  @Override
  public final synchronized int foldedUpdates() {
    return folded;
  }

  @Override
  public final synchronized long totalSamples() {
    return totalSamples;
  }

  @Override
  public final synchronized AggregationResult finish() {
    requireOpen();
    finished = true;
    if (folded == 0) {
      throw new AggregationException(
          "cannot aggregate a round without accepted updates: total weight is zero, the global model stays as it was");
    }
    return new AggregationResult(combine(), StrategyState.NONE, folded, totalSamples);
  }

  private void requireOpen() {
    if (finished) {
      throw new IllegalStateException("the round has already finished");
    }
  }
}
