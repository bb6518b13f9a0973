package org.oncofed.bench.aggregation;

/**
 * The baseline for aggregation: what averaging n float32 vectors costs at the least on this JVM,
 * written as STREAM writes it. Each update is folded with a triad {@code a[i] = b[i] + q * c[i]}
 * (two running buffers taking turns as {@code a} and {@code b}, the update as {@code c}), and the
 * sum is scaled into a new vector at the end, so the triad reads every update byte once, as FedAvg
 * must, and allocates its buffers per round as FedAvg does.
 */
final class StreamTriad {

  private StreamTriad() {}

  /**
   * The weighted mean of {@code count} updates, taken in turn from {@code updates}, weighted by
   * {@code weights[k]}.
   */
  static float[] average(float[][] updates, int count, double[] weights) {
    int length = updates[0].length;
    float[] a = new float[length];
    float[] b = new float[length];
    double total = 0;
    for (int k = 0; k < count; k++) {
      float q = (float) weights[k];
      triad(a, b, updates[k % updates.length], q);
      float[] swap = a;
      a = b;
      b = swap;
      total += weights[k];
    }
    float[] mean = new float[length];
    float scale = (float) (1 / total);
    for (int i = 0; i < length; i++) {
      mean[i] = b[i] * scale;
    }
    return mean;
  }

  private static void triad(float[] a, float[] b, float[] c, float q) {
    for (int i = 0; i < a.length; i++) {
      a[i] = b[i] + q * c[i];
    }
  }
}
