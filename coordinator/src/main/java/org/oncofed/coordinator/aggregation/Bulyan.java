package org.oncofed.coordinator.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Bulyan (El Mhamdi et al., "The Hidden Vulnerability of Distributed Learning in Byzantium", ICML
 * 2018): Krum picks {@code θ = n − 2f} updates one at a time (each pick removed before the next),
 * then every coordinate is averaged over the {@code β = θ − 2f} selected values closest to their
 * median. Needs {@code n ≥ 4f + 3}. Stronger than Krum against updates crafted to be picked by it.
 */
final class Bulyan extends WholeUpdateStrategy {

  static final StrategyKind KIND = new StrategyKind("bulyan", List.of(Krum.F),
      (values, bounds) -> new Bulyan((int) Krum.F.valueIn("bulyan", values), bounds),
      values -> neededFor((int) Krum.F.valueIn("bulyan", values)));

  private final int f;

  private Bulyan(int f, UpdateBounds bounds) {
    super(bounds);
    this.f = f;
  }

  static int neededFor(int f) {
    return 4 * f + 3;
  }

  @Override
  public String name() {
    return KIND.name();
  }

  @Override
  Map<String, Double> ownSettings() {
    return Map.of("f", (double) f);
  }

  @Override
  float[] combine(float[][] updates) {
    Krum.requireEnough(name(), updates.length, neededFor(f), "4f + 3");
    float[][] selected = select(updates, updates.length - 2 * f);
    return meanAroundMedian(selected, selected.length - 2 * f);
  }

  /** Krum's pick, {@code theta} times, each pick leaving the candidates. */
  private float[][] select(float[][] updates, int theta) {
    double[][] distances = Krum.squaredDistances(updates);
    List<Integer> candidates = new ArrayList<>(IntStream.range(0, updates.length).boxed().toList());
    float[][] selected = new float[theta][];
    for (int s = 0; s < theta; s++) {
      int best = Krum.bestScored(distances, candidates, f, 1)[0];
      candidates.remove(Integer.valueOf(best));
      selected[s] = updates[best];
    }
    return selected;
  }

  /** Per coordinate, the mean of the {@code beta} values closest to the median. */
  private static float[] meanAroundMedian(float[][] selected, int beta) {
    int n = selected.length;
    float[] column = new float[n];
    float[] result = new float[selected[0].length];
    for (int p = 0; p < result.length; p++) {
      for (int i = 0; i < n; i++) {
        column[i] = selected[i][p];
      }
      Arrays.sort(column);
      double median = n % 2 == 1 ? column[n / 2] : ((double) column[n / 2 - 1] + column[n / 2]) / 2;
      // The beta closest values to the median form a contiguous run of the sorted column.
      int from = 0;
      for (int start = 1; start + beta <= n; start++) {
        if (spread(column, start, beta, median) < spread(column, from, beta, median)) {
          from = start;
        }
      }
      double sum = 0;
      for (int i = from; i < from + beta; i++) {
        sum += column[i];
      }
      result[p] = (float) (sum / beta);
    }
    return result;
  }

  /** How far the run's farthest value lies from the median. */
  private static double spread(float[] sorted, int from, int length, double median) {
    return Math.max(Math.abs(sorted[from] - median), Math.abs(sorted[from + length - 1] - median));
  }
}
