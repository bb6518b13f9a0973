package org.oncofed.bench.aggregation;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oncofed.bench.measure.Comparison;
import org.oncofed.bench.measure.Samples;
import org.oncofed.coordinator.aggregation.Aggregation;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.aggregation.ModelUpdate;

/**
 * The heap a FedAvg round holds once its updates are in, for many updates against few. Each update
 * is a new array dropped after it is folded, as the coordinator's upload path hands them over;
 * what stays reachable (after a full collection) is what the round keeps.
 */
final class RetainedHeap {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private RetainedHeap() {}

  static Comparison compare(int parameters, int fewUpdates, int manyUpdates, int repeats) {
    float[] global = AggregationBench.randomVector(parameters, 1);
    List<Double> few = new ArrayList<>();
    List<Double> many = new ArrayList<>();
    for (int i = 0; i < repeats; i++) {
      few.add(retainedMegabytes(global, fewUpdates));
      many.add(retainedMegabytes(global, manyUpdates));
    }
    return new Comparison("aggregation", "heap held by a round, n=" + manyUpdates + " vs n=" + fewUpdates + " P="
        + AggregationBench.size(parameters), "MB", false, new Samples(many), new Samples(few),
        "n=" + fewUpdates, 0.95);
  }

  private static double retainedMegabytes(float[] global, int updates) {
    long before = usedAfterCollection();
    AggregationStrategy fedAvg = AggregationStrategies.create("fedavg", Map.of());
    Aggregation round = fedAvg.beginRound(global, fedAvg.initialState());
    for (int k = 0; k < updates; k++) {
      round.fold(new ModelUpdate("site-" + k, AggregationBench.perturbed(global, k), 100 + k));
    }
    long after = usedAfterCollection();
    round.finish();
    return (after - before) / 1e6;
  }

  private static long usedAfterCollection() {
    System.gc();
    System.gc();
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
