package org.oncofed.coordinator.aggregation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Krum and Multi-Krum (Blanchard et al., "Machine Learning with Adversaries: Byzantine Tolerant
 * Gradient Descent", NeurIPS 2017). Each update is scored by the sum of squared distances to its
 * {@code n − f − 2} nearest other updates; Krum keeps the best-scored update, Multi-Krum the
 * {@code m} best (by default {@code n − f}) and averages them. With at most {@code f} faulty
 * updates among {@code n ≥ 2f + 3}, the honest majority's cluster wins. Time O(n²·P).
 */
final class Krum extends WholeUpdateStrategy {

  static final StrategySetting F = StrategySetting.count("f", 1, 0, 100);
  /** 0 means {@code n − f}: every update but as many as may be faulty. */
  static final StrategySetting M = StrategySetting.count("m", 0, 0, 1000);

  static final StrategyKind KRUM = new StrategyKind("krum", List.of(F),
      (values, bounds) -> new Krum("krum", (int) F.valueIn("krum", values), 1, bounds),
      values -> neededFor((int) F.valueIn("krum", values)));

  static final StrategyKind MULTI_KRUM = new StrategyKind("multi-krum", List.of(F, M),
      (values, bounds) -> new Krum("multi-krum", (int) F.valueIn("multi-krum", values),
          (int) M.valueIn("multi-krum", values), bounds),
      values -> {
        int f = (int) F.valueIn("multi-krum", values);
        return Math.max(neededFor(f), (int) M.valueIn("multi-krum", values) + f);
      });

  private final String name;
  private final int f;
  private final int m;

  private Krum(String name, int f, int m, UpdateBounds bounds) {
    super(bounds);
    this.name = name;
    this.f = f;
    this.m = m;
  }

  /** Krum's condition {@code n ≥ 2f + 3}. */
  static int neededFor(int f) {
    return 2 * f + 3;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  Map<String, Double> ownSettings() {
    return name.equals(MULTI_KRUM.name()) ? Map.of("f", (double) f, "m", (double) m) : Map.of("f", (double) f);
  }

  @Override
  float[] combine(float[][] updates) {
    requireEnough(name, updates.length, neededFor(f), "2f + 3");
    int keep = name.equals(KRUM.name()) ? 1 : (m == 0 ? updates.length - f : m);
    if (keep > updates.length - f) {
      throw new AggregationException(name + " with f = " + f + " and m = " + m + " needs at least " + (m + f)
          + " updates, got " + updates.length);
    }
    List<Integer> all = IntStream.range(0, updates.length).boxed().toList();
    return mean(updates, bestScored(squaredDistances(updates), all, f, keep));
  }

  /**
   * Of the {@code candidates} (indices into {@code distances}), the {@code keep} with the lowest
   * Krum scores among the candidates, in index order; ties go to the lower index (sites are folded
   * in a fixed order, so the choice is reproducible).
   */
  static int[] bestScored(double[][] distances, List<Integer> candidates, int f, int keep) {
    int n = candidates.size();
    // Flower's implementation also keeps at least one neighbour when n − f − 2 < 1.
    int neighbours = Math.min(n - 1, Math.max(1, n - f - 2));
    Map<Integer, Double> scores = new TreeMap<>();
    for (int i : candidates) {
      double[] others = candidates.stream().filter(j -> j != i).mapToDouble(j -> distances[i][j]).sorted().toArray();
      double score = 0;
      for (int k = 0; k < neighbours; k++) {
        score += others[k];
      }
      scores.put(i, score);
    }
    return candidates.stream()
        .sorted(Comparator.<Integer>comparingDouble(scores::get).thenComparingInt(i -> i))
        .limit(keep).mapToInt(Integer::intValue).sorted().toArray();
  }

  static void requireEnough(String strategy, int updates, int needed, String rule) {
    if (updates < needed) {
      throw new AggregationException(strategy + " needs at least " + needed + " updates (" + rule + "), got "
          + updates + "; the global model stays as it was");
    }
  }

  static double[][] squaredDistances(float[][] updates) {
    int n = updates.length;
    double[][] distances = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double sum = 0;
        float[] a = updates[i];
        float[] b = updates[j];
        for (int p = 0; p < a.length; p++) {
          double d = (double) a[p] - b[p];
          sum += d * d;
        }
        distances[i][j] = sum;
        distances[j][i] = sum;
      }
    }
    return distances;
  }

  private static float[] mean(float[][] updates, int[] chosen) {
    float[] result = new float[updates[0].length];
    for (int p = 0; p < result.length; p++) {
      double sum = 0;
      for (int i : chosen) {
        sum += updates[i][p];
      }
      result[p] = (float) (sum / chosen.length);
    }
    return result;
  }
}
