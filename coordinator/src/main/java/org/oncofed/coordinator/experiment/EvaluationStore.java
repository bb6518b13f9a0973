package org.oncofed.coordinator.experiment;

import java.time.Clock;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.task.TaskRecord;

/** Stores a site's counts for a model, once they fit the experiment's model (its number of classes). */
record EvaluationStore(EvaluationRepository evaluations, Clock clock, int classes) {

  /** @throws IllegalArgumentException when the counts have another number of classes than the model */
  void save(TaskRecord task, String modelSha256, String split, EvaluationCounts counts) {
    if (counts.confusion().classes() != classes) {
      throw new IllegalArgumentException("evaluation has " + counts.confusion().classes()
          + " classes, the model has " + classes);
    }
    evaluations.save(new EvaluationRecord(task.taskId(), task.experimentId(), task.roundNo(), task.siteId(), split,
        modelSha256, EvaluationCountsJson.write(counts), counts.meanLoss(), clock.instant()));
  }
}
