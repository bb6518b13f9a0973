package org.oncofed.bench.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures a candidate and its baseline alternately, so that drift on a shared machine (other
 * builds starting, thermal limits) touches both alike. The order flips every repetition so that
 * neither always runs second, in the cache or on the CPU state the other left behind.
 */
public final class Interleaved {

  /** One measurement: the figure in the comparison's unit. */
  @FunctionalInterface
  public interface Measurement {
    double measure() throws Exception;
  }

  /** One measurement yielding several figures at once (say, download and upload of one transfer). */
  @FunctionalInterface
  public interface Measurements {
    double[] measure() throws Exception;
  }

  /** Candidate and baseline samples of one comparison. */
  public record Pair(Samples candidate, Samples baseline) {}

  private Interleaved() {}

  /**
   * Runs {@code warmups} unrecorded rounds of both, then {@code repeats} recorded ones.
   *
   * @throws IllegalArgumentException when repeats is below 1 or warmups below 0
   */
  public static Pair run(int warmups, int repeats, Measurement candidate, Measurement baseline) throws Exception {
    return run(warmups, repeats, 1, () -> new double[] {candidate.measure()},
        () -> new double[] {baseline.measure()}).get(0);
  }

  /** As {@link #run(int, int, Measurement, Measurement)}, for measurements of {@code figures} figures each. */
  public static List<Pair> run(int warmups, int repeats, int figures, Measurements candidate, Measurements baseline)
      throws Exception {
    if (repeats < 1 || warmups < 0) {
      throw new IllegalArgumentException("need repeats >= 1 and warmups >= 0, found " + repeats + " and " + warmups);
    }
    for (int i = 0; i < warmups; i++) {
      candidate.measure();
      baseline.measure();
    }
    List<List<Double>> candidates = lists(figures);
    List<List<Double>> baselines = lists(figures);
    for (int i = 0; i < repeats; i++) {
      if (i % 2 == 0) {
        record(candidate.measure(), candidates);
        record(baseline.measure(), baselines);
      } else {
        record(baseline.measure(), baselines);
        record(candidate.measure(), candidates);
      }
    }
    List<Pair> pairs = new ArrayList<>();
    for (int f = 0; f < figures; f++) {
      pairs.add(new Pair(new Samples(candidates.get(f)), new Samples(baselines.get(f))));
    }
    return pairs;
  }

  private static List<List<Double>> lists(int figures) {
    List<List<Double>> lists = new ArrayList<>();
    for (int f = 0; f < figures; f++) {
      lists.add(new ArrayList<>());
    }
    return lists;
  }

  private static void record(double[] figures, List<List<Double>> into) {
    if (figures.length != into.size()) {
      throw new IllegalStateException("expected " + into.size() + " figures per measurement, found " + figures.length);
    }
    for (int f = 0; f < figures.length; f++) {
      into.get(f).add(figures[f]);
    }
  }
}
