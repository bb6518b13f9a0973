package org.oncofed.coordinator.aggregation;

/**
 * Checks an update against the round's global model before any strategy folds it: length equal
 * to the parameter count, sample count above zero, every value finite, and the delta's L2 norm
 * within the bound. Runs in one pass over the vector.
 */
final class UpdateValidator {

  private final float[] global;
  private final UpdateBounds bounds;

  /** @throws IllegalArgumentException when the global model is not finite */
  UpdateValidator(float[] global, UpdateBounds bounds) {
    requireFinite(global);
    this.global = global;
    this.bounds = bounds;
  }

  void check(ModelUpdate update) {
    String who = update.participant();
    float[] values = update.parameters();
    if (values.length != global.length) {
      throw new UpdateRejectedException(
          who, "expected " + global.length + " parameters, found " + values.length);
    }
    if (update.sampleCount() <= 0) {
      throw new UpdateRejectedException(who, "sample count must be positive, found " + update.sampleCount());
    }
    double squaredNorm = squaredDistance(values, global);
    // Any NaN or infinity in the update makes the sum non-finite (the global model is finite),
    // so one vectorisable pass covers both checks; the slow search runs only on failure.
    if (!Double.isFinite(squaredNorm)) {
      int index = firstNonFinite(values);
      throw new UpdateRejectedException(
          who, "parameter " + index + " is " + values[index] + "; every value must be finite");
    }
    double norm = Math.sqrt(squaredNorm);
    if (norm > bounds.maxDeltaNorm()) {
      throw new UpdateRejectedException(
          who, "delta L2 norm " + norm + " exceeds the bound " + bounds.maxDeltaNorm());
    }
  }

  /** The single-pass check in {@link #check} relies on a finite global model. */
  private static void requireFinite(float[] global) {
    int index = firstNonFinite(global);
    if (index >= 0) {
      throw new IllegalArgumentException(
          "global model parameter " + index + " is " + global[index] + "; a round needs a finite model");
    }
  }

  /** Sum of squared differences, in four independent accumulators so the loop is not latency-bound. */
  static double squaredDistance(float[] a, float[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = a.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      double d0 = (double) a[i] - b[i];
      double d1 = (double) a[i + 1] - b[i + 1];
      double d2 = (double) a[i + 2] - b[i + 2];
      double d3 = (double) a[i + 3] - b[i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < n; i++) {
      double d = (double) a[i] - b[i];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
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
