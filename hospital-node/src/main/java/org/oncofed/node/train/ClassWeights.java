package org.oncofed.node.train;

import java.util.Arrays;
import java.util.Objects;

/** Loss weights that counter a site's class imbalance. */
public final class ClassWeights {

  private ClassWeights() {}

  /**
   * "Balanced" weights {@code n / (k * n_c)} from the site's per-class training counts: every
   * class then contributes equally to the loss in expectation, whatever its frequency. A class
   * with no examples gets weight 1; it never appears as a label, so its weight has no effect.
   *
   * @throws IllegalArgumentException when a count is negative or all are zero
   */
  public static double[] balanced(long[] classCounts) {
    Objects.requireNonNull(classCounts, "classCounts");
    long total = 0;
    for (long count : classCounts) {
      if (count < 0) {
        throw new IllegalArgumentException("class counts must be >= 0, found " + Arrays.toString(classCounts));
      }
      total += count;
    }
    if (total == 0) {
      throw new IllegalArgumentException(
          "cannot weight classes: the training split has no examples " + Arrays.toString(classCounts));
    }
    double[] weights = new double[classCounts.length];
    for (int c = 0; c < weights.length; c++) {
      weights[c] = classCounts[c] == 0 ? 1.0 : (double) total / ((double) classCounts.length * classCounts[c]);
    }
    return weights;
  }
}
