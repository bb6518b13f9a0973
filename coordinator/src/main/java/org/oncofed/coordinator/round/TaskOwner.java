package org.oncofed.coordinator.round;

import org.oncofed.common.metrics.EvaluationCounts;
import org.oncofed.coordinator.aggregation.UpdateRejectedException;

/**
 * Whoever sent a group of tasks and takes their results. Results arrive on gRPC threads; an
 * owner validates and keeps them, or throws to reject them.
 */
interface TaskOwner {

  /**
   * Validates and keeps an uploaded update.
   *
   * @throws UpdateRejectedException when the update must not be used; the reason goes back to the node
   */
  default void acceptUpdate(TaskRecord task, ReceivedUpdate update) {
    throw new UpdateRejectedException(task.siteId(), "task " + task.taskId() + " is a " + task.kind()
        + " task and takes no model update");
  }

  /**
   * Validates and keeps an evaluation result.
   *
   * @throws IllegalArgumentException when the counts do not fit the task
   */
  default void acceptEvaluation(TaskRecord task, EvaluationCounts counts) {
    throw new IllegalArgumentException("task " + task.taskId() + " is a " + task.kind() + " task and takes no evaluation");
  }

  /** Called once per task when it reaches a final state, whatever the state. */
  void finished(TaskRecord task);
}
