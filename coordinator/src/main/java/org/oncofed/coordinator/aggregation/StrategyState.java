package org.oncofed.coordinator.aggregation;

import java.util.Objects;

/**
 * What a strategy carries from one round to the next, kept by the caller and persisted with the
 * round, never in hidden fields: a restarted coordinator resumes with the state it stored.
 * Stateless strategies use {@link #NONE}.
 */
public sealed interface StrategyState permits StrategyState.None, ServerOptimizerState {

  StrategyState NONE = new None();

  /** Tag of the first encoded byte. */
  byte NONE_TAG = 0;

  /** Self-describing bytes for storage; read back with {@link #decode}. */
  byte[] encode();

  /** Reads bytes written by {@link #encode}; refuses unknown tags and versions. */
  static StrategyState decode(byte[] encoded) {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length == 1 && encoded[0] == NONE_TAG) {
      return NONE;
    }
    if (encoded.length > 0 && encoded[0] == ServerOptimizerState.TAG) {
      return ServerOptimizerState.decode(encoded);
    }
    throw new IllegalArgumentException(
        "unknown strategy state encoding: " + encoded.length + " bytes"
            + (encoded.length > 0 ? " starting with tag " + encoded[0] : ""));
  }

  /** The state of a strategy that keeps none. */
  final class None implements StrategyState {
    private None() {}

    @Override
    public byte[] encode() {
      return new byte[] {NONE_TAG};
    }

    @Override
    public String toString() {
      return "StrategyState.NONE";
    }
  }
}
