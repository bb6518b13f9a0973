package org.oncofed.coordinator.round;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
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
 * task, lets the intake commit updates as they arrive, and at the end (all answered, or the
 * deadline) aggregates with the quorum or fails the round. A round's result, the strategy state
 * it leaves and its audit event are committed together.
 */
@Singleton
public class RoundRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RoundRunner.class);

  /** What a round produced: a new global model and strategy state, or the reason it failed. */
  public record Outcome(RoundRecord round, boolean aggregated, ModelRecord model, StrategyState state) {}

  private final RoundUpdates.Engine engine;
  private final Quorum quorum;
  private final Clock clock;
  private final ModelStore models;
  private final RoundRepository rounds;
  private final AuditTrail audit;

  RoundRunner(TaskBook book, ConnectedNodes nodes, Clock clock, ModelStore models, RoundRepository rounds,
      TaskRepository tasks, AuditTrail audit, Quorum quorum) {
    this.engine = new RoundUpdates.Engine(book, nodes, clock, tasks, models);
    this.quorum = quorum;
    this.clock = clock;
    this.models = models;
    this.rounds = rounds;
    this.audit = audit;
  }

  /**
   * Runs round {@code round} of the experiment from the global model {@code global}. A round that
   * was open when the coordinator stopped keeps the updates it had accepted and asks only the
   * other selected sites again.
   */
  public Outcome run(ExperimentPlan plan, int round, ModelRecord global, StrategyState state,
      Cancellation cancellation) throws InterruptedException {
    String experimentId = plan.experimentId();
    Instant deadline = clock.instant().plus(plan.roundDeadline());
    List<SiteId> eligible = quorum.await(plan, deadline, cancellation);
    if (eligible.size() < plan.minNodes()) {
      String reason = "only " + eligible.size() + " eligible site(s) connected by the deadline, quorum is "
          + plan.minNodes();
      return failed(plan, open(plan, round, global, List.of(), deadline), global, state, reason);
    }
    AggregationStrategy strategy = plan.strategy();
    RoundUpdates updates = RoundUpdates.begin(engine, cancellation, experimentId, round, strategy,
        models.read(global.sha256()).decode(), state);
    List<String> alreadyAnswered = engine.tasks().findByExperimentIdAndRoundNo(experimentId, round).stream()
        .filter(task -> task.kind() == TaskKind.TRAIN && task.status() == TaskStatus.COMPLETED)
        .map(TaskRecord::siteId)
        .toList();
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
      return failed(plan, record, global, state, "experiment cancelled");
    }
    int accepted = updates.acceptedUpdates();
    if (accepted < plan.minNodes()) {
      return failed(plan, record, global, state, accepted + " update(s) accepted, quorum is " + plan.minNodes()
          + ": " + describe(answered));
    }
    return aggregated(plan, record, global, strategy, updates.finish());
  }

  /**
   * Stores the new global model, then commits the round's result, the strategy state it leaves
   * and {@code ROUND_AGGREGATED} together, and signs a checkpoint.
   */
  private Outcome aggregated(ExperimentPlan plan, RoundRecord record, ModelRecord global,
      AggregationStrategy strategy, RoundUpdates.Result result) {
    String experimentId = plan.experimentId();
    int round = record.roundNo();
    AggregationResult aggregate = result.aggregate();
    EncodedParameters encoded = EncodedParameters.encode(aggregate.parameters());
    GlobalModelProvenance provenance = GlobalModelProvenance.aggregated(experimentId, round, global.sha256(),
        plan.spec(), new GlobalModelProvenance.Aggregation(strategy.name(), strategy.settings(), result.contributions()),
        encoded.sha256(), RuntimeEnvironment.capture(), clock.millis());
    models.write(encoded);
    ModelRecord model = audit.atomically(events -> {
      ModelRecord stored = models.record(experimentId, round, ModelKind.GLOBAL, null, encoded, provenance);
      rounds.aggregated(record.id(), clock.instant(), stored.sha256(), result.trainLoss(),
          Base64.getEncoder().encodeToString(aggregate.state().encode()));
      events.record(AuditEventType.ROUND_AGGREGATED, AuditEvent.SYSTEM, experimentId, round, null,
          Map.of("participants", List.copyOf(result.weights().keySet()), "weights", result.weights(),
              "newModelSha256", stored.sha256(), "strategy", strategy.name()));
      return stored;
    });
    audit.checkpoint("round " + round + " of experiment " + experimentId + " aggregated");
    LOG.info("Experiment {} round {} aggregated {} update(s) ({} samples) into {}", experimentId, round,
        aggregate.updates(), aggregate.totalSamples(), model.sha256());
    return new Outcome(rounds.findById(record.id()).orElseThrow(), true, model, aggregate.state());
  }

  private Outcome failed(ExperimentPlan plan, RoundRecord record, ModelRecord global, StrategyState state,
      String reason) {
    audit.atomically(events -> {
      rounds.failed(record.id(), clock.instant(), reason);
      return events.record(AuditEventType.ROUND_FAILED, AuditEvent.SYSTEM, plan.experimentId(), record.roundNo(),
          null, Map.of("reason", reason));
    });
    LOG.warn("Experiment {} round {} failed: {}", plan.experimentId(), record.roundNo(), reason);
    audit.checkpoint("round " + record.roundNo() + " of experiment " + plan.experimentId() + " failed");
    return new Outcome(rounds.findById(record.id()).orElseThrow(), false, global, state);
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
            round, RoundStatus.OPEN, clock.instant(), deadline, null, global.sha256(), null, sites, null, null, null,
            null, null)));
  }

  private static String describe(List<TaskRecord> tasks) {
    return tasks.stream()
        .map(task -> task.siteId() + " " + task.status().name().toLowerCase(java.util.Locale.ROOT)
            + (task.reason() == null ? "" : " (" + task.reason() + ")"))
        .collect(Collectors.joining("; "));
  }
}
