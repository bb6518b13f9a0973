package org.oncofed.coordinator.round;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oncofed.common.SiteId;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.experiment.ExperimentPlan;
import org.oncofed.coordinator.federation.ConnectedNode;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.proto.federation.v1.DataSplit;
import org.oncofed.proto.federation.v1.Hello;
import org.oncofed.proto.federation.v1.SplitCounts;

/**
 * Asks every eligible site to evaluate some models on one of its splits, and collects the counts
 * (confusion matrices and score histograms) by model and site.
 */
final class EvaluationPass {

  private final RoundServices services;
  private final ExperimentPlan plan;

  EvaluationPass(RoundServices services, ExperimentPlan plan) {
    this.services = services;
    this.plan = plan;
  }

  /**
   * @param onStart receives the batch, so that a cancellation can stop it
   * @return counts by model hash, then by site
   */
  Map<String, Map<String, EvaluationCounts>> run(int round, List<ModelRecord> models, DataSplit split,
      Instant deadline, Consumer<TaskBatch> onStart) throws InterruptedException {
    EvaluationCollection batch = new EvaluationCollection(services.book(), services.nodes(), services.clock(),
        services.evaluations(), plan.spec().classCount());
    onStart.accept(batch);
    for (SiteId site : sitesWithData(split)) {
      for (ModelRecord model : models) {
        TaskRecord task = services.newTask(plan.experimentId(), round, site.value(), TaskKind.EVALUATE, model.sha256(),
            split.name(), deadline);
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

  private List<SiteId> sitesWithData(DataSplit split) {
    List<SiteId> eligible = SiteSelector.eligible(services.nodes().snapshot(), plan);
    return eligible.stream()
        .filter(site -> services.nodes().get(site).map(ConnectedNode::hello).map(hello -> size(hello, split) > 0)
            .orElse(false))
        .toList();
  }

  private static long size(Hello hello, DataSplit split) {
    SplitCounts counts = split == DataSplit.DATA_SPLIT_TEST ? hello.getDataset().getTest() : hello.getDataset().getValidation();
    return counts.getPerClassList().stream().mapToLong(Long::longValue).sum();
  }
}
