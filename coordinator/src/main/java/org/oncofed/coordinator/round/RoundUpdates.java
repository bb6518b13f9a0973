package org.oncofed.coordinator.round;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.common.model.GlobalModelProvenance;
import org.oncofed.coordinator.aggregation.Aggregation;
import org.oncofed.coordinator.aggregation.AggregationResult;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.aggregation.ModelUpdate;
import org.oncofed.coordinator.aggregation.StrategyState;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.ReceivedUpdate;
import org.oncofed.coordinator.task.TaskBatch;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.UpdateValidator;

/**
 * The training tasks of one round and the updates they bring. The intake checks each update
 * against the round's global model and the strategy's bounds, stores it, then hands it here, where
 * it is folded into the strategy's aggregation at once (so memory does not grow with the number
 * of sites), with what the new model's provenance records.
 */
public final class RoundUpdates extends TaskBatch {

  private final Aggregation aggregation;
  private final UpdateValidator validator;
  private final List<GlobalModelProvenance.Contribution> contributions = new ArrayList<>();
  private final Map<String, Long> weights = new LinkedHashMap<>();
  private double weightedLoss;
  private long lossWeight;

  private RoundUpdates(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation,
      Aggregation aggregation, UpdateValidator validator) {
    super(book, nodes, clock, cancellation);
    this.aggregation = aggregation;
    this.validator = validator;
  }

  /**
   * A round of {@code strategy} from the global model {@code global} (only read, and unchanged
   * until the round finishes).
   *
   * @throws IllegalArgumentException when the global model is not finite or the state does not
   *     belong to the strategy
   */
  public static RoundUpdates begin(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation,
      AggregationStrategy strategy, float[] global, StrategyState state) {
    UpdateValidator validator = UpdateValidator.against(global, strategy.bounds());
    return new RoundUpdates(book, nodes, clock, cancellation, strategy.beginRound(global, state), validator);
  }

  @Override
  public UpdateValidator updateValidator(TaskRecord task) {
    return validator;
  }

  @Override
  public void keepUpdate(TaskRecord task, ReceivedUpdate update) {
    fold(update);
  }

  /** Folds in an update this round accepted before a restart, read back from the model store. */
  void restore(ReceivedUpdate update) {
    fold(update);
  }

  private void fold(ReceivedUpdate update) {
    aggregation.fold(new ModelUpdate(update.site().value(), update.parameters(), update.sampleCount()));
    synchronized (this) {
      contributions.add(new GlobalModelProvenance.Contribution(update.sha256(), update.provenanceSha256(),
          update.sampleCount()));
      weights.put(update.site().value(), update.sampleCount());
      Double loss = update.metrics().get("train_loss");
      if (loss != null && Double.isFinite(loss)) {
        weightedLoss += loss * update.sampleCount();
        lossWeight += update.sampleCount();
      }
    }
  }

  public int acceptedUpdates() {
    return aggregation.foldedUpdates();
  }

  /** Combines the folded updates into the next global model; may be called once. */
  public AggregationResult finish() {
    return aggregation.finish();
  }

  synchronized List<GlobalModelProvenance.Contribution> contributions() {
    return List.copyOf(contributions);
  }

  /** Sample count of each site whose update was folded in, in the order they arrived. */
  synchronized Map<String, Long> weights() {
    return new LinkedHashMap<>(weights);
  }

  /** Sample-weighted mean of the training losses the sites reported, or null if none did. */
  synchronized Double trainLoss() {
    return lossWeight == 0 ? null : weightedLoss / lossWeight;
  }
}
