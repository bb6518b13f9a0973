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
import org.oncofed.coordinator.task.TaskRepository;
import org.oncofed.coordinator.task.TaskStatus;

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
  private final TaskRepository tasks;
  private final EvaluationRepository evaluations;

  BaselineTraining(TaskBook book, ConnectedNodes nodes, Clock clock, ModelStore models, Quorum quorum,
      TaskRepository tasks, EvaluationRepository evaluations) {
    this.book = book;
    this.nodes = nodes;
    this.clock = clock;
    this.models = models;
    this.quorum = quorum;
    this.tasks = tasks;
    this.evaluations = evaluations;
  }

  /**
   * Asks each eligible site without a baseline yet (a final phase resumed after a restart keeps
   * those it has) to train one.
   *
   * @return every baseline of the experiment that reached the coordinator, by site; those kept
   *     on-site by their site's policy are not among them, only their test counts are stored
   */
  List<ModelRecord> train(ExperimentPlan plan, int phase, ModelRecord initial, Cancellation cancellation)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(plan.roundDeadline().multipliedBy(plan.rounds()));
    Set<String> done = tasks.findByExperimentId(plan.experimentId()).stream()
        .filter(task -> task.kind() == TaskKind.BASELINE && task.status() == TaskStatus.COMPLETED)
        .map(TaskRecord::siteId)
        .collect(Collectors.toSet());
    BaselineCollection batch = new BaselineCollection(book, nodes, clock, cancellation,
        Math.toIntExact(initial.parameterCount()), new EvaluationStore(evaluations, clock, plan.spec().classCount()));
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
