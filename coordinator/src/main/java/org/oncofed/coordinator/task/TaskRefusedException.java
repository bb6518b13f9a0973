package org.oncofed.coordinator.task;

/** A site asked to act on a task it may not act on (unknown, finished, or someone else's). */
public final class TaskRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TaskRefusedException(String reason) {
    super(reason);
  }
}
