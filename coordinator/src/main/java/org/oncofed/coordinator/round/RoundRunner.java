package org.oncofed.coordinator.round;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.GlobalModelProvenance;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.coordinator.aggregation.AggregationResult;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.aggregation.StrategyState;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.model.ModelStore;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.task.Cancellation;
import org.oncofed.coordinator.task.ReceivedUpdate;
import org.oncofed.coordinator.task.TaskBook;
import org.oncofed.coordinator.task.TaskKind;
import org.oncofed.coordinator.task.TaskMessages;
import org.oncofed.coordinator.task.TaskRecord;
import org.oncofed.coordinator.task.TaskRepository;
import org.oncofed.coordinator.task.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training rounds: waits for a quorum of eligible sites, sends each selected site a training
 * task, lets the intake fold updates in as they arrive, and at the end (all answered, or the
 * deadline) aggregates with the quorum or fails the round. A round that was open when the
 * coordinator stopped keeps the updates it had accepted and only asks the remaining sites again.
 */
@Singleton
public class RoundRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RoundRunner.class);

  /** What a round produced: a new global model and strategy state, or the reason it failed. */
  public record Outcome(boolean aggregated, ModelRecord model, StrategyState state, String failure) {}

  private final TaskBook book;
  private final ConnectedNodes nodes;
  private final Clock clock;
  private final ModelStore models;
  private final RoundRepository rounds;
  private final TaskRepository tasks;
  private final AuditTrail audit;

  RoundRunner(TaskBook book, ConnectedNodes nodes, Clock clock, ModelStore models, RoundRepository rounds,
      TaskRepository tasks, AuditTrail audit) {
    this.book = book;
    this.nodes = nodes;
    this.clock = clock;
    this.models = models;
    this.rounds = rounds;
    this.tasks = tasks;
    this.audit = audit;
  }

  /** Runs round {@code round} of the experiment from the global model {@code global}. */
  public Outcome run(ExperimentPlan plan, int round, ModelRecord global, StrategyState state,
      Cancellation cancellation) throws InterruptedException {
    String experimentId = plan.experimentId();
    Instant deadline = clock.instant().plus(plan.roundDeadline());
    List<SiteId> eligible = awaitQuorum(plan, deadline, cancellation);
    if (eligible.size() < plan.minNodes()) {
      String reason = "only " + eligible.size() + " eligible site(s) connected by the deadline, quorum is "
          + plan.minNodes();
      RoundRecord record = open(plan, round, global, List.of(), deadline);
      return failed(plan, record, round, global, state, reason);
    }
    AggregationStrategy strategy = plan.strategy();
    float[] globalParameters = models.read(global.sha256()).decode();
    RoundUpdates updates = RoundUpdates.begin(book, nodes, clock, cancellation, strategy, globalParameters, state);
    List<String> alreadyAnswered = restoreAcceptedUpdates(plan, round, updates);
    List<SiteId> selected = SiteSelector.sample(eligible, plan, round).stream()
        .filter(site -> !alreadyAnswered.contains(site.value()))
        .toList();
    RoundRecord record = open(plan, round, global, selected, deadline);
    LOG.info("Experiment {} round {}: training at {}", experimentId, round, selected);
    audit.record(AuditEventType.ROUND_OPENED, AuditEvent.SYSTEM, experimentId, round, null,
        Map.of("selectedSites", selected.stream().map(SiteId::value).toList(), "globalModelSha256", global.sha256(),
            "deadline", deadline.toString()));
    for (SiteId site : selected) {
      TaskRecord task = TaskRecord.assigned(experimentId, round, site.value(), TaskKind.TRAIN, global.sha256(), null,
          clock.instant(), deadline);
      updates.send(task, TaskMessages.train(task, plan, global, plan.training(), false));
    }
    List<TaskRecord> answered = updates.await(deadline);
    if (cancellation.isCancelled()) {
      return failed(plan, record, round, global, state, "experiment cancelled");
    }
    if (updates.acceptedUpdates() < plan.minNodes()) {
      return failed(plan, record, round, global, state, updates.acceptedUpdates() + " update(s) accepted, quorum is "
          + plan.minNodes() + ": " + describe(answered));
    }
    AggregationResult result = updates.finish();
    EncodedParameters encoded = EncodedParameters.encode(result.parameters());
    GlobalModelProvenance provenance = GlobalModelProvenance.aggregated(experimentId, round, global.sha256(),
        plan.spec(), new GlobalModelProvenance.Aggregation(strategy.name(), strategy.settings(), updates.contributions()),
        encoded.sha256(), RuntimeEnvironment.capture(), clock.millis());
    ModelRecord model = models.put(experimentId, round, ModelKind.GLOBAL, null, encoded, provenance);
    rounds.aggregated(record.id(), clock.instant(), model.sha256(), updates.trainLoss());
    Map<String, Long> weights = updates.weights();
    audit.record(AuditEventType.ROUND_AGGREGATED, AuditEvent.SYSTEM, experimentId, round, null,
        Map.of("participants", List.copyOf(weights.keySet()), "weights", weights, "newModelSha256", model.sha256(),
            "strategy", strategy.name()));
    audit.checkpoint("round " + round + " of experiment " + experimentId + " aggregated");
    LOG.info("Experiment {} round {} aggregated {} update(s) ({} samples) into {}", experimentId, round,
        result.updates(), result.totalSamples(), model.sha256());
    return new Outcome(true, model, result.state(), null);
  }

  private Outcome failed(ExperimentPlan plan, RoundRecord record, int round, ModelRecord global, StrategyState state,
      String reason) {
    rounds.failed(record.id(), clock.instant(), reason);
    LOG.warn("Experiment {} round {} failed: {}", plan.experimentId(), round, reason);
    audit.record(AuditEventType.ROUND_FAILED, AuditEvent.SYSTEM, plan.experimentId(), round, null,
        Map.of("reason", reason));
    audit.checkpoint("round " + round + " of experiment " + plan.experimentId() + " failed");
    return new Outcome(false, global, state, reason);
  }

  private List<SiteId> awaitQuorum(ExperimentPlan plan, Instant deadline, Cancellation cancellation)
      throws InterruptedException {
    while (true) {
      List<SiteId> eligible = SiteSelector.eligible(nodes.snapshot(), plan);
      if (eligible.size() >= plan.minNodes() || cancellation.isCancelled() || !clock.instant().isBefore(deadline)) {
        return eligible;
      }
      Thread.sleep(500);
    }
  }

  private RoundRecord open(ExperimentPlan plan, int round, ModelRecord global, List<SiteId> selected,
      Instant deadline) {
    String sites = selected.stream().map(SiteId::value).collect(Collectors.joining(","));
    return rounds.findByExperimentIdAndRoundNo(plan.experimentId(), round)
        .map(existing -> {
          rounds.reopen(existing.id(), deadline, sites);
          return existing;
        })
        .orElseGet(() -> rounds.save(new RoundRecord(UUID.randomUUID().toString(), plan.experimentId(),
            round, RoundStatus.OPEN, clock.instant(), deadline, null, global.sha256(), null, sites, null, null)));
  }

  /**
   * Folds in the updates this round accepted before a restart; tasks still open then are
   * cancelled. Returns the sites whose updates were restored.
   */
  private List<String> restoreAcceptedUpdates(ExperimentPlan plan, int round, RoundUpdates updates) {
    List<TaskRecord> previous = tasks.findByExperimentIdAndRoundNo(plan.experimentId(), round);
    for (TaskRecord task : previous) {
      if (task.kind() == TaskKind.TRAIN && task.status() == TaskStatus.ASSIGNED) {
        tasks.close(task.taskId(), TaskStatus.CANCELLED, clock.instant(), "coordinator restarted");
      }
    }
    return previous.stream()
        .filter(task -> task.kind() == TaskKind.TRAIN && task.status() == TaskStatus.COMPLETED)
        .map(task -> {
          ModelRecord update = models.find(plan.experimentId(), task.resultSha256()).orElseThrow();
          EncodedParameters encoded = models.read(update.sha256());
          updates.restore(new ReceivedUpdate(SiteId.of(task.siteId()), task.taskId(), encoded.decode(), encoded,
              task.sampleCount(), metrics(task.metricsJson()), update.provenanceJson(), update.provenanceSha256()));
          return task.siteId();
        })
        .toList();
  }

  private static Map<String, Double> metrics(String json) {
    try {
      return json == null ? Map.of() : CanonicalJson.mapper().readValue(json, new TypeReference<Map<String, Double>>() {});
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored update metrics are unreadable: " + json, e);
    }
  }

  private static String describe(List<TaskRecord> tasks) {
    return tasks.stream()
        .map(task -> task.siteId() + " " + task.status().name().toLowerCase(java.util.Locale.ROOT)
            + (task.reason() == null ? "" : " (" + task.reason() + ")"))
        .collect(Collectors.joining("; "));
  }
}
