package org.oncofed.coordinator.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncofed.common.SiteId;
import org.oncofed.coordinator.nodes.ConnectedNodes;
import org.oncofed.proto.federation.v1.CoordinatorMessage;

/**
 * A group of tasks sent together (one round's training, one evaluation pass) and awaited together:
 * until every task has finished, or the deadline passes and the rest expire, or the batch is
 * cancelled. Subclasses decide what to do with results. The batch's monitor serialises taking a
 * result with closing the batch, so a result is either part of the batch or refused.
 */
public abstract class TaskBatch implements TaskOwner {

  private final TaskBook book;
  private final ConnectedNodes nodes;
  private final Clock clock;
  private final Map<String, SiteId> sites = new LinkedHashMap<>();
  private final Set<String> pending = new LinkedHashSet<>();
  private final List<TaskRecord> finished = new ArrayList<>();
  private boolean cancelled;

  protected TaskBatch(TaskBook book, ConnectedNodes nodes, Clock clock, Cancellation cancellation) {
    this.book = book;
    this.nodes = nodes;
    this.clock = clock;
    cancellation.watch(this);
  }

  /** Assigns the task and sends its message; a site that cannot be reached fails the task at once. */
  public void send(TaskRecord task, CoordinatorMessage message) {
    assign(task);
    if (!nodes.send(SiteId.of(task.siteId()), message)) {
      book.close(task.taskId(), TaskStatus.FAILED, "site not connected when the task was sent");
    }
  }

  /**
   * Assigns the task without telling its site, for callers that hand task ids to sites another
   * way (the benchmark suite drives the federation service directly).
   */
  public void assign(TaskRecord task) {
    synchronized (this) {
      pending.add(task.taskId());
      sites.put(task.taskId(), SiteId.of(task.siteId()));
    }
    book.assign(task, this);
  }

  @Override
  public void finished(TaskRecord task) {
    synchronized (this) {
      pending.remove(task.taskId());
      finished.add(task);
      notifyAll();
    }
  }

  /**
   * Waits until every task has finished, the deadline passes or the batch is cancelled; tasks
   * still open then expire (or are cancelled), and their sites are told to stop working on them,
   * so that a late site never holds up the next batch.
   *
   * @return every task of the batch in its final state
   */
  public List<TaskRecord> await(Instant deadline) throws InterruptedException {
    synchronized (this) {
      while (!pending.isEmpty() && !cancelled) {
        long remaining = deadline.toEpochMilli() - clock.millis();
        if (remaining <= 0) {
          break;
        }
        wait(Math.min(remaining, 1_000));
      }
      // Still holding the monitor: a result being accepted right now (see UpdateIntake) either
      // finished before this point or finds its task closed, never half of each.
      for (String taskId : List.copyOf(pending)) {
        if (cancelled) {
          close(taskId, TaskStatus.CANCELLED, "experiment cancelled");
        } else {
          close(taskId, TaskStatus.EXPIRED, "no result before the deadline " + deadline);
        }
      }
      return List.copyOf(finished);
    }
  }

  /** Stops waiting: open tasks are cancelled and their sites told to stop. */
  final void cancel() {
    synchronized (this) {
      cancelled = true;
      notifyAll();
    }
  }

  private void close(String taskId, TaskStatus status, String reason) {
    if (book.close(taskId, status, reason)) {
      nodes.send(sites.get(taskId), TaskMessages.cancel(taskId, reason));
    }
  }
}
