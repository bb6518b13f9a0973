package org.oncofed.coordinator.experiment;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oncofed.common.SiteId;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.nodes.ConnectedNode;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.round.Quorum;
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
  private final Quorum quorum;

  EvaluationPass(TaskBook book, ConnectedNodes nodes, Clock clock, EvaluationRepository evaluations, Quorum quorum) {
    this.book = book;
    this.nodes = nodes;
    this.clock = clock;
    this.evaluations = evaluations;
    this.quorum = quorum;
  }

  /**
   * Asks each eligible site with data in {@code split} to evaluate each model it has not evaluated
   * yet in this round (a pass resumed after a restart asks only for what is missing).
   *
   * @return every stored count of the round and split for these models: by model hash, then by site
   */
  Map<String, Map<String, EvaluationCounts>> run(ExperimentPlan plan, int round, List<ModelRecord> models,
      DataSplit split, Instant deadline, Cancellation cancellation) throws InterruptedException {
    Map<String, Map<String, EvaluationCounts>> stored = stored(plan, round, split);
    EvaluationCollection batch = new EvaluationCollection(book, nodes, clock, cancellation,
        new EvaluationStore(evaluations, clock, plan.spec().classCount()));
    for (SiteId site : sitesWithData(plan, split, deadline, cancellation)) {
      for (ModelRecord model : models) {
        if (stored.getOrDefault(model.sha256(), Map.of()).containsKey(site.value())) {
          continue;
        }
        TaskRecord task = TaskRecord.assigned(plan.experimentId(), round, site.value(), TaskKind.EVALUATE,
            model.sha256(), split.name(), clock.instant(), deadline);
        batch.send(task, TaskMessages.evaluate(task, plan, model, split));
      }
    }
    batch.await(deadline);
    Map<String, Map<String, EvaluationCounts>> all = stored(plan, round, split);
    Map<String, Map<String, EvaluationCounts>> counts = new LinkedHashMap<>();
    for (ModelRecord model : models) {
      counts.put(model.sha256(), all.getOrDefault(model.sha256(), Map.of()));
    }
    return counts;
  }

  private Map<String, Map<String, EvaluationCounts>> stored(ExperimentPlan plan, int round, DataSplit split) {
    Map<String, Map<String, EvaluationCounts>> byModel = new LinkedHashMap<>();
    for (EvaluationRecord record : evaluations.findByExperimentIdAndRoundNoAndDataSplit(plan.experimentId(), round,
        split.name())) {
      byModel.computeIfAbsent(record.modelSha256(), model -> new TreeMap<>()).put(record.siteId(), record.counts());
    }
    return byModel;
  }

  private List<SiteId> sitesWithData(ExperimentPlan plan, DataSplit split, Instant deadline, Cancellation cancellation)
      throws InterruptedException {
    return quorum.await(plan, deadline, cancellation).stream()
        .filter(site -> nodes.get(site).map(node -> node.registeredSlices(split) > 0).orElse(false))
        .toList();
  }
}
