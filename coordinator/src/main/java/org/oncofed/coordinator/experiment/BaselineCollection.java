package org.oncofed.coordinator.experiment;

import java.time.Clock;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.ReceivedUpdate;
import org.oncofed.coordinator.task.TaskBatch;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.UpdateValidator;

/**
 * Local-only baseline training tasks, one per site. A baseline is folded into nothing, so its
 * values are only checked for shape and finiteness; the intake stores it as the site's baseline.
 */
final class BaselineCollection extends TaskBatch {

  private final UpdateValidator validator;

  BaselineCollection(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation, int parameterCount) {
    super(book, nodes, clock, cancellation);
    this.validator = UpdateValidator.finiteOnly(parameterCount);
  }

  @Override
  public UpdateValidator updateValidator(TaskRecord task) {
    return validator;
  }

  /** Nothing more to keep: the intake committed the model as the site's baseline. */
  @Override
  public void keepUpdate(TaskRecord task, ReceivedUpdate update) {}
}
