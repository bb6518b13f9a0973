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

  private final EvaluationRepository evaluations;
  private final Clock clock;
  private final int classes;

  EvaluationCollection(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation,
      EvaluationRepository evaluations, int classes) {
    super(book, nodes, clock, cancellation);
    this.evaluations = evaluations;
    this.clock = clock;
    this.classes = classes;
  }

  @Override
  public void keepEvaluation(TaskRecord task, EvaluationCounts counts) {
    if (counts.confusion().classes() != classes) {
      throw new IllegalArgumentException("evaluation has " + counts.confusion().classes()
          + " classes, the model has " + classes);
    }
    evaluations.save(new EvaluationRecord(task.taskId(), task.experimentId(), task.roundNo(), task.siteId(),
        task.dataSplit(), task.modelSha256(), EvaluationCountsJson.write(counts), counts.meanLoss(), clock.instant()));
  }
}
