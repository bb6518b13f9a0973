package org.oncofed.coordinator.aggregation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Coordinate-wise robust aggregation (Yin et al., 2018): for every parameter, the values of all
 * updates are sorted, the {@code k} lowest and {@code k} highest dropped, and the rest averaged.
 * The median is the special case that keeps one value (odd count) or the middle two (even).
 *
 * <p>Up to {@code k} arbitrary (faulty or malicious) updates cannot move any coordinate outside the
 * range of the honest ones.
 */
final class TrimmedMean extends WholeUpdateStrategy {

  public static final String TRIMMED_MEAN = "trimmed-mean";
  public static final String MEDIAN = "median";

  private static final StrategySetting TRIM_FRACTION = StrategySetting.real("trimFraction", 0.1, 0, 0.5);

  static final StrategyKind MEDIAN_KIND = StrategyKind.of(MEDIAN, List.of(), (values, bounds) -> median(bounds));

  static final StrategyKind TRIMMED_MEAN_KIND = StrategyKind.of(TRIMMED_MEAN, List.of(TRIM_FRACTION),
      (values, bounds) -> trimming(TRIM_FRACTION.valueIn(TRIMMED_MEAN, values), bounds));

  /** Fraction trimmed from each end, or negative for the median. */
  private final double trimFraction;

  private TrimmedMean(double trimFraction, UpdateBounds bounds) {
    super(bounds);
    this.trimFraction = trimFraction;
  }

  /** Drops {@code floor(fraction * n)} values from each end of every coordinate; 0 <= fraction < 0.5. */
  public static TrimmedMean trimming(double fraction, UpdateBounds bounds) {
    if (!(fraction >= 0 && fraction < 0.5)) {
      throw new IllegalArgumentException("trim fraction must be in [0, 0.5), found " + fraction);
    }
    return new TrimmedMean(fraction, bounds);
  }

  /** The coordinate-wise median. */
  public static TrimmedMean median(UpdateBounds bounds) {
    return new TrimmedMean(-1, bounds);
  }

  @Override
  public String name() {
    return trimFraction < 0 ? MEDIAN : TRIMMED_MEAN;
  }

  @Override
  Map<String, Double> ownSettings() {
    return trimFraction < 0 ? Map.of() : Map.of("trimFraction", trimFraction);
  }

  /** Values dropped from each end of a coordinate when {@code n} updates arrived. */
  int trimCount(int n) {
    return trimFraction < 0 ? (n - 1) / 2 : (int) Math.floor(trimFraction * n);
  }

  @Override
  float[] combine(float[][] updates) {
    return trimmedMean(updates, trimCount(updates.length));
  }

  private static float[] trimmedMean(float[][] updates, int trim) {
    int n = updates.length;
    int length = updates[0].length;
    int from = trim;
    int to = n - trim;
    float[] column = new float[n];
    float[] result = new float[length];
    for (int j = 0; j < length; j++) {
      for (int i = 0; i < n; i++) {
        column[i] = updates[i][j];
      }
      Arrays.sort(column);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += column[i];
      }
      result[j] = (float) (sum / (to - from));
    }
    return result;
  }
}
