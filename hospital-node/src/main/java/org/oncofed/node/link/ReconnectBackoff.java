package org.oncofed.node.link;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Delays between reconnection attempts: exponential growth from an initial delay up to a cap, each
 * delay drawn uniformly from [delay/2, delay] ("equal jitter") so that many hospitals losing the
 * coordinator at once do not all come back in the same instant.
 */
final class ReconnectBackoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;
  private int failures;

  ReconnectBackoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.max = Objects.requireNonNull(max, "max");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The delay before the next attempt; each call counts one more failure. */
  synchronized Duration nextDelay() {
    long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(failures, 30));
    failures++;
    long half = ceiling / 2;
    return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
  }

  /** Called once connected: the next failure starts again from the initial delay. */
  synchronized void reset() {
    failures = 0;
  }
}
