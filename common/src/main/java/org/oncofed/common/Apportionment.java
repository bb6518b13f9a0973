package org.oncofed.common;

/** Whole-number shares of a total (largest remainder method). */
public final class Apportionment {

  private Apportionment() {}

  /**
   * Counts summing to {@code n} in proportion to {@code weights} (any positive scale); ties go to
   * the earlier entry.
   */
  public static int[] largestRemainder(int n, double[] weights) {
    double total = 0;
    for (double w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("weights must not be negative, found " + w);
      }
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("weights must have a positive sum");
    }
    int[] counts = new int[weights.length];
    double[] remainders = new double[weights.length];
    int assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = n * weights[i] / total;
      counts[i] = (int) Math.floor(exact + 1e-9);
      remainders[i] = exact - counts[i];
      assigned += counts[i];
    }
    while (assigned < n) {
      int best = 0;
      for (int i = 1; i < weights.length; i++) {
        if (remainders[i] > remainders[best] + 1e-12) {
          best = i;
        }
      }
      counts[best]++;
      remainders[best] = -1;
      assigned++;
    }
    return counts;
  }
}
