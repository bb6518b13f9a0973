package org.oncofed.demo;

/**
 * The Wilson score interval of a proportion at 95 %: it stays inside [0, 1] and keeps its coverage
 * for small counts and proportions near 0 or 1, where the normal approximation does not.
 */
record WilsonInterval(double lower, double upper) {

  private static final double Z95 = 1.959963984540054;

  static WilsonInterval of(long successes, long trials) {
    if (trials <= 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("a proportion needs 0 <= successes <= trials and trials > 0, found "
          + successes + " of " + trials);
    }
    double n = trials;
    double p = successes / n;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
