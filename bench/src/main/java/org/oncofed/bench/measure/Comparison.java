package org.oncofed.bench.measure;

import java.util.Objects;

/**
 * One figure of the suite: the real code path (candidate) and its baseline, measured interleaved in
 * the same run. {@link #ratio()} is always the candidate's speed over the baseline's, so 1 means
 * "as fast as the baseline" whether the unit is a rate or a duration.
 *
 * @param benchmark the suite part, for example {@code aggregation}
 * @param label what was measured, for example {@code n=10 P=25M}
 * @param unit unit of both sample sets, for example {@code GB/s} or {@code ms}
 * @param higherIsBetter true for rates, false for durations
 * @param candidate the real code path
 * @param baseline the best the machine does on the same bytes or the same work
 * @param baselineName what the baseline is, for the table
 * @param goal the ratio the issue asks for, or null where none is set
 */
public record Comparison(
    String benchmark,
    String label,
    String unit,
    boolean higherIsBetter,
    Samples candidate,
    Samples baseline,
    String baselineName,
    Double goal) {

  public Comparison {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(baselineName, "baselineName");
  }

  /** Candidate speed over baseline speed, from the medians. */
  public double ratio() {
    return higherIsBetter
        ? candidate.median() / baseline.median()
        : baseline.median() / candidate.median();
  }

  /** Null when no goal is set. */
  public Boolean meetsGoal() {
    return goal == null ? null : ratio() >= goal;
  }
}
