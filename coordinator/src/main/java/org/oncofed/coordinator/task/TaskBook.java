package org.oncofed.coordinator.task;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oncofed.common.SiteId;
import org.oncofed.common.audit.AuditEventType;
import org.oncofed.common.audit.PrivacySpentDetails;
import org.oncofed.common.hash.Sha256;
import org.oncofed.coordinator.audit.AuditTrail;
import org.oncofed.coordinator.nodes.ConnectedNode;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.coordinator.nodes.NodeLifecycleListener;
import org.oncofed.proto.federation.v1.Heartbeat;
import org.oncofed.proto.federation.v1.NodeMessage;
import org.oncofed.proto.federation.v1.PlanDecision;
import org.oncofed.proto.federation.v1.TaskDeclined;
import org.oncofed.proto.federation.v1.TaskProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every task that is out at a site and not finished, and who is waiting for it. A task is bound to
 * the site it was sent to: only that site may fetch its model or answer it, and the first final
 * answer wins (declined, failed, completed, expired). A site that disconnects fails its open tasks,
 * so that a dead node never holds a round until its deadline.
 */
@Singleton
public class TaskBook implements NodeLifecycleListener, ApplicationEventListener<ShutdownEvent>, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(TaskBook.class);

  /** An open task and the owner waiting for it. */
  record OpenTask(TaskRecord task, TaskOwner owner) {}

  private final TaskRepository repository;
  private final AuditTrail audit;
  // A provider: ConnectedNodes is created with its listeners, this class among them.
  private final BeanProvider<ConnectedNodes> nodes;
  private final Clock clock;
  private final Map<String, OpenTask> open = new ConcurrentHashMap<>();
  private final Map<String, TaskProgress> progress = new ConcurrentHashMap<>();
  private volatile boolean stopping;

  TaskBook(TaskRepository repository, AuditTrail audit, BeanProvider<ConnectedNodes> nodes, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.nodes = nodes;
    this.clock = clock;
  }

  /** Records a new task as assigned and remembers who waits for it. */
  void assign(TaskRecord task, TaskOwner owner) {
    repository.save(task);
    open.put(task.taskId(), new OpenTask(task, owner));
  }

  /**
   * The open task with this id, provided it was sent to {@code site}.
   *
   * @throws TaskRefusedException naming why the caller may not act on the task
   */
  OpenTask require(String taskId, SiteId site) {
    OpenTask task = open.get(taskId);
    if (task == null) {
      throw new TaskRefusedException(repository.findById(taskId)
          .map(stored -> stored.siteId().equals(site.value())
              ? "task " + taskId + " is no longer open (" + stored.status().name().toLowerCase(java.util.Locale.ROOT)
                  + (stored.reason() == null ? "" : ": " + stored.reason()) + ")"
              : "task " + taskId + " was not sent to site '" + site + "'")
          .orElse("unknown task " + taskId));
    }
    if (!task.task().siteId().equals(site.value())) {
      throw new TaskRefusedException("task " + taskId + " was not sent to site '" + site + "'");
    }
    return task;
  }

  /**
   * The record of an open task sent to {@code site}, for callers outside the round engine.
   *
   * @throws TaskRefusedException naming why the caller may not act on the task
   */
  public TaskRecord requireOpen(String taskId, SiteId site) {
    return require(taskId, site).task();
  }

  /**
   * Marks the task completed with its result in the database, within the caller's transaction;
   * once that transaction has committed, the caller calls {@link #finished}. False if the task had
   * already finished.
   */
  boolean recordCompletion(String taskId, Long sampleCount, String resultSha256, String metricsJson) {
    return repository.complete(taskId, clock.instant(), sampleCount, resultSha256, metricsJson) > 0;
  }

  /** Moves the task to a final state other than completed; false if it had already finished. */
  boolean close(String taskId, TaskStatus status, String reason) {
    if (repository.close(taskId, status, clock.instant(), reason) == 0) {
      return false;
    }
    finished(taskId);
    return true;
  }

  /**
   * Cancels every task of the experiment still assigned, in the database and here, and tells the
   * sites to stop: no one waits for them any more (the coordinator restarted, or the experiment's
   * run starts again after its store was unavailable).
   */
  public void cancelOpenTasks(String experimentId, String reason) {
    for (TaskRecord task : repository.findByExperimentId(experimentId)) {
      if (task.status() == TaskStatus.ASSIGNED && close(task.taskId(), TaskStatus.CANCELLED, reason)) {
        nodes.get().send(SiteId.of(task.siteId()), TaskMessages.cancel(task.taskId(), reason));
      }
    }
  }

  /** Latest progress a site reported for a task, while it is open. */
  public Optional<TaskProgress> progress(String taskId) {
    return Optional.ofNullable(progress.get(taskId));
  }

  boolean isOpen(String taskId) {
    return open.containsKey(taskId);
  }

  /**
   * From shutdown on, tasks stay as they are: sites disconnect because the coordinator is stopping,
   * and the restarted coordinator resumes their rounds. Runs before the streams are closed.
   */
  @Override
  public void onApplicationEvent(ShutdownEvent event) {
    stopping = true;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void onDisconnected(ConnectedNode node, String reason) {
    if (stopping) {
      return;
    }
    List<String> tasks = open.values().stream()
        .filter(task -> task.task().siteId().equals(node.site().value()))
        .map(task -> task.task().taskId())
        .toList();
    for (String taskId : tasks) {
      close(taskId, TaskStatus.FAILED, "site disconnected (" + reason + ")");
    }
  }

  @Override
  public void onTaskMessage(SiteId site, NodeMessage message) {
    switch (message.getBodyCase()) {
      case PROGRESS -> {
        TaskProgress report = message.getProgress();
        if (isOwnOpenTask(report.getTaskId(), site)) {
          progress.put(report.getTaskId(), report);
        }
      }
      case DECLINED -> {
        if (isOwnOpenTask(message.getDeclined().getTaskId(), site)) {
          decline(site, message.getDeclined());
        }
      }
      case PLAN_DECISION -> recordDecision(site, message.getPlanDecision());
      case FAILED -> {
        if (isOwnOpenTask(message.getFailed().getTaskId(), site)) {
          close(message.getFailed().getTaskId(), TaskStatus.FAILED, message.getFailed().getReason());
        }
      }
      default -> LOG.debug("Ignoring {} from {}", message.getBodyCase(), site);
    }
  }

  /**
   * A node still working on a task that is no longer open (it expired while the node was frozen,
   * or the coordinator restarted meanwhile) is told to stop, so that it turns to its next task.
   */
  @Override
  public void onHeartbeat(SiteId site, Heartbeat heartbeat) {
    String taskId = heartbeat.getTaskId();
    if (stopping || taskId.isEmpty() || open.containsKey(taskId)) {
      return;
    }
    repository.findById(taskId)
        .filter(task -> task.siteId().equals(site.value()) && task.status() != TaskStatus.COMPLETED)
        .ifPresent(task -> {
          String reason = "task is no longer open (" + task.status().name().toLowerCase(java.util.Locale.ROOT)
              + (task.reason() == null ? "" : ": " + task.reason()) + ")";
          LOG.info("Site '{}' is still working on task {}: telling it to stop", site, taskId);
          nodes.get().send(site, TaskMessages.cancel(taskId, reason));
        });
  }

  /** Closes a task the site declined, with {@code TASK_DECLINED} in the same transaction. */
  private void decline(SiteId site, TaskDeclined declined) {
    String taskId = declined.getTaskId();
    TaskRecord task = open.get(taskId).task();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskId", taskId);
    details.put("reason", declined.getReason());
    if (Sha256.isHexDigest(declined.getPlanSha256())) {
      details.put("planSha256", declined.getPlanSha256());
    }
    if (declined.hasPrivacySpent()) {
      details.put("privacySpent", PrivacySpentDetails.of(declined.getPrivacySpent()));
      details.put("taskEpsilon", PrivacySpentDetails.epsilon(declined.getTaskEpsilon()));
    }
    boolean closed = audit.atomically(events -> {
      if (repository.close(taskId, TaskStatus.DECLINED, clock.instant(), declined.getReason()) == 0) {
        return false;
      }
      events.record(AuditEventType.TASK_DECLINED, site.value(), task.experimentId(), task.roundNo(), site, details);
      return true;
    });
    if (closed) {
      finished(taskId);
    }
  }

  /** Records a site's decision on an experiment's plan as the site reported it. */
  private void recordDecision(SiteId site, PlanDecision decision) {
    if (decision.getExperimentId().isBlank() || !Sha256.isHexDigest(decision.getPlanSha256())
        || decision.getDecidedBy().isBlank()) {
      LOG.warn("Site '{}' sent a plan decision without an experiment, a plan SHA-256 or who decided: ignored", site);
      return;
    }
    audit.record(AuditEventType.PLAN_DECIDED, site.value(), decision.getExperimentId(), null, site,
        Map.of("planSha256", decision.getPlanSha256(), "decision", decision.getApproved() ? "approved" : "rejected",
            "decidedBy", decision.getDecidedBy()));
  }

  private boolean isOwnOpenTask(String taskId, SiteId site) {
    OpenTask task = open.get(taskId);
    if (task == null || !task.task().siteId().equals(site.value())) {
      LOG.warn("Site '{}' reported on task {}, which is not an open task of that site", site, taskId);
      return false;
    }
    return true;
  }

  /** Forgets a task that reached a final state and tells its owner. */
  void finished(String taskId) {
    progress.remove(taskId);
    OpenTask task = open.remove(taskId);
    if (task != null) {
      repository.findById(taskId).ifPresent(task.owner()::finished);
    }
  }
}
