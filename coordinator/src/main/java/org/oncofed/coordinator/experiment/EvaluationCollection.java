package org.oncofed.coordinator.experiment;

import java.time.Clock;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.TaskBatch;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;

/** Evaluation tasks sent together: each site's counts are stored as they arrive, in the intake's transaction. */
final class EvaluationCollection extends TaskBatch {

  private final EvaluationStore store;

  EvaluationCollection(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation,
      EvaluationStore store) {
    super(book, nodes, clock, cancellation);
    this.store = store;
  }

  @Override
  public void keepEvaluation(TaskRecord task, String modelSha256, EvaluationCounts counts) {
    store.save(task, modelSha256, task.dataSplit(), counts);
  }
}
