package org.oncofed.coordinator.round;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncofed.common.model.UpdateProvenance;
import org.oncofed.coordinator.aggregation.UpdateValidator;
import org.oncofed.coordinator.federation.ConnectedNodes;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelStore;

/** Local-only baseline models, one per site, kept for the comparison in the experiment's report. */
final class BaselineCollection extends TaskBatch {

  private final String experimentId;
  private final int round;
  private final ModelStore store;
  private final Map<String, String> modelBySite = new LinkedHashMap<>();

  BaselineCollection(TaskBook book, ConnectedNodes nodes, Clock clock, String experimentId, int round, ModelStore store) {
    super(book, nodes, clock);
    this.experimentId = experimentId;
    this.round = round;
    this.store = store;
  }

  @Override
  public void acceptUpdate(TaskRecord task, ReceivedUpdate update) {
    UpdateProvenance provenance = TrainingRound.parseProvenance(update);
    TrainingRound.requireProvenanceOf(provenance, update, experimentId, round, task.modelSha256());
    // Training updates are checked by the round's strategy; a baseline is folded into nothing.
    UpdateValidator.requireFinite(update.site().value(), update.parameters());
    store.put(experimentId, round, ModelKind.BASELINE, update.site().value(), update.encoded(), provenance);
    synchronized (this) {
      modelBySite.put(update.site().value(), update.sha256());
    }
  }

  /** Baseline model hash per site. */
  synchronized Map<String, String> models() {
    return Map.copyOf(modelBySite);
  }
}
