package org.oncofed.coordinator.task;

import org.oncofed.coordinator.aggregation.ModelUpdate;
import org.oncofed.coordinator.aggregation.UpdateBounds;

/**
 * The checks of an update's values, against the model it was trained from: as many values as
 * parameters, a positive sample count, every value finite, and the delta's L2 norm within the
 * bound. Runs in one pass over the vector; without a bound that pass reads the update only, not
 * the base model.
 */
public final class UpdateValidator {

  private static final int BLOCK = 1024;

  private final int parameterCount;
  private final float[] base;
  private final UpdateBounds bounds;

  private UpdateValidator(int parameterCount, float[] base, UpdateBounds bounds) {
    this.parameterCount = parameterCount;
    this.base = base;
    this.bounds = bounds;
  }

  /**
   * Checks against a round's global model and the strategy's bounds.
   *
   * @throws IllegalArgumentException when the global model is not finite
   */
  public static UpdateValidator against(float[] global, UpdateBounds bounds) {
    requireFinite(global);
    return new UpdateValidator(global.length, global, bounds);
  }

  /** Checks shape, sample count and finite values only: for models no strategy folds (local-only baselines). */
  public static UpdateValidator finiteOnly(int parameterCount) {
    return new UpdateValidator(parameterCount, null, UpdateBounds.NONE);
  }

  /** @throws UpdateRejectedException naming the check that failed (SHAPE, SAMPLE_COUNT, FINITE, NORM) */
  public void check(ModelUpdate update) {
    String who = update.participant();
    float[] values = update.parameters();
    if (values.length != parameterCount) {
      throw new UpdateRejectedException(
          who, UpdateCheck.SHAPE, "expected " + parameterCount + " parameters, found " + values.length);
    }
    if (update.sampleCount() <= 0) {
      throw new UpdateRejectedException(
          who, UpdateCheck.SAMPLE_COUNT, "sample count must be positive, found " + update.sampleCount());
    }
    if (!bounds.bounded()) {
      if (!allFinite(values)) {
        throw nonFinite(who, values, firstNonFinite(values));
      }
      return;
    }
    double squaredNorm = squaredDistance(values, base);
    // Any NaN or infinity in the update makes the sum non-finite (the base model is finite),
    // so one fast pass covers both checks; the slow paths run only on failure.
    if (!Double.isFinite(squaredNorm)) {
      int index = firstNonFinite(values);
      if (index >= 0) {
        throw nonFinite(who, values, index);
      }
      // Finite values so large that their float32 squares overflow.
      squaredNorm = squaredDistanceInDoubles(values, base);
    }
    double norm = Math.sqrt(squaredNorm);
    if (norm > bounds.maxDeltaNorm()) {
      throw new UpdateRejectedException(
          who, UpdateCheck.NORM, "delta L2 norm " + norm + " exceeds the bound " + bounds.maxDeltaNorm());
    }
  }

  private static UpdateRejectedException nonFinite(String who, float[] values, int index) {
    return new UpdateRejectedException(
        who, UpdateCheck.FINITE, "parameter " + index + " is " + values[index] + "; every value must be finite");
  }

  /**
   * Whether no value is NaN or infinite, from the largest magnitude: {@code Math.max} returns NaN
   * when either argument is NaN. A reduction the JIT vectorises, unlike a per-element test.
   */
  static boolean allFinite(float[] values) {
    float largest = 0;
    for (float value : values) {
      largest = Math.max(largest, Math.abs(value));
    }
    return largest <= Float.MAX_VALUE;
  }

  /** The single-pass check in {@link #check} relies on a finite base model. */
  private static void requireFinite(float[] global) {
    if (!allFinite(global)) {
      int index = firstNonFinite(global);
      throw new IllegalArgumentException(
          "global model parameter " + index + " is " + global[index] + "; a round needs a finite model");
    }
  }

  /**
   * Sum of squared differences. Blocks of {@value #BLOCK} elements are summed in float32 over
   * eight independent accumulators (which the JIT keeps in registers and pipelines), and block
   * sums in float64: rounding error grows with the block size, not the vector length, while the
   * loop runs near memory bandwidth (a plain float64 loop is latency-bound at a quarter of it).
   */
  static double squaredDistance(float[] a, float[] b) {
    double total = 0;
    int n = a.length;
    for (int start = 0; start < n; start += BLOCK) {
      int end = Math.min(n, start + BLOCK);
      float s0 = 0;
      float s1 = 0;
      float s2 = 0;
      float s3 = 0;
      float s4 = 0;
      float s5 = 0;
      float s6 = 0;
      float s7 = 0;
      int i = start;
      for (; i + 7 < end; i += 8) {
        float d0 = a[i] - b[i];
        float d1 = a[i + 1] - b[i + 1];
        float d2 = a[i + 2] - b[i + 2];
        float d3 = a[i + 3] - b[i + 3];
        float d4 = a[i + 4] - b[i + 4];
        float d5 = a[i + 5] - b[i + 5];
        float d6 = a[i + 6] - b[i + 6];
        float d7 = a[i + 7] - b[i + 7];
        s0 += d0 * d0;
        s1 += d1 * d1;
        s2 += d2 * d2;
        s3 += d3 * d3;
        s4 += d4 * d4;
        s5 += d5 * d5;
        s6 += d6 * d6;
        s7 += d7 * d7;
      }
      for (; i < end; i++) {
        float d = a[i] - b[i];
        s0 += d * d;
      }
      total += ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
    }
    return total;
  }

  private static double squaredDistanceInDoubles(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (double) a[i] - b[i];
      sum += d * d;
    }
    return sum;
  }

  private static int firstNonFinite(float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        return i;
      }
    }
    return -1;
  }
}
