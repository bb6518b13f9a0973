package org.oncofed.coordinator.round;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.cli.Failures;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.aggregation.StrategyState;
import org.oncofed.coordinator.experiment.ExperimentPlan;
import org.oncofed.coordinator.experiment.ExperimentRecord;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.proto.federation.v1.DataSplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One experiment from its current round to the end: training rounds, a validation pass after
 * each aggregated round (best model, early stopping), then local-only baselines and the final
 * test evaluation. Progress is written to the database as it happens, so a coordinator stopped at
 * any point resumes with the next unfinished step.
 */
final class ExperimentRun implements Runnable {

  /** Round number of the tasks after the federated rounds: baselines and the test evaluation. */
  static final int FINAL_PHASE = 0;

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentRun.class);

  private final RoundServices services;
  private final ExperimentPlan plan;
  private final AggregationStrategy strategy;
  private final TrainingRoundRunner rounds;
  private final EvaluationPass evaluation;
  private volatile boolean cancelled;
  private volatile TaskBatch evaluating;

  ExperimentRun(RoundServices services, ExperimentPlan plan) {
    this.services = services;
    this.plan = plan;
    this.strategy = plan.strategy();
    this.rounds = new TrainingRoundRunner(services, plan, strategy, () -> cancelled);
    this.evaluation = new EvaluationPass(services, plan);
  }

  String experimentId() {
    return plan.experimentId();
  }

  void cancel() {
    cancelled = true;
    rounds.cancel();
    TaskBatch batch = evaluating;
    if (batch != null) {
      batch.cancel();
    }
  }

  @Override
  public void run() {
    String id = plan.experimentId();
    try {
      ExperimentRecord experiment = services.experiments().findById(id).orElseThrow();
      ModelRecord global = model(experiment.currentModelSha256());
      StrategyState state = experiment.strategyState() == null
          ? strategy.initialState()
          : StrategyState.decode(Base64.getDecoder().decode(experiment.strategyState()));
      Best best = new Best(experiment.bestModelSha256(), experiment.bestRound(), experiment.bestScore());
      for (int round = firstRoundToRun(experiment); round <= plan.rounds() && !cancelled; round++) {
        services.experiments().setCurrentRound(id, round);
        TrainingRoundRunner.Outcome outcome = rounds.run(round, global, state);
        if (!outcome.aggregated()) {
          continue;
        }
        global = outcome.model();
        state = outcome.state();
        services.experiments().advance(id, round, global.sha256(), Base64.getEncoder().encodeToString(state.encode()));
        best = validate(round, global, best);
        if (shouldStopEarly(round, best)) {
          LOG.info("Experiment {}: no improvement since round {}, stopping early", id, best.round());
          break;
        }
      }
      if (cancelled) {
        finish(ExperimentStatus.CANCELLED, "cancelled");
        return;
      }
      boolean anyAggregated = services.rounds().findByExperimentIdOrderByRoundNo(id).stream()
          .anyMatch(round -> round.status() == RoundStatus.AGGREGATED);
      if (!anyAggregated) {
        finish(ExperimentStatus.FAILED, "no round reached its quorum: no global model was trained");
        return;
      }
      ModelRecord outcome = best.sha256() == null ? global : model(best.sha256());
      finalPhase(outcome, model(experiment.initialModelSha256()));
      if (cancelled) {
        finish(ExperimentStatus.CANCELLED, "cancelled");
        return;
      }
      finish(ExperimentStatus.COMPLETED, null);
      services.audit().record(AuditEventType.EXPERIMENT_COMPLETED, RoundServices.COORDINATOR, id, null, null,
          Map.of("finalModelSha256", outcome.sha256(), "bestRound", best.round() == null ? 0 : best.round()));
    } catch (InterruptedException e) {
      // The coordinator is stopping: the experiment stays RUNNING and resumes at the next start.
      Thread.currentThread().interrupt();
      LOG.info("Experiment {} paused by coordinator shutdown", id);
    } catch (RuntimeException e) {
      LOG.error("Experiment {} failed", id, e);
      finish(ExperimentStatus.FAILED, Failures.rootMessage(e));
    }
  }

  /**
   * The round to run first: the current one again if it was still open when the coordinator
   * stopped (its accepted updates are restored), else the next.
   */
  private int firstRoundToRun(ExperimentRecord experiment) {
    int current = experiment.currentRound();
    if (current == 0) {
      return 1;
    }
    boolean closed = services.rounds().findByExperimentIdAndRoundNo(experiment.id(), current)
        .map(round -> round.status() != RoundStatus.OPEN)
        .orElse(false);
    return closed ? current + 1 : current;
  }

  /** The best model so far by the pooled validation metric. */
  private record Best(String sha256, Integer round, Double score) {}

  private Best validate(int round, ModelRecord global, Best best) throws InterruptedException {
    Map<String, EvaluationCounts> counts = evaluation.run(round, List.of(global), DataSplit.DATA_SPLIT_VALIDATION,
        services.now().plus(plan.roundDeadline()), batch -> evaluating = batch).get(global.sha256());
    double score = ValidationScore.of(metric(), counts.values());
    double minDelta = plan.config().earlyStopping() == null ? 0 : plan.config().earlyStopping().minDelta();
    if (Double.isNaN(score)) {
      return best;
    }
    if (best.score() == null || score > best.score() + minDelta) {
      services.experiments().setBest(plan.experimentId(), global.sha256(), round, score);
      return new Best(global.sha256(), round, score);
    }
    return best;
  }

  private boolean shouldStopEarly(int round, Best best) {
    ExperimentConfig.EarlyStopping rule = plan.config().earlyStopping();
    return rule != null && best.round() != null && round - best.round() >= rule.patience();
  }

  private String metric() {
    return plan.config().earlyStopping() == null ? ValidationScore.DEFAULT_METRIC : plan.config().earlyStopping().metric();
  }

  /** Local-only baselines (if asked for), then every compared model on every site's test split. */
  private void finalPhase(ModelRecord best, ModelRecord initial) throws InterruptedException {
    List<ModelRecord> compared = new ArrayList<>(List.of(best));
    if (plan.config().localBaselines()) {
      compared.addAll(trainBaselines(initial));
    }
    if (!cancelled) {
      evaluation.run(FINAL_PHASE, compared, DataSplit.DATA_SPLIT_TEST, services.now().plus(plan.roundDeadline()),
          batch -> evaluating = batch);
    }
  }

  private List<ModelRecord> trainBaselines(ModelRecord initial) throws InterruptedException {
    Instant deadline = services.now().plus(plan.roundDeadline().multipliedBy(plan.rounds()));
    BaselineCollection batch = new BaselineCollection(services.book(), services.nodes(), services.clock(),
        plan.experimentId(), FINAL_PHASE, services.models());
    evaluating = batch;
    for (var site : SiteSelector.eligible(services.nodes().snapshot(), plan)) {
      TaskRecord task = services.newTask(plan.experimentId(), FINAL_PHASE, site.value(), TaskKind.BASELINE,
          initial.sha256(), null, deadline);
      batch.send(task, TaskMessages.train(task, plan, initial, plan.baselineTraining(), true));
    }
    batch.await(deadline);
    return batch.models().values().stream().map(this::model).toList();
  }

  private ModelRecord model(String sha256) {
    return services.models().find(plan.experimentId(), sha256)
        .orElseThrow(() -> new IllegalStateException("model " + sha256 + " of experiment " + plan.experimentId()
            + " is not in the store"));
  }

  private void finish(ExperimentStatus status, String reason) {
    services.experiments().finish(plan.experimentId(), status, reason, services.now());
    LOG.info("Experiment {} {}", plan.experimentId(), status.name().toLowerCase(java.util.Locale.ROOT));
    if (status == ExperimentStatus.FAILED) {
      services.audit().record(AuditEventType.EXPERIMENT_FAILED, RoundServices.COORDINATOR, plan.experimentId(), null,
          null, Map.of("reason", reason));
    }
    services.audit().checkpoint("experiment " + plan.experimentId() + " " + status.name().toLowerCase(java.util.Locale.ROOT));
  }
}
