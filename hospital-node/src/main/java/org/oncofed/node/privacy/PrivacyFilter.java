package org.oncofed.node.privacy;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;
import org.oncofed.proto.federation.v1.PrivacyConfig;

/**
 * The filters a site applies to its update before it leaves: the change from the global model is
 * clipped to an L2 norm bound, then Gaussian noise with standard deviation
 * {@code noiseMultiplier × clipNorm} is added to every coordinate (the Gaussian mechanism of
 * DP-FedAvg). Noise comes from a cryptographically strong generator: predictable noise protects nothing.
 */
public final class PrivacyFilter {

  /** What was applied, for the update header and the site's ledger. */
  public record Applied(double clipNorm, double noiseMultiplier, double deltaNormBefore, boolean clipped) {

    public PrivacyConfig toProto() {
      return PrivacyConfig.newBuilder().setClipNorm(clipNorm).setNoiseMultiplier(noiseMultiplier).build();
    }
  }

  private final Random random;

  public PrivacyFilter() {
    this(new SecureRandom());
  }

  /** With a given generator, for tests that check the noise's statistics. */
  PrivacyFilter(Random random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Filters {@code trained} in place so that it becomes {@code base + clip(trained - base) + noise}.
   *
   * @throws IllegalArgumentException when the vectors differ in length or the settings are invalid
   */
  public Applied apply(float[] base, float[] trained, PrivacyConfig config) {
    if (base.length != trained.length) {
      throw new IllegalArgumentException("base has " + base.length + " parameters, update " + trained.length);
    }
    double clipNorm = config.getClipNorm();
    double noiseMultiplier = config.getNoiseMultiplier();
    if (!(clipNorm >= 0) || !(noiseMultiplier >= 0) || !Double.isFinite(clipNorm) || !Double.isFinite(noiseMultiplier)) {
      throw new IllegalArgumentException("privacy settings must be finite and non-negative, found clip norm "
          + clipNorm + ", noise multiplier " + noiseMultiplier);
    }
    if (noiseMultiplier > 0 && clipNorm == 0) {
      throw new IllegalArgumentException("noise is scaled by the clip norm, which must then be positive");
    }
    double sumSquares = 0;
    for (int i = 0; i < base.length; i++) {
      double delta = (double) trained[i] - base[i];
      sumSquares += delta * delta;
    }
    double norm = Math.sqrt(sumSquares);
    boolean clipped = clipNorm > 0 && norm > clipNorm;
    double scale = clipped ? clipNorm / norm : 1.0;
    double sigma = noiseMultiplier * clipNorm;
    if (scale == 1.0 && sigma == 0) {
      return new Applied(clipNorm, noiseMultiplier, norm, false);
    }
    for (int i = 0; i < base.length; i++) {
      double delta = ((double) trained[i] - base[i]) * scale;
      if (sigma > 0) {
        delta += sigma * random.nextGaussian();
      }
      trained[i] = (float) (base[i] + delta);
    }
    return new Applied(clipNorm, noiseMultiplier, norm, clipped);
  }
}
