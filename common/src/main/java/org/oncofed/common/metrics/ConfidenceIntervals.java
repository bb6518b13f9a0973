package org.oncofed.common.metrics;

/** The 95 % confidence intervals OncoFed reports, each method in one place. */
public final class ConfidenceIntervals {

  /** The standard normal quantile of 0.975. */
  static final double Z = 1.959963984540054;

  private ConfidenceIntervals() {}

  /**
   * Wilson score interval of a binomial proportion (Wilson 1927; recommended over the normal
   * "Wald" interval by Brown, Cai and DasGupta 2001, Statistical Science 16:101): it stays within
   * [0, 1] and keeps its coverage near 0 and 1 and for small {@code n}. Undefined for {@code n = 0}.
   */
  public static Interval wilson(long successes, long n) {
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException("successes must be in [0, n], found " + successes + " of " + n);
    }
    return n == 0 ? Interval.UNDEFINED : wilson((double) successes / n, n);
  }

  /** Wilson's interval around {@code p} observed on an (effective) sample of size {@code n}. */
  static Interval wilson(double p, double n) {
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * Interval of a balanced accuracy (the mean of the classes' sensitivities): Wilson's interval on
   * the effective sample size {@code k² / Σ 1/n_c}, which is the mean's variance {@code Σ p_c(1 -
   * p_c)/n_c / k²} written as {@code p(1 - p)/n} when the classes' rates are equal and is
   * conservative when they differ. Classes without examples are left out; undefined without any.
   *
   * @param correct correctly predicted examples per class
   * @param support examples per class
   */
  public static Interval balancedAccuracy(long[] correct, long[] support) {
    double sum = 0;
    double inverseSupport = 0;
    int classes = 0;
    for (int c = 0; c < support.length; c++) {
      if (support[c] > 0) {
        sum += (double) correct[c] / support[c];
        inverseSupport += 1.0 / support[c];
        classes++;
      }
    }
    if (classes == 0) {
      return Interval.UNDEFINED;
    }
    return wilson(sum / classes, classes * (double) classes / inverseSupport);
  }

  /**
   * Hanley and McNeil's interval for a ROC AUC {@code a} from {@code positives} and {@code
   * negatives} (Radiology 1982, 143:29, equation 2): {@code SE² = (a(1 - a) + (n₁ - 1)(Q₁ - a²) +
   * (n₂ - 1)(Q₂ - a²)) / (n₁n₂)} with {@code Q₁ = a/(2 - a)}, {@code Q₂ = 2a²/(1 + a)}, then {@code a
   * ± 1.96 SE} clipped to [0, 1]. It needs only the area and the two counts, so it works from
   * pooled histograms, which keep no per-image score.
   */
  public static Interval hanleyMcNeil(double auc, long positives, long negatives) {
    if (Double.isNaN(auc) || positives == 0 || negatives == 0) {
      return Interval.UNDEFINED;
    }
    double se = hanleyMcNeilStandardError(auc, positives, negatives);
    return new Interval(Math.max(0, auc - Z * se), Math.min(1, auc + Z * se));
  }

  static double hanleyMcNeilStandardError(double auc, long positives, long negatives) {
    double q1 = auc / (2 - auc);
    double q2 = 2 * auc * auc / (1 + auc);
    double a2 = auc * auc;
    double variance = (auc * (1 - auc) + (positives - 1) * (q1 - a2) + (negatives - 1) * (q2 - a2))
        / ((double) positives * negatives);
    return Math.sqrt(Math.max(0, variance));
  }
}
