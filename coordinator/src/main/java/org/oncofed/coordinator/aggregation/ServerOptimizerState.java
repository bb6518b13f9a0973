package org.oncofed.coordinator.aggregation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The server optimiser's memory across rounds ({@link FedOpt}): the step count and the first and
 * second moment estimates, one value per parameter. Immutable by contract: strategies read it
 * and return a new state, never changing the arrays of the one they were given.
 *
 * @param step rounds applied so far; 0 for a fresh optimiser, whose moments are empty and get
 *     initialised on the first round, when the parameter count is known
 */
record ServerOptimizerState(long step, float[] firstMoment, float[] secondMoment) implements StrategyState {

  static final byte TAG = 1;
  private static final byte VERSION = 1;
  private static final int HEADER_BYTES = 2 + Long.BYTES + Integer.BYTES;

  public static final ServerOptimizerState FRESH = new ServerOptimizerState(0, new float[0], new float[0]);

  public ServerOptimizerState {
    Objects.requireNonNull(firstMoment, "firstMoment");
    Objects.requireNonNull(secondMoment, "secondMoment");
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, found " + step);
    }
    if (firstMoment.length != secondMoment.length) {
      throw new IllegalArgumentException(
          "moments must have equal lengths, found " + firstMoment.length + " and " + secondMoment.length);
    }
    if ((step == 0) != (firstMoment.length == 0)) {
      throw new IllegalArgumentException("a fresh optimiser (step 0) has empty moments and only a fresh one does");
    }
  }

  public boolean fresh() {
    return step == 0;
  }

  /** Tag, version, step, length, then both moments as little-endian float32. */
  @Override
  public byte[] encode() {
    int n = firstMoment.length;
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + 2 * n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(TAG).put(VERSION).putLong(step).putInt(n);
    buffer.asFloatBuffer().put(firstMoment).put(secondMoment);
    return buffer.array();
  }

  static ServerOptimizerState decode(byte[] encoded) {
    ByteBuffer buffer = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);
    if (encoded.length < HEADER_BYTES || buffer.get() != TAG) {
      throw new IllegalArgumentException("not a server optimiser state: " + encoded.length + " bytes");
    }
    byte version = buffer.get();
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "server optimiser state version " + version + " is not supported: this release reads version " + VERSION);
    }
    long step = buffer.getLong();
    int n = buffer.getInt();
    long expected = HEADER_BYTES + 2L * n * Float.BYTES;
    if (n < 0 || encoded.length != expected) {
      throw new IllegalArgumentException(
          "server optimiser state for " + n + " parameters must be " + expected + " bytes, found " + encoded.length);
    }
    float[] m = new float[n];
    float[] v = new float[n];
    buffer.asFloatBuffer().get(m).get(v);
    return new ServerOptimizerState(step, m, v);
  }
}
