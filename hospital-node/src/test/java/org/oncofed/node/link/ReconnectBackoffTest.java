package org.oncofed.node.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

  private final ReconnectBackoff backoff =
      new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(7));

  @Test
  void delaysDoubleWithJitterBetweenHalfAndFullCeiling() {
    long[] ceilings = {100, 200, 400, 800, 1600};
    for (long ceiling : ceilings) {
      assertThat(backoff.nextDelay().toMillis()).isBetween(ceiling / 2, ceiling);
    }
  }

  @Test
  void delaysNeverExceedTheCap() {
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.nextDelay()).isLessThanOrEqualTo(Duration.ofSeconds(2));
    }
    assertThat(backoff.nextDelay().toMillis()).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void resetStartsAgainFromTheInitialDelay() {
    for (int i = 0; i < 10; i++) {
      backoff.nextDelay();
    }
    backoff.reset();

    assertThat(backoff.nextDelay().toMillis()).isBetween(50L, 100L);
  }

  @Test
  void jitterSpreadsNodesThatFailTogether() {
    var first = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new SplittableRandom(1));
    var second = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new SplittableRandom(2));

    assertThat(first.nextDelay()).isNotEqualTo(second.nextDelay());
  }
}
