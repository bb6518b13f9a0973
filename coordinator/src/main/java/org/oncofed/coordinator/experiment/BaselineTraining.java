package org.oncofed.coordinator.experiment;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.round.SiteSelector;
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

  BaselineTraining(TaskBook book, ConnectedNodes nodes, Clock clock, ModelStore models) {
    this.book = book;
    this.nodes = nodes;
    this.clock = clock;
    this.models = models;
  }

  /** @return the baselines that arrived by the deadline (a round deadline per federated round) */
  List<ModelRecord> train(ExperimentPlan plan, int phase, ModelRecord initial, Cancellation cancellation)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(plan.roundDeadline().multipliedBy(plan.rounds()));
    BaselineCollection batch = new BaselineCollection(book, nodes, clock, cancellation,
        Math.toIntExact(initial.parameterCount()));
    for (SiteId site : SiteSelector.eligible(nodes.snapshot(), plan)) {
      TaskRecord task = TaskRecord.assigned(plan.experimentId(), phase, site.value(), TaskKind.BASELINE,
          initial.sha256(), null, clock.instant(), deadline);
      batch.send(task, TaskMessages.train(task, plan, initial, plan.baselineTraining(), true));
    }
    batch.await(deadline);
    return batch.models().values().stream()
        .map(sha256 -> models.find(plan.experimentId(), sha256).orElseThrow())
        .toList();
  }
}
