package org.oncofed.common.secagg;

import java.util.Objects;

/**
 * The experiment and round a secure aggregation message belongs to. Every message carries one, and
 * both sessions refuse a message whose reference is not their own, so that keys, shares or masked
 * vectors of one round can never be replayed into another.
 */
public record RoundRef(String experimentId, int round) {

  public RoundRef {
    Objects.requireNonNull(experimentId, "experimentId");
    if (experimentId.isBlank()) {
      throw new IllegalArgumentException("experimentId must not be blank");
    }
    if (round < 0) {
      throw new IllegalArgumentException("round must be 0 or more, found " + round);
    }
  }

  /** Refuses {@code found} unless it names this experiment and round; {@code what} names the message. */
  void requireSame(RoundRef found, String what) {
    if (!equals(found)) {
      throw new SecaggException("refused " + what + ": it is for " + found + ", expected " + this);
    }
  }

  @Override
  public String toString() {
    return "experiment " + experimentId + " round " + round;
  }
}
