package org.oncofed.coordinator.experiment;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.round.Quorum;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskKind;
import org.oncofed.coordinator.task.TaskMessages;
import org.oncofed.coordinator.task.TaskRecord;

/**
 * Has every eligible site train a local-only model from the initial weights, with the whole
 * experiment's budget and on its own data alone, for the final comparison.
 */
@Singleton
class BaselineTraining {

  private final TaskBook book;
  private final ConnectedNodes nodes;
  private final Clock clock;
  private final ModelStore models;
  private final Quorum quorum;

  BaselineTraining(TaskBook book, ConnectedNodes nodes, Clock clock, ModelStore models, Quorum quorum) {
    this.book = book;
    this.nodes = nodes;
    this.clock = clock;
    this.models = models;
    this.quorum = quorum;
  }

  /**
   * Asks each eligible site without a baseline yet (a final phase resumed after a restart keeps
   * those it has) to train one.
   *
   * @return every baseline of the experiment, by site
   */
  List<ModelRecord> train(ExperimentPlan plan, int phase, ModelRecord initial, Cancellation cancellation)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(plan.roundDeadline().multipliedBy(plan.rounds()));
    Set<String> done = baselines(plan).stream().map(ModelRecord::siteId).collect(Collectors.toSet());
    BaselineCollection batch = new BaselineCollection(book, nodes, clock, cancellation,
        Math.toIntExact(initial.parameterCount()));
    for (SiteId site : quorum.await(plan, deadline, cancellation)) {
      if (done.contains(site.value())) {
        continue;
      }
      TaskRecord task = TaskRecord.assigned(plan.experimentId(), phase, site.value(), TaskKind.BASELINE,
          initial.sha256(), null, clock.instant(), deadline);
      batch.send(task, TaskMessages.train(task, plan, initial, plan.baselineTraining(), true));
    }
    batch.await(deadline);
    return baselines(plan);
  }

  private List<ModelRecord> baselines(ExperimentPlan plan) {
    return models.all(plan.experimentId()).stream()
        .filter(model -> model.kind() == ModelKind.BASELINE)
        .sorted(Comparator.comparing(ModelRecord::siteId))
        .toList();
  }
}
