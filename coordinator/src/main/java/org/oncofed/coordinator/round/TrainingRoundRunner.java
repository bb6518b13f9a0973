package org.oncofed.coordinator.round;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.model.EncodedParameters;
import org.oncofed.common.model.GlobalModelProvenance;
import org.oncofed.common.model.RuntimeEnvironment;
import org.oncofed.coordinator.aggregation.AggregationResult;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.aggregation.StrategyState;
import org.oncofed.coordinator.experiment.ExperimentPlan;
import org.oncofed.coordinator.model.ModelKind;
import org.oncofed.coordinator.model.ModelRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one training round: waits for a quorum of eligible sites, sends each selected site a
 * training task, folds updates in as they arrive, and at the end (all answered, or the deadline)
 * aggregates with the quorum or fails the round. A round that was open when the coordinator
 * stopped keeps the updates it had accepted and only asks the remaining sites again.
 */
final class TrainingRoundRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingRoundRunner.class);

  /** What a round produced. */
  record Outcome(boolean aggregated, ModelRecord model, StrategyState state, String failure) {}

  private final RoundServices services;
  private final ExperimentPlan plan;
  private final AggregationStrategy strategy;
  private final BooleanSupplier cancelled;
  private volatile TaskBatch current;

  TrainingRoundRunner(RoundServices services, ExperimentPlan plan, AggregationStrategy strategy,
      BooleanSupplier cancelled) {
    this.services = services;
    this.plan = plan;
    this.strategy = strategy;
    this.cancelled = cancelled;
  }

  Outcome run(int round, ModelRecord global, StrategyState state) throws InterruptedException {
    String experimentId = plan.experimentId();
    Instant deadline = services.now().plus(plan.roundDeadline());
    List<SiteId> eligible = awaitQuorum(deadline);
    if (eligible.size() < plan.minNodes()) {
      String reason = "only " + eligible.size() + " eligible site(s) connected by the deadline, quorum is "
          + plan.minNodes();
      RoundRecord record = open(round, global, List.of(), deadline);
      return failed(record, round, global, state, reason);
    }
    float[] globalParameters = services.models().read(global.sha256()).decode();
    TrainingRound batch = new TrainingRound(services.book(), services.nodes(), services.clock(), experimentId, round,
        strategy.beginRound(globalParameters, state), services.models());
    current = batch;
    List<String> alreadyAnswered = restoreAcceptedUpdates(round, batch);
    List<SiteId> selected = SiteSelector.sample(eligible, plan, round).stream()
        .filter(site -> !alreadyAnswered.contains(site.value()))
        .toList();
    RoundRecord record = open(round, global, selected, deadline);
    LOG.info("Experiment {} round {}: training at {}", experimentId, round, selected);
    services.audit().record(AuditEventType.ROUND_OPENED, RoundServices.COORDINATOR, experimentId, round, null,
        Map.of("selectedSites", selected.stream().map(SiteId::value).toList(), "globalModelSha256", global.sha256(),
            "deadline", deadline.toString()));
    for (SiteId site : selected) {
      TaskRecord task = services.newTask(experimentId, round, site.value(), TaskKind.TRAIN, global.sha256(), null,
          deadline);
      batch.send(task, TaskMessages.train(task, plan, global, plan.training(), false));
    }
    List<TaskRecord> answered = batch.await(deadline);
    if (cancelled.getAsBoolean()) {
      return failed(record, round, global, state, "experiment cancelled");
    }
    if (batch.acceptedUpdates() < plan.minNodes()) {
      return failed(record, round, global, state, batch.acceptedUpdates() + " update(s) accepted, quorum is "
          + plan.minNodes() + ": " + describe(answered));
    }
    AggregationResult result = batch.finish();
    EncodedParameters encoded = EncodedParameters.encode(result.parameters());
    GlobalModelProvenance provenance = GlobalModelProvenance.aggregated(experimentId, round, global.sha256(),
        plan.spec(), new GlobalModelProvenance.Aggregation(strategy.name(), strategy.settings(), batch.contributions()),
        encoded.sha256(), RuntimeEnvironment.capture(), services.clock().millis());
    ModelRecord model = services.models().put(experimentId, round, ModelKind.GLOBAL, null, encoded, provenance);
    services.rounds().aggregated(record.id(), services.now(), model.sha256(), batch.trainLoss());
    Map<String, Long> weights = batch.weights();
    services.audit().record(AuditEventType.ROUND_AGGREGATED, RoundServices.COORDINATOR, experimentId, round, null,
        Map.of("participants", List.copyOf(weights.keySet()), "weights", weights, "newModelSha256", model.sha256(),
            "strategy", strategy.name()));
    services.audit().checkpoint("round " + round + " of experiment " + experimentId + " aggregated");
    LOG.info("Experiment {} round {} aggregated {} update(s) ({} samples) into {}", experimentId, round,
        result.updates(), result.totalSamples(), model.sha256());
    return new Outcome(true, model, result.state(), null);
  }

  private Outcome failed(RoundRecord record, int round, ModelRecord global, StrategyState state, String reason) {
    services.rounds().failed(record.id(), services.now(), reason);
    LOG.warn("Experiment {} round {} failed: {}", plan.experimentId(), round, reason);
    services.audit().record(AuditEventType.ROUND_FAILED, RoundServices.COORDINATOR, plan.experimentId(), round, null,
        Map.of("reason", reason));
    services.audit().checkpoint("round " + round + " of experiment " + plan.experimentId() + " failed");
    return new Outcome(false, global, state, reason);
  }

  void cancel() {
    TaskBatch batch = current;
    if (batch != null) {
      batch.cancel();
    }
  }

  private List<SiteId> awaitQuorum(Instant deadline) throws InterruptedException {
    while (true) {
      List<SiteId> eligible = SiteSelector.eligible(services.nodes().snapshot(), plan);
      if (eligible.size() >= plan.minNodes() || cancelled.getAsBoolean() || !services.now().isBefore(deadline)) {
        return eligible;
      }
      Thread.sleep(500);
    }
  }

  private RoundRecord open(int round, ModelRecord global, List<SiteId> selected, Instant deadline) {
    String sites = selected.stream().map(SiteId::value).collect(Collectors.joining(","));
    return services.rounds().findByExperimentIdAndRoundNo(plan.experimentId(), round)
        .map(existing -> {
          services.rounds().reopen(existing.id(), deadline, sites);
          return existing;
        })
        .orElseGet(() -> services.rounds().save(new RoundRecord(UUID.randomUUID().toString(), plan.experimentId(),
            round, RoundStatus.OPEN, services.now(), deadline, null, global.sha256(), null, sites, null, null)));
  }

  /**
   * Folds in the updates this round accepted before a restart; tasks still open then are
   * cancelled. Returns the sites whose updates were restored.
   */
  private List<String> restoreAcceptedUpdates(int round, TrainingRound batch) {
    List<TaskRecord> previous = services.tasks().findByExperimentIdAndRoundNo(plan.experimentId(), round);
    for (TaskRecord task : previous) {
      if (task.kind() == TaskKind.TRAIN && task.status() == TaskStatus.ASSIGNED) {
        services.tasks().close(task.taskId(), TaskStatus.CANCELLED, services.now(), "coordinator restarted");
      }
    }
    return previous.stream()
        .filter(task -> task.kind() == TaskKind.TRAIN && task.status() == TaskStatus.COMPLETED)
        .map(task -> {
          ModelRecord update = services.models().find(plan.experimentId(), task.resultSha256()).orElseThrow();
          EncodedParameters encoded = services.models().read(update.sha256());
          batch.restore(new ReceivedUpdate(SiteId.of(task.siteId()), task.taskId(), encoded.decode(), encoded,
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
