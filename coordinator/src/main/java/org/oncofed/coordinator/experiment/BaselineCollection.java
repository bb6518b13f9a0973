package org.oncofed.coordinator.experiment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.ReceivedUpdate;
import org.oncofed.coordinator.task.TaskBatch;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.UpdateValidator;

/**
 * Local-only baseline models, one per site, kept for the comparison in the experiment's report.
 * A baseline is folded into nothing, so its values are only checked for shape and finiteness.
 */
final class BaselineCollection extends TaskBatch {

  private final UpdateValidator validator;
  private final Map<String, String> modelBySite = new LinkedHashMap<>();

  BaselineCollection(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation, int parameterCount) {
    super(book, nodes, clock, cancellation);
    this.validator = UpdateValidator.finiteOnly(parameterCount);
  }

  @Override
  public UpdateValidator updateValidator(TaskRecord task) {
    return validator;
  }

  @Override
  public void keepUpdate(TaskRecord task, ReceivedUpdate update) {
    synchronized (this) {
      modelBySite.put(update.site().value(), update.sha256());
    }
  }

  /** Baseline model hash per site. */
  synchronized Map<String, String> models() {
    return Map.copyOf(modelBySite);
  }
}
