package org.oncofed.common.metrics;

/**
 * One-vs-rest ROC AUC recovered from a score histogram, with the bounds binning leaves open.
 *
 * <p>The AUC is the probability that a random positive outscores a random negative (ties count
 * one half). Pairs whose scores fall in different bins are ordered exactly; only pairs of a
 * positive and a negative in the same bin are unknown, and each contributes between 0 and 1.
 * Hence {@code lower} counts them as 0, {@code upper} as 1, and {@code estimate} as 1/2, which
 * equals the trapezoid rule over the ROC points at the bin edges. When no bin holds both a
 * positive and a negative the three coincide and the value is the exact AUC of the unbinned
 * scores. All three are NaN when the class has no positives or no negatives.
 */
public record AucEstimate(double lower, double estimate, double upper) {

  public static final AucEstimate UNDEFINED = new AucEstimate(Double.NaN, Double.NaN, Double.NaN);

  /** True when binning lost nothing: the estimate is the exact AUC. */
  public boolean exact() {
    return lower == upper;
  }
}
