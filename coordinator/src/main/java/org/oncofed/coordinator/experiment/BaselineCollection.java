package org.oncofed.coordinator.experiment;

import java.time.Clock;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.ReceivedUpdate;
import org.oncofed.coordinator.task.TaskBatch;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.UpdateValidator;
import org.oncofed.proto.federation.v1.DataSplit;

/**
 * Local-only baseline training tasks, one per site. A baseline is folded into nothing, so its
 * values are only checked for shape and finiteness; the intake stores it as the site's baseline.
 * A site whose policy keeps its baseline answers with the baseline's counts on its own test split
 * instead, stored as that model's test evaluation.
 */
final class BaselineCollection extends TaskBatch {

  private final UpdateValidator validator;
  private final EvaluationStore store;

  BaselineCollection(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation, int parameterCount,
      EvaluationStore store) {
    super(book, nodes, clock, cancellation);
    this.validator = UpdateValidator.finiteOnly(parameterCount);
    this.store = store;
  }

  @Override
  public void keepEvaluation(TaskRecord task, String modelSha256, EvaluationCounts counts) {
    store.save(task, modelSha256, DataSplit.DATA_SPLIT_TEST.name(), counts);
  }

  @Override
  public UpdateValidator updateValidator(TaskRecord task) {
    return validator;
  }

  /** Nothing more to keep: the intake committed the model as the site's baseline. */
  @Override
  public void keepUpdate(TaskRecord task, ReceivedUpdate update) {}
}
