package org.oncofed.coordinator.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.oncofed.api.ExperimentConfig;
import org.oncofed.api.ExperimentStatus;
import org.oncofed.common.audit.AuditEvent;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.cli.Failures;
import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.aggregation.StrategyState;
import org.oncofed.coordinator.model.ModelRecord;
import org.oncofed.coordinator.plan.ExperimentPlan;
import org.oncofed.coordinator.round.RoundRecord;
import org.oncofed.coordinator.round.RoundRunner;
import org.oncofed.coordinator.round.RoundStatus;
import org.oncofed.coordinator.store.StoreOutage;
import org.oncofed.coordinator.task.Cancellation;
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

  /** How long a run waits before resuming after its database became unavailable. */
  private static final Duration OUTAGE_RETRY = Duration.ofSeconds(5);

  private final RunContext context;
  private final ExperimentPlan plan;
  private final Cancellation cancellation = new Cancellation();

  ExperimentRun(RunContext context, ExperimentPlan plan) {
    this.context = context;
    this.plan = plan;
  }

  String experimentId() {
    return plan.experimentId();
  }

  void cancel() {
    cancellation.cancel();
  }

  @Override
  public void run() {
    String id = plan.experimentId();
    try {
      String cancelReason = "coordinator restarted";
      while (true) {
        try {
          runFromCommittedState(cancelReason);
          return;
        } catch (RuntimeException e) {
          if (!StoreOutage.causedBy(e)) {
            throw e;
          }
          // Resume as a restarted coordinator would, once the database answers again.
          LOG.warn("Experiment {}: the database is unavailable ({}); resuming from the last committed state in {} s",
              id, Failures.rootMessage(e), OUTAGE_RETRY.toSeconds());
          cancelReason = "the database was unavailable; the coordinator resumed the experiment";
          Thread.sleep(OUTAGE_RETRY.toMillis());
        }
      }
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
   * Runs the experiment on from what the store holds: tasks left open are cancelled (no one waits
   * for them any more), an aggregated round not yet validated is validated, an early stop holds,
   * and the rounds and the final phase go on from there.
   */
  private void runFromCommittedState(String cancelReason) throws InterruptedException {
    String id = plan.experimentId();
    context.book().cancelOpenTasks(id, cancelReason);
    ExperimentRecord experiment = context.experiments().findById(id).orElseThrow();
    Optional<RoundRecord> last = context.roundRecords()
        .findFirstByExperimentIdAndStatusOrderByRoundNoDesc(id, RoundStatus.AGGREGATED);
    ModelRecord global = model(last.map(RoundRecord::newModelSha256).orElse(experiment.initialModelSha256()));
    StrategyState state = last.map(round -> StrategyState.decode(Base64.getDecoder().decode(round.strategyState())))
        .orElseGet(() -> plan.strategy().initialState());
    Best best = new Best(experiment.bestModelSha256(), experiment.bestRound(), experiment.bestScore());
    if (last.isPresent() && last.get().validatedAt() == null) {
      // The coordinator stopped between aggregating the round and recording its validation.
      best = validate(last.get(), global, best);
    }
    boolean stop = last.isPresent() && shouldStopEarly(last.get().roundNo(), best);
    for (int round = firstRoundToRun(experiment); !stop && round <= plan.rounds() && !cancellation.isCancelled();
        round++) {
      context.experiments().setCurrentRound(id, round);
      RoundRunner.Outcome outcome = context.rounds().run(plan, round, global, state, cancellation);
      if (!outcome.aggregated()) {
        continue;
      }
      global = outcome.model();
      state = outcome.state();
      best = validate(outcome.round(), global, best);
      stop = shouldStopEarly(round, best);
    }
    if (stop) {
      LOG.info("Experiment {}: no improvement since round {}, stopped early", id, best.round());
    }
    if (cancellation.isCancelled()) {
      finish(ExperimentStatus.CANCELLED, "cancelled");
      return;
    }
    if (!anyRoundAggregated()) {
      finish(ExperimentStatus.FAILED, "no round reached its quorum: no global model was trained");
      return;
    }
    ModelRecord outcome = best.sha256() == null ? global : model(best.sha256());
    finalPhase(outcome, model(experiment.initialModelSha256()));
    if (cancellation.isCancelled()) {
      finish(ExperimentStatus.CANCELLED, "cancelled");
      return;
    }
    finish(ExperimentStatus.COMPLETED, null);
    context.audit().record(AuditEventType.EXPERIMENT_COMPLETED, AuditEvent.SYSTEM, id, null, null,
        Map.of("finalModelSha256", outcome.sha256(), "bestRound", best.round() == null ? 0 : best.round()));
  }

  private boolean anyRoundAggregated() {
    return context.roundRecords()
        .findFirstByExperimentIdAndStatusOrderByRoundNoDesc(plan.experimentId(), RoundStatus.AGGREGATED).isPresent();
  }

  /**
   * The round to run first: the current one again if it was still open when the coordinator
   * stopped (its accepted updates are kept), else the next.
   */
  private int firstRoundToRun(ExperimentRecord experiment) {
    int current = experiment.currentRound();
    if (current == 0) {
      return 1;
    }
    boolean closed = context.roundRecords().findByExperimentIdAndRoundNo(experiment.id(), current)
        .map(round -> round.status() != RoundStatus.OPEN)
        .orElse(false);
    return closed ? current + 1 : current;
  }

  /** The best model so far by the pooled validation metric. */
  private record Best(String sha256, Integer round, Double score) {}

  /**
   * Evaluates an aggregated round's model on every site's validation split, then records the score
   * with the round, and the round as the best so far if it improves on it, in one transaction.
   */
  private Best validate(RoundRecord round, ModelRecord global, Best best) throws InterruptedException {
    Map<String, EvaluationCounts> counts = context.evaluations().run(plan, round.roundNo(), List.of(global),
        DataSplit.DATA_SPLIT_VALIDATION, deadline(), cancellation).get(global.sha256());
    if (cancellation.isCancelled()) {
      return best;
    }
    double score = ValidationScore.of(metric(), counts.values());
    double minDelta = plan.config().earlyStopping() == null ? 0 : plan.config().earlyStopping().minDelta();
    boolean improved = !Double.isNaN(score) && (best.score() == null || score > best.score() + minDelta);
    context.transactions().executeWrite(status -> {
      context.roundRecords().validated(round.id(), context.clock().instant(), Double.isNaN(score) ? null : score);
      if (improved) {
        context.experiments().setBest(plan.experimentId(), global.sha256(), round.roundNo(), score);
      }
      return null;
    });
    return improved ? new Best(global.sha256(), round.roundNo(), score) : best;
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
      compared.addAll(context.baselines().train(plan, FINAL_PHASE, initial, cancellation));
    }
    if (!cancellation.isCancelled()) {
      context.evaluations().run(plan, FINAL_PHASE, compared, DataSplit.DATA_SPLIT_TEST, deadline(), cancellation);
    }
  }

  private Instant deadline() {
    return context.clock().instant().plus(plan.roundDeadline());
  }

  private ModelRecord model(String sha256) {
    return context.models().find(plan.experimentId(), sha256)
        .orElseThrow(() -> new IllegalStateException("model " + sha256 + " of experiment " + plan.experimentId()
            + " is not in the store"));
  }

  private void finish(ExperimentStatus status, String reason) {
    String state = status.name().toLowerCase(Locale.ROOT);
    context.experiments().finish(plan.experimentId(), status, reason, context.clock().instant());
    LOG.info("Experiment {} {}", plan.experimentId(), state);
    if (status == ExperimentStatus.FAILED) {
      context.audit().record(AuditEventType.EXPERIMENT_FAILED, AuditEvent.SYSTEM, plan.experimentId(), null, null,
          Map.of("reason", reason));
    }
    context.audit().checkpoint("experiment " + plan.experimentId() + " " + state);
  }
}
