package org.oncofed.node.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accountant against the Gaussian mechanism's composition as published. Every expected number
 * is computed here, independently of the accountant's order grid, from the formula whose source is
 * named beside it.
 */
class RdpAccountantTest {

  private static final NormalDistribution PHI = new NormalDistribution(0, 1);

  /** Mironov 2017, Proposition 7 (Gaussian: α/(2z²)) and Proposition 1 (composition adds). */
  @Test
  void composedRdpIsTheSumOfEachGaussiansAlphaOverTwoZSquared() {
    RdpAccountant accountant = RdpAccountant.empty().plusGaussian(1.0).plusGaussian(2.0).plusGaussian(0.5);
    double[] orders = RdpAccountant.orders();
    double[] rdp = accountant.rdp();
    for (int k = 0; k < orders.length; k += 97) {
      double alpha = orders[k];
      assertThat(rdp[k]).isCloseTo(alpha / 2 + alpha / 8 + alpha * 2, within(1e-12 * alpha));
    }
    assertThat(accountant.releases()).isEqualTo(3);
  }

  /**
   * T releases at noise multiplier z, δ: the accountant equals the conversion of Canonne, Kamath and
   * Steinke 2020 (Proposition 12) minimised over continuous α, within its grid's 0.1%; it is never
   * below the exact ε of the composition, and at most 12% above it. The exact ε: T Gaussian
   * mechanisms at z compose to one at z/√T (Dong, Roth and Su 2022, "Gaussian Differential
   * Privacy", Corollary 3.3: μ-GDP with μ = √T/z), whose tight δ(ε) is Balle and Wang 2018,
   * "Improving the Gaussian Mechanism", Theorem 8: δ(ε) = Φ(μ/2 − ε/μ) − e^ε Φ(−μ/2 − ε/μ).
   * Reference values (these formulas evaluated independently with SciPy): T=1, z=1: RDP 4.7284,
   * exact 4.3772; T=10, z=1: 19.0473, 17.8566; T=20, z=4: 5.3777, 4.9833; T=4, z=1.5: 6.6033, 6.1292;
   * T=50, z=5: 7.0772, 6.5730 (as T=8, z=2: only T/z² counts). Exact values stop at ε of about 20, where
   * e^ε Φ(−μ/2 − ε/μ) needs more tail precision than a double-precision Φ keeps.
   */
  @ParameterizedTest(name = "{0} release(s) at noise multiplier {1}, delta {2}")
  @CsvSource({
      "1, 1.0, 1e-5, 4.7284, 4.3772",
      "10, 1.0, 1e-5, 19.0473, 17.8566",
      "20, 4.0, 1e-5, 5.3777, 4.9833",
      "4, 1.5, 1e-5, 6.6033, 6.1292",
      "50, 5.0, 1e-5, 7.0772, 6.5730",
      "8, 2.0, 1e-5, 7.0772, 6.5730",
      "3, 0.8, 1e-6, , ",
      "1000, 20.0, 1e-5, , "})
  void epsilonMatchesThePublishedConversionAndBoundsTheExactValue(int releases, double z, double delta,
      Double publishedRdp, Double publishedExact) {
    RdpAccountant accountant = RdpAccountant.empty();
    for (int i = 0; i < releases; i++) {
      accountant = accountant.plusGaussian(z);
    }
    double epsilon = accountant.epsilon(delta);
    double converted = continuousConversion(releases / (2 * z * z), delta);
    double exact = exactGaussian(Math.sqrt(releases) / z, delta);

    assertThat(epsilon).isCloseTo(converted, within(1e-3 * converted));
    assertThat(epsilon).isGreaterThanOrEqualTo(exact).isLessThanOrEqualTo(1.12 * exact);
    if (publishedRdp != null) {
      assertThat(epsilon).isCloseTo(publishedRdp, within(1e-3 * publishedRdp));
      assertThat(exact).isCloseTo(publishedExact, within(1e-4 * publishedExact));
    }
  }

  /**
   * Dwork and Roth 2014 ("The Algorithmic Foundations of Differential Privacy", Theorem A.1): noise
   * σ ≥ Δ·√(2 ln(1.25/δ))/ε makes one Gaussian release (ε, δ)-DP for ε &lt; 1; the accountant
   * must not claim more loss than that.
   */
  @Test
  void oneReleaseCalibratedByTheClassicalBoundStaysWithinIt() {
    double delta = 1e-5;
    double target = 0.5;
    double z = Math.sqrt(2 * Math.log(1.25 / delta)) / target;
    assertThat(RdpAccountant.empty().plusGaussian(z).epsilon(delta)).isLessThanOrEqualTo(target);
  }

  @Test
  void nothingReleasedCostsNothingAndAReleaseWithoutNoiseIsUnbounded() {
    assertThat(RdpAccountant.empty().epsilon(1e-5)).isZero();
    assertThat(RdpAccountant.empty().plusGaussian(3).plusGaussian(0).epsilon(1e-5)).isInfinite();
    assertThatThrownBy(() -> RdpAccountant.empty().plusGaussian(-1)).hasMessageContaining("found -1.0");
    assertThatThrownBy(() -> RdpAccountant.empty().epsilon(0)).hasMessageContaining("delta must be between 0 and 1");
  }

  /** ε = ρα + log((α−1)/α) − (log δ + log α)/(α−1) minimised by golden-section search over log(α−1). */
  private static double continuousConversion(double rho, double delta) {
    double lo = Math.log(1e-4);
    double hi = Math.log(1e6);
    double ratio = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 200; i++) {
      double a = hi - ratio * (hi - lo);
      double b = lo + ratio * (hi - lo);
      if (conversion(rho, delta, 1 + Math.exp(a)) < conversion(rho, delta, 1 + Math.exp(b))) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return conversion(rho, delta, 1 + Math.exp((lo + hi) / 2));
  }

  private static double conversion(double rho, double delta, double alpha) {
    return rho * alpha + Math.log((alpha - 1) / alpha) - (Math.log(delta) + Math.log(alpha)) / (alpha - 1);
  }

  /** The ε at which δ(ε) of a μ-GDP mechanism equals δ, by bisection (δ(ε) decreases in ε). */
  private static double exactGaussian(double mu, double delta) {
    double lo = 0;
    double hi = 1000;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      double tight = PHI.cumulativeProbability(mu / 2 - mid / mu) - Math.exp(mid) * PHI.cumulativeProbability(-mu / 2 - mid / mu);
      if (tight > delta) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
