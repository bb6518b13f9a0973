package org.oncofed.coordinator.round;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.common.model.GlobalModelProvenance;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.coordinator.aggregation.AggregationResult;
import org.oncofed.coordinator.aggregation.ModelUpdate;
import org.oncofed.coordinator.aggregation.RoundAggregator;
import org.oncofed.coordinator.aggregation.UpdateRejectedException;
import org.oncofed.coordinator.federation.ConnectedNodes;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelStore;

/**
 * The training tasks of one round: each update is validated and folded into the strategy as it
 * arrives (so memory does not grow with the number of sites) and kept in the model store, so that
 * a restarted coordinator can aggregate the round without asking the sites again.
 */
final class TrainingRound extends TaskBatch {

  private final String experimentId;
  private final int round;
  private final RoundAggregator aggregator;
  private final ModelStore store;
  private final List<GlobalModelProvenance.Contribution> contributions = new ArrayList<>();
  private final Map<String, Long> weights = new LinkedHashMap<>();
  private double weightedLoss;
  private long lossWeight;

  TrainingRound(TaskBook book, ConnectedNodes nodes, Clock clock, String experimentId, int round,
      RoundAggregator aggregator, ModelStore store) {
    super(book, nodes, clock);
    this.experimentId = experimentId;
    this.round = round;
    this.aggregator = aggregator;
    this.store = store;
  }

  @Override
  public void acceptUpdate(TaskRecord task, ReceivedUpdate update) {
    UpdateProvenance provenance = parseProvenance(update);
    requireProvenanceOf(provenance, update, experimentId, round, task == null ? null : task.modelSha256());
    aggregator.accept(new ModelUpdate(update.site().value(), update.parameters(), update.sampleCount()));
    store.put(experimentId, round, ModelKind.UPDATE, update.site().value(), update.encoded(), provenance);
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

  /** Folds in an update accepted before a restart, from the model store. */
  void restore(ReceivedUpdate update) {
    acceptUpdate(null, update);
  }

  int acceptedUpdates() {
    return aggregator.acceptedUpdates();
  }

  AggregationResult finish() {
    return aggregator.finish();
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

  /** The provenance must describe this very update, trained in this experiment and round from this model. */
  static void requireProvenanceOf(UpdateProvenance provenance, ReceivedUpdate update, String experimentId, int round,
      String parentSha256) {
    String site = update.site().value();
    if (!provenance.updateSha256().equals(update.sha256())) {
      throw new UpdateRejectedException(site, "provenance names update " + provenance.updateSha256()
          + " but the uploaded bytes hash to " + update.sha256());
    }
    if (!provenance.experimentId().equals(experimentId) || provenance.round() != round) {
      throw new UpdateRejectedException(site, "provenance is for experiment " + provenance.experimentId()
          + " round " + provenance.round() + ", expected " + experimentId + " round " + round);
    }
    if (parentSha256 != null && !provenance.parentModelSha256().equals(parentSha256)) {
      throw new UpdateRejectedException(site, "provenance names parent model " + provenance.parentModelSha256()
          + ", the task's model is " + parentSha256);
    }
    if (provenance.sampleCount() != update.sampleCount()) {
      throw new UpdateRejectedException(site, "provenance counts " + provenance.sampleCount()
          + " samples, the upload header " + update.sampleCount());
    }
  }

  static UpdateProvenance parseProvenance(ReceivedUpdate update) {
    try {
      UpdateProvenance provenance = UpdateProvenance.parse(update.provenanceJson());
      if (!provenance.sha256().equals(update.provenanceSha256())) {
        throw new UpdateRejectedException(update.site().value(), "provenance record hashes to " + provenance.sha256()
            + ", the header says " + update.provenanceSha256());
      }
      return provenance;
    } catch (IllegalArgumentException e) {
      throw new UpdateRejectedException(update.site().value(), "unreadable provenance: " + e.getMessage());
    }
  }
}
