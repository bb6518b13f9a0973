package org.oncofed.coordinator.task;

/**
 * Stops one experiment's work: whichever group of tasks it is waiting for now stops waiting, and
 * every later group stops at once.
 */
public final class Cancellation {

  private volatile boolean cancelled;
  private volatile TaskBatch current;

  public void cancel() {
    cancelled = true;
    TaskBatch batch = current;
    if (batch != null) {
      batch.cancel();
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** The batch the experiment now waits for; cancelled at once if the experiment already is. */
  void watch(TaskBatch batch) {
    current = batch;
    if (cancelled) {
      batch.cancel();
    }
  }
}
