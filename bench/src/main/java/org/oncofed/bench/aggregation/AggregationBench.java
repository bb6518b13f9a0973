package org.oncofed.bench.aggregation;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.oncofed.bench.measure.BenchReport;
import org.oncofed.bench.measure.Benchmark;
import org.oncofed.bench.measure.Comparison;
import org.oncofed.bench.measure.Interleaved;
import org.oncofed.coordinator.aggregation.Aggregation;
import org.oncofed.coordinator.aggregation.AggregationResult;
import org.oncofed.coordinator.aggregation.AggregationStrategies;
import org.oncofed.coordinator.aggregation.AggregationStrategy;
import org.oncofed.coordinator.aggregation.ModelUpdate;
import org.oncofed.coordinator.task.UpdateValidator;

/**
 * FedAvg through the coordinator's real strategy code ({@code beginRound}, {@code accept} per
 * update, {@code finish}) against a STREAM triad over the same update arrays, in update bytes
 * folded per second; then the heap a round retains with many updates against few.
 */
public final class AggregationBench implements Benchmark {

  /** Distinct update vectors, cycled: more would only cost memory, the largest already miss every cache. */
  private static final int DISTINCT_UPDATES = 3;

  private static final long MEASUREMENT_NANOS = 300_000_000;

  private final List<Integer> updateCounts;
  private final List<Integer> parameterCounts;
  private final int warmups;
  private final int repeats;

  public AggregationBench(List<Integer> updateCounts, List<Integer> parameterCounts, int warmups, int repeats) {
    this.updateCounts = List.copyOf(updateCounts);
    this.parameterCounts = List.copyOf(parameterCounts);
    this.warmups = warmups;
    this.repeats = repeats;
  }

  @Override
  public String name() {
    return "aggregation";
  }

  @Override
  public void run(BenchReport report) throws Exception {
    for (int parameters : parameterCounts) {
      float[] global = randomVector(parameters, 1);
      float[][] updates = new float[DISTINCT_UPDATES][];
      for (int k = 0; k < DISTINCT_UPDATES; k++) {
        updates[k] = perturbed(global, 100 + k);
      }
      for (int count : updateCounts) {
        double[] weights = weights(count);
        double gigabytes = (double) count * parameters * Float.BYTES / 1e9;
        float[] sink = new float[1];
        Interleaved.Pair pair = Interleaved.run(warmups, repeats,
            () -> gigabytesPerSecond(gigabytes, () -> sink[0] += fedAvg(global, updates, count, weights)[0]),
            () -> gigabytesPerSecond(gigabytes, () -> sink[0] += StreamTriad.average(updates, count, weights)[0]));
        report.add(new Comparison("aggregation", "fedavg n=" + count + " P=" + size(parameters), "GB/s", true,
            pair.candidate(), pair.baseline(), "stream triad", 0.9));
      }
    }
    int largest = parameterCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    int fewest = updateCounts.stream().mapToInt(Integer::intValue).min().orElseThrow();
    int most = updateCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (fewest < most) {
      report.add(RetainedHeap.compare(largest, fewest, most, repeats));
    }
  }

  /** One FedAvg round, as the round engine drives it: each update checked, then folded. */
  static float[] fedAvg(float[] global, float[][] updates, int count, double[] weights) {
    AggregationStrategy fedAvg = AggregationStrategies.create("fedavg", Map.of());
    UpdateValidator checks = UpdateValidator.against(global, fedAvg.bounds());
    Aggregation round = fedAvg.beginRound(global, fedAvg.initialState());
    for (int k = 0; k < count; k++) {
      ModelUpdate update = new ModelUpdate("site-" + k, updates[k % updates.length], (long) weights[k]);
      checks.check(update);
      round.fold(update);
    }
    AggregationResult result = round.finish();
    return result.parameters();
  }

  /** Sample counts such as sites report: different per site. */
  static double[] weights(int count) {
    double[] weights = new double[count];
    for (int k = 0; k < count; k++) {
      weights[k] = 100 + 37 * k;
    }
    return weights;
  }

  static float[] randomVector(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) {
      values[i] = (float) (random.nextGaussian() * 0.05);
    }
    return values;
  }

  /** What a site sends back: the global model moved a little. */
  static float[] perturbed(float[] global, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[global.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = global[i] + (float) (random.nextGaussian() * 1e-3);
    }
    return values;
  }

  static String size(int parameters) {
    return parameters % 1_000_000 == 0
        ? parameters / 1_000_000 + "M"
        : parameters % 1000 == 0 ? parameters / 1000 + "k" : Integer.toString(parameters);
  }

  /**
   * Update bytes averaged per second, over as many whole aggregations as fill {@link
   * #MEASUREMENT_NANOS}: small rounds take a millisecond, too short to time one by one.
   */
  private static double gigabytesPerSecond(double gigabytesPerAggregation, Runnable aggregation) {
    long start = System.nanoTime();
    long elapsed;
    int aggregations = 0;
    do {
      aggregation.run();
      aggregations++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < MEASUREMENT_NANOS);
    return aggregations * gigabytesPerAggregation / (elapsed / 1e9);
  }
}
