package org.oncofed.node.task;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.oncofed.node.train.CancellationSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a task's result again while the coordinator answers {@code UNAVAILABLE} (its database is
 * briefly away: nothing was committed, so sending again is safe), with growing pauses, until the
 * task's deadline or its cancellation. Any other answer or failure is final.
 */
final class UnavailableRetries {

  private static final Logger LOG = LoggerFactory.getLogger(UnavailableRetries.class);
  private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

  /** One attempt at sending; throws what the call throws. */
  @FunctionalInterface
  interface Attempt<T> {
    T send() throws InterruptedException;
  }

  private UnavailableRetries() {}

  static <T> T send(String what, Instant deadline, CancellationSignal cancel, Clock clock, Attempt<T> attempt)
      throws InterruptedException {
    Duration pause = FIRST_PAUSE;
    while (true) {
      try {
        return attempt.send();
      } catch (StatusRuntimeException e) {
        boolean retry = e.getStatus().getCode() == Status.Code.UNAVAILABLE && !cancel.isCancelled()
            && clock.instant().plus(pause).isBefore(deadline);
        if (!retry) {
          throw e;
        }
        LOG.warn("Sending {} failed ({}); trying again in {} s", what, e.getStatus().getDescription(),
            pause.toSeconds());
        Thread.sleep(pause.toMillis());
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
      }
    }
  }
}
