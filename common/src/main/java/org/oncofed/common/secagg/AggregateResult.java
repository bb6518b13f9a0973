package org.oncofed.common.secagg;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.oncofed.common.SiteId;

/**
 * What unmasking yields, and all it yields: the sum of the contributing sites' weighted updates
 * and their total weight. No site's own update or sample count can be read from it.
 *
 * @param contributors the sites whose inputs are in the sum
 * @param totalWeight the sum of the contributors' sample counts
 * @param weightedSum per parameter, the sum of sample count times clipped value, within
 *     {@link FixedPointEncoding#maxSumError(long)} of the float64 sum
 */
public record AggregateResult(RoundRef ref, SortedSet<SiteId> contributors, long totalWeight, double[] weightedSum) {

  public AggregateResult {
    Objects.requireNonNull(ref, "ref");
    contributors = Collections.unmodifiableSortedSet(new TreeSet<>(contributors));
    Objects.requireNonNull(weightedSum, "weightedSum");
    if (totalWeight < 1) {
      throw new IllegalArgumentException("total weight must be at least 1, found " + totalWeight);
    }
  }

  /** The weighted mean of the contributors' updates: FedAvg's average. */
  public double[] mean() {
    double[] mean = new double[weightedSum.length];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = weightedSum[i] / totalWeight;
    }
    return mean;
  }
}
