package org.oncofed.coordinator.task;

import org.oncofed.common.metrics.EvaluationCounts;

/**
 * Whoever sent a group of tasks and takes their results. Results arrive on gRPC threads, through
 * {@link UpdateIntake} and {@link EvaluationIntake}, which check them, store them and then hand
 * them over under the owner's monitor, so that a result is either part of the owner's group or
 * refused, never half of each.
 */
public interface TaskOwner {

  /**
   * How this owner's update is checked against the model it was trained from (bounds, base
   * parameters), for tasks that take an update.
   */
  default UpdateValidator updateValidator(TaskRecord task) {
    throw new IllegalStateException("task " + task.taskId() + " is a " + task.kind() + " task and takes no update");
  }

  /** Takes an update that passed every check and is stored; called once per task. */
  default void keepUpdate(TaskRecord task, ReceivedUpdate update) {
    throw new IllegalStateException("task " + task.taskId() + " is a " + task.kind() + " task and takes no update");
  }

  /**
   * Takes an evaluation that fits its task; called once per task.
   *
   * @param modelSha256 the evaluated model: the task's, or a baseline its site kept
   * @throws IllegalArgumentException when the counts do not fit what the owner asked for
   */
  default void keepEvaluation(TaskRecord task, String modelSha256, EvaluationCounts counts) {
    throw new IllegalStateException("task " + task.taskId() + " is a " + task.kind() + " task and takes no evaluation");
  }

  /** Called once per task when it reaches a final state, whatever the state. */
  void finished(TaskRecord task);
}
