package org.oncofed.coordinator.task;

/** A task is ASSIGNED until the site answers; every other state is final. */
public enum TaskStatus {
  ASSIGNED,
  /** The site accepted the work and its result was stored. */
  COMPLETED,
  /** The site refused the task under its local policy. */
  DECLINED,
  /** The site reported a failure, or disconnected while the task was open. */
  FAILED,
  /** The site's upload failed validation. */
  REJECTED,
  /** The deadline passed without a result. */
  EXPIRED,
  /** The experiment was cancelled or the round closed before the site answered. */
  CANCELLED;

  public boolean isFinal() {
    return this != ASSIGNED;
  }
}
