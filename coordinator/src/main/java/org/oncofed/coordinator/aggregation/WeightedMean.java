package org.oncofed.coordinator.aggregation;

/**
 * Running weighted mean of parameter vectors, folded one vector at a time in O(P) memory.
 *
 * <p>The sum is kept in float64: with 53 bits of mantissa, rounding in a sum of even thousands of
 * float32 vectors stays far below one float32 ulp of the mean, so the result is the correctly
 * rounded float32 mean in practice. A float32 sum would drift by up to n ulps; Kahan-compensated
 * float32 would be as accurate as float64 but moves the same number of bytes with more
 * arithmetic. The fold {@code sum[i] += w * x[i]} is a plain loop the JIT vectorises; it is
 * limited by memory bandwidth (read 4 bytes, read and write 8 bytes per parameter).
 */
final class WeightedMean {

  private final double[] sum;
  private double totalWeight;
  private int count;

  public WeightedMean(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must be >= 0, found " + length);
    }
    this.sum = new double[length];
  }

  /** Adds {@code weight * values}; {@code values} is only read. */
  public void add(float[] values, double weight) {
    if (values.length != sum.length) {
      throw new IllegalArgumentException("expected " + sum.length + " values, found " + values.length);
    }
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be positive and finite, found " + weight);
    }
    double[] s = sum;
    for (int i = 0; i < s.length; i++) {
      s[i] += weight * values[i];
    }
    totalWeight += weight;
    count++;
  }

  public double totalWeight() {
    return totalWeight;
  }

  /** Vectors added so far. */
  public int count() {
    return count;
  }

  /**
   * The weighted mean, rounded to float32.
   *
   * @throws AggregationException when nothing was added (total weight zero): there is no mean,
   *     and a NaN model must never be produced
   */
  public float[] mean() {
    if (totalWeight == 0) {
      throw new AggregationException("cannot average: total weight is zero (no update was accepted)");
    }
    float[] mean = new float[sum.length];
    double[] s = sum;
    double w = totalWeight;
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) (s[i] / w);
    }
    return mean;
  }
}
