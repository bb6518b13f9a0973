package org.oncofed.bench.measure;

import java.util.Arrays;
import java.util.List;

/** Repeated measurements of one figure; summarised by their median, which ignores the odd stall. */
public record Samples(List<Double> values) {

  public Samples {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a figure needs at least one measurement");
    }
  }

  public static Samples of(double... values) {
    return new Samples(Arrays.stream(values).boxed().toList());
  }

  public double median() {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  public double min() {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  public double max() {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }
}
