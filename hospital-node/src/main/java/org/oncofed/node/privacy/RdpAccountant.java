package org.oncofed.node.privacy;

/**
 * Rényi differential privacy of a sequence of Gaussian mechanisms, converted to (ε, δ).
 *
 * <p>A Gaussian mechanism with L2 sensitivity Δ and noise of standard deviation z·Δ is
 * (α, α/(2z²))-RDP at every order α &gt; 1 (Mironov 2017, "Rényi Differential Privacy",
 * Proposition 7); RDP at the same order adds up under composition (Proposition 1). The total is
 * converted with Canonne, Kamath and Steinke 2020 ("The Discrete Gaussian for Differential
 * Privacy", Proposition 12; also Balle et al. 2020, Theorem 21):
 * ε = RDP(α) + log((α−1)/α) − (log δ + log α)/(α−1), minimised over α. No subsampling is assumed:
 * a site trains on its whole training split for every release, so there is no amplification to
 * claim. A release without noise (z = 0) is unbounded at every order.
 *
 * <p>Immutable. Orders form a geometric grid of α−1 from 10⁻³ to 10⁵, fine enough that the grid
 * costs less than 0.1% of ε against the continuous minimum for noise multipliers up to about 1000.
 */
public final class RdpAccountant {

  private static final int ORDER_COUNT = 2001;
  private static final double[] ORDERS = new double[ORDER_COUNT];

  static {
    for (int k = 0; k < ORDER_COUNT; k++) {
      ORDERS[k] = 1 + Math.pow(10, -3 + 8.0 * k / (ORDER_COUNT - 1));
    }
  }

  private static final RdpAccountant EMPTY = new RdpAccountant(new double[ORDER_COUNT], 0);

  private final double[] rdp;
  private final int releases;

  private RdpAccountant(double[] rdp, int releases) {
    this.rdp = rdp;
    this.releases = releases;
  }

  /** Nothing released yet. */
  public static RdpAccountant empty() {
    return EMPTY;
  }

  /**
   * With one more Gaussian mechanism released: noise of standard deviation
   * {@code noiseMultiplier} × the sensitivity; 0 means no noise (unbounded loss).
   *
   * @throws IllegalArgumentException for a negative or non-finite multiplier
   */
  public RdpAccountant plusGaussian(double noiseMultiplier) {
    if (!(noiseMultiplier >= 0) || !Double.isFinite(noiseMultiplier)) {
      throw new IllegalArgumentException("noise multiplier must be finite and at least 0, found " + noiseMultiplier);
    }
    double[] next = new double[ORDER_COUNT];
    for (int k = 0; k < ORDER_COUNT; k++) {
      next[k] = rdp[k] + (noiseMultiplier == 0
          ? Double.POSITIVE_INFINITY
          : ORDERS[k] / (2 * noiseMultiplier * noiseMultiplier));
    }
    return new RdpAccountant(next, releases + 1);
  }

  /** Mechanisms composed so far. */
  public int releases() {
    return releases;
  }

  /** The orders at which RDP is tracked, ascending. */
  public static double[] orders() {
    return ORDERS.clone();
  }

  /** The composed RDP at each of {@link #orders()}. */
  public double[] rdp() {
    return rdp.clone();
  }

  /**
   * The smallest ε over the tracked orders such that the composition is (ε, δ)-DP; 0 before any
   * release, +∞ after a release without noise.
   *
   * @throws IllegalArgumentException unless 0 &lt; δ &lt; 1
   */
  public double epsilon(double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be between 0 and 1 (exclusive), found " + delta);
    }
    if (releases == 0) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < ORDER_COUNT; k++) {
      double alpha = ORDERS[k];
      double epsilon = rdp[k] + Math.log1p(-1 / alpha) - (Math.log(delta) + Math.log(alpha)) / (alpha - 1);
      best = Math.min(best, epsilon);
    }
    return Math.max(0, best);
  }
}
