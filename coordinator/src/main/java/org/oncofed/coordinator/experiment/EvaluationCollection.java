package org.oncofed.coordinator.experiment;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.TaskBatch;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskRecord;

/** Evaluation tasks sent together: each site's counts are stored as they arrive and kept for pooling. */
final class EvaluationCollection extends TaskBatch {

  private final EvaluationRepository evaluations;
  private final Clock clock;
  private final int classes;
  private final Map<String, Map<String, EvaluationCounts>> byModelThenSite = new LinkedHashMap<>();

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
    synchronized (this) {
      byModelThenSite.computeIfAbsent(task.modelSha256(), sha -> new LinkedHashMap<>()).put(task.siteId(), counts);
    }
  }

  /** Counts per site for one evaluated model, in arrival order. */
  synchronized Map<String, EvaluationCounts> countsFor(String modelSha256) {
    return Map.copyOf(byModelThenSite.getOrDefault(modelSha256, Map.of()));
  }
}
