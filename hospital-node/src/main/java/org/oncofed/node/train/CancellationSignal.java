package org.oncofed.node.train;

/**
 * Lets another thread stop a running training or evaluation task, for example when the
 * coordinator sends CancelTask. The task checks the signal between minibatches, so cancellation
 * takes effect within one minibatch's time. Thread-safe.
 */
public final class CancellationSignal {

  private volatile String reason;

  /** Requests cancellation; the first reason given is kept. */
  public void cancel(String reason) {
    if (this.reason == null) {
      this.reason = reason == null || reason.isBlank() ? "no reason given" : reason;
    }
  }

  public boolean isCancelled() {
    return reason != null;
  }

  /** The reason given to {@link #cancel}, or {@code null} while not cancelled. */
  public String reason() {
    return reason;
  }

  /** A signal that is never cancelled, for callers with nothing to cancel. */
  public static CancellationSignal none() {
    return new CancellationSignal();
  }

  void throwIfCancelled(String task, int epoch, int totalEpochs, long batches) {
    String why = reason;
    if (why != null) {
      throw new TaskCancelledException(
          task + " cancelled in epoch " + epoch + " of " + totalEpochs + " after " + batches + " minibatch(es): " + why);
    }
  }
}
