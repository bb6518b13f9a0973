package org.oncofed.node.task;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.oncofed.common.cli.Failures;
import org.oncofed.common.audit.PrivacySpentDetails;
import org.oncofed.common.plan.SitePlans;
import org.oncofed.node.account.PrivacyAccount;
import org.oncofed.node.link.CoordinatorMessageHandler;
import org.oncofed.node.train.CancellationSignal;
import org.oncofed.node.train.TaskCancelledException;
import org.oncofed.proto.federation.v1.CoordinatorMessage;
import org.oncofed.proto.federation.v1.EvaluateTask;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.SitePlan;
import org.oncofed.proto.federation.v1.TaskDeclined;
import org.oncofed.proto.federation.v1.TaskFailed;
import org.oncofed.proto.federation.v1.TrainTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes tasks from the coordinator and runs them one after another on a worker thread (ND4J
 * already uses every core for one task). A task for a site with no registered dataset, outside the
 * site's policy, departing from its plan, or whose plan the site has not approved, is declined at
 * once with the reason (and entered in the ledger); nothing of it runs. Cancellation, from the
 * coordinator or because the connection was lost, stops the running task between minibatches.
 */
@Singleton
public class TaskRunner implements CoordinatorMessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

  private final TaskContext context;
  private final Map<String, CancellationSignal> signals = new ConcurrentHashMap<>();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "task-runner");
    thread.setDaemon(true);
    return thread;
  });

  TaskRunner(TaskContext context) {
    this.context = context;
  }

  @Override
  public void handle(CoordinatorMessage message) {
    switch (message.getBodyCase()) {
      case TRAIN -> accept(message.getTrain());
      case EVALUATE -> accept(message.getEvaluate());
      case CANCEL -> {
        CancellationSignal signal = signals.get(message.getCancel().getTaskId());
        if (signal != null) {
          signal.cancel("cancelled by the coordinator: " + message.getCancel().getReason());
        }
      }
      default -> LOG.debug("Task runner ignores {}", message.getBodyCase());
    }
  }

  @Override
  public void onDisconnected() {
    // The coordinator fails a site's open tasks when the site disconnects: finishing them is wasted work.
    signals.values().forEach(signal -> signal.cancel("connection to the coordinator lost"));
  }

  private void accept(TrainTask task) {
    Optional<String> refusal = noData().or(() -> context.policy()
            .refuseTraining(task.getSpec(), task.getTraining(), task.getPrivacy()))
        .or(() -> context.approvals().refusal(task))
        // A baseline the site keeps leaves as exact test counts, which the budget treats as an evaluation.
        .or(() -> task.getLocalBaseline() && !context.policy().sharesBaseline()
            ? context.account().refuseEvaluation() : Optional.empty());
    Optional<PrivacyAccount.Refusal> overBudget = refusal.isPresent()
        ? Optional.empty() : context.account().refuseRelease(task.getPrivacy());
    if (refusal.isPresent() || overBudget.isPresent()) {
      decline(task.getTaskId(), task.getExperimentId(), task.getRound(), task.hasPlan() ? task.getPlan() : null,
          refusal.orElseGet(() -> overBudget.get().reason()), overBudget);
      return;
    }
    CancellationSignal signal = register(task.getTaskId());
    worker.execute(() -> runTraining(task, signal));
  }

  private void accept(EvaluateTask task) {
    Optional<String> refusal = noData().or(() -> context.policy().refuseModel(task.getSpec()))
        .or(() -> context.approvals().refusal(task))
        .or(() -> context.account().refuseEvaluation());
    if (refusal.isPresent()) {
      decline(task.getTaskId(), task.getExperimentId(), task.getRound(), task.hasPlan() ? task.getPlan() : null,
          refusal.get(), Optional.empty());
      return;
    }
    CancellationSignal signal = register(task.getTaskId());
    worker.execute(() -> run(task.getTaskId(), signal, () -> new EvaluationTask(context, task, signal).run()));
  }

  private void runTraining(TrainTask task, CancellationSignal signal) {
    run(task.getTaskId(), signal, () -> new TrainingTask(context, task, signal).run());
  }

  /** Runs a task body, turning every way it can end into the right report and an idle node. */
  private void run(String taskId, CancellationSignal signal, TaskBody body) {
    try {
      if (signal.isCancelled()) {
        LOG.info("Task {} cancelled before it started: {}", TrainingTask.abbreviate(taskId), signal.reason());
        return;
      }
      body.run();
    } catch (TaskCancelledException e) {
      LOG.info("Task {} stopped: {}", TrainingTask.abbreviate(taskId), signal.reason());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      String reason = Failures.rootMessage(e);
      LOG.warn("Task {} failed: {}", TrainingTask.abbreviate(taskId), reason);
      context.link().send(NodeMessage.newBuilder()
          .setFailed(TaskFailed.newBuilder().setTaskId(taskId).setReason(reason))
          .build());
    } finally {
      signals.remove(taskId);
      context.activity().idle();
    }
  }

  private interface TaskBody {
    void run() throws InterruptedException;
  }

  private Optional<String> noData() {
    if (context.data().registrationChanged()) {
      return Optional.of("a dataset was registered at this site since the node said Hello; it announces it before taking tasks");
    }
    return context.data().isRegistered()
        ? Optional.empty()
        : Optional.of("this site has no registered dataset");
  }

  private CancellationSignal register(String taskId) {
    CancellationSignal signal = new CancellationSignal();
    signals.put(taskId, signal);
    return signal;
  }

  /**
   * Enters the refusal in the ledger, then tells the coordinator; the plan's hash is computed here,
   * and a refusal by the privacy budget carries the account and what the task would have cost.
   */
  private void decline(String taskId, String experimentId, int round, SitePlan plan, String reason,
      Optional<PrivacyAccount.Refusal> overBudget) {
    LOG.warn("Declining task {}: {}", TrainingTask.abbreviate(taskId), reason);
    TaskDeclined.Builder declined = TaskDeclined.newBuilder().setTaskId(taskId).setReason(reason);
    Map<String, Object> budget = new LinkedHashMap<>();
    if (plan != null) {
      declined.setPlanSha256(SitePlans.sha256(plan));
    }
    overBudget.ifPresent(refusal -> {
      declined.setPrivacySpent(refusal.spent()).setTaskEpsilon(refusal.taskEpsilon());
      budget.put("privacySpent", PrivacySpentDetails.of(refusal.spent()));
      budget.put("taskEpsilon", PrivacySpentDetails.epsilon(refusal.taskEpsilon()));
    });
    if (!experimentId.isBlank() && !taskId.isBlank()) {
      context.ledger().recordDecline(experimentId, round, taskId, reason, plan == null ? null : declined.getPlanSha256(),
          budget);
    }
    context.link().send(NodeMessage.newBuilder().setDeclined(declined).build());
  }

  @PreDestroy
  void stop() {
    signals.values().forEach(signal -> signal.cancel("node shutting down"));
    worker.shutdownNow();
  }
}
