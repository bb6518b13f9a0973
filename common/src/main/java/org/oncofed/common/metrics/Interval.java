package org.oncofed.common.metrics;

/** A two-sided 95 % confidence interval; both ends NaN when the quantity is undefined. */
public record Interval(double lower, double upper) {

  public static final Interval UNDEFINED = new Interval(Double.NaN, Double.NaN);

  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  public double width() {
    return upper - lower;
  }
}
