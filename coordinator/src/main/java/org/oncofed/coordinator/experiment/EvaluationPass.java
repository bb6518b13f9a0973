package org.oncofed.coordinator.experiment;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.common.SiteId;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.nodes.ConnectedNode;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.round.SiteSelector;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskKind;
import org.oncofed.coordinator.task.TaskMessages;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.proto.federation.v1.DataSplit;

/**
 * Asks every eligible site to evaluate some models on one of its splits, and collects the counts
 * (confusion matrices and score histograms) by model and site.
 */
@Singleton
class EvaluationPass {

  private final TaskBook book;
  private final ConnectedNodes nodes;
  private final Clock clock;
  private final EvaluationRepository evaluations;

  EvaluationPass(TaskBook book, ConnectedNodes nodes, Clock clock, EvaluationRepository evaluations) {
    this.book = book;
    this.nodes = nodes;
    this.clock = clock;
    this.evaluations = evaluations;
  }

  /** @return counts by model hash, then by site */
  Map<String, Map<String, EvaluationCounts>> run(ExperimentPlan plan, int round, List<ModelRecord> models,
      DataSplit split, Instant deadline, Cancellation cancellation) throws InterruptedException {
    EvaluationCollection batch = new EvaluationCollection(book, nodes, clock, cancellation, evaluations,
        plan.spec().classCount());
    for (SiteId site : sitesWithData(plan, split)) {
      for (ModelRecord model : models) {
        TaskRecord task = TaskRecord.assigned(plan.experimentId(), round, site.value(), TaskKind.EVALUATE,
            model.sha256(), split.name(), clock.instant(), deadline);
        batch.send(task, TaskMessages.evaluate(task, plan, model, split));
      }
    }
    batch.await(deadline);
    Map<String, Map<String, EvaluationCounts>> counts = new LinkedHashMap<>();
    for (ModelRecord model : models) {
      counts.put(model.sha256(), batch.countsFor(model.sha256()));
    }
    return counts;
  }

  private List<SiteId> sitesWithData(ExperimentPlan plan, DataSplit split) {
    return SiteSelector.eligible(nodes.snapshot(), plan).stream()
        .filter(site -> nodes.get(site).map(node -> node.registeredSlices(split) > 0).orElse(false))
        .toList();
  }
}
