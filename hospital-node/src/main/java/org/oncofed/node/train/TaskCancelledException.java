package org.oncofed.node.train;

/**
 * Thrown by a training or evaluation task that was cancelled through its
 * {@link CancellationSignal}. The task leaves no result behind: nothing it computed is returned.
 */
public final class TaskCancelledException extends RuntimeException {

  TaskCancelledException(String message) {
    super(message);
  }
}
