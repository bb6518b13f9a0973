package org.oncofed.coordinator.aggregation;

/**
 * The bookkeeping every combining strategy shares: validate each update before it is folded,
 * count updates and samples, finish once, and refuse to finish without updates. Subclasses only
 * fold and combine.
 */
abstract class ValidatingRound implements RoundAggregator {

  private final UpdateValidator validator;
  private int accepted;
  private long totalSamples;
  private boolean finished;

  ValidatingRound(float[] globalParameters, UpdateBounds bounds) {
    this.validator = new UpdateValidator(globalParameters, bounds);
  }

  /** Folds a validated update in. */
  abstract void fold(ModelUpdate update);

  /** Combines the folded updates (at least one) into the new global parameters. */
  abstract float[] combine();

  @Override
  public final synchronized void accept(ModelUpdate update) {
    requireOpen();
    validator.check(update);
    fold(update);
    accepted++;
    totalSamples = Math.addExact(totalSamples, update.sampleCount());
  }

  @Override
  public final synchronized int acceptedUpdates() {
    return accepted;
  }

  @Override
  public final synchronized long totalSamples() {
    return totalSamples;
  }

  @Override
  public final synchronized AggregationResult finish() {
    requireOpen();
    finished = true;
    if (accepted == 0) {
      throw new AggregationException(
          "cannot aggregate a round without accepted updates: total weight is zero, the global model stays as it was");
    }
    return new AggregationResult(combine(), StrategyState.NONE, accepted, totalSamples);
  }

  private void requireOpen() {
    if (finished) {
      throw new IllegalStateException("the round has already finished");
    }
  }
}
