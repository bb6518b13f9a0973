package org.oncofed.common.secagg;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a site's weighted update becomes a vector in the ring Z<sub>2^64</sub> (Java {@code long}
 * with wrap-around), so that masks cancel exactly and the unmasked sum is the sum of the encodings.
 *
 * <p>A site with update {@code x} (float32, one value per parameter) and sample count {@code w}
 * encodes coordinate {@code i} as {@code w · round(clamp(x_i, -B, B) · 2^f)} and appends {@code w}
 * as one more coordinate, so the aggregator learns only the total weight, never a site's count.
 * With {@code f} = {@link #fractionBits()}, {@code B} = {@link #clipBound()} (a per-coordinate value
 * range, applied to the whole parameter vector since updates are whole vectors), and {@code W} =
 * {@link #maxSampleCount()}:
 *
 * <ul>
 *   <li><b>No overflow.</b> Every encoded coordinate has magnitude at most {@code W · Q} with
 *       {@code Q = ceil(B · 2^f)}, so the sum over {@code n} sites has magnitude at most {@code n · W ·
 *       Q}. {@link #requireNoOverflow(int)} demands {@code n · W · Q ≤ 2^63 - 1}: the sum then never
 *       leaves the signed range, and reading the ring sum as a two's complement {@code long} gives
 *       the exact integer sum. The sample-count coordinate sums to at most {@code n · W}, within the
 *       same bound. Example: {@code f = 32}, {@code B = 64}, {@code W = 2^20} gives {@code W · Q =
 *       2^58}, room for 31 sites; {@code f = 33} allows only 15 and is refused for 20.
 *   <li><b>Error.</b> Rounding moves each coordinate by at most {@code 2^-(f+1)} before it is
 *       multiplied by the integer weight, so the decoded weighted sum is within {@code Σw ·
 *       2^-(f+1)} of the float64 weighted sum of the clipped updates, and the weighted mean within
 *       {@code 2^-(f+1)}; converting the exact integer sum to float64 adds at most one rounding
 *       (relative error {@code 2^-53}). Values outside {@code [-B, B]} are clipped and counted.
 * </ul>
 */
public record FixedPointEncoding(int fractionBits, double clipBound, long maxSampleCount) {

  // Before STANDARD, whose construction reads it.
  private static final BigInteger SIGNED_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /**
   * Settings that fit every federation the protocol allows: {@code f = 30} (a resolution of about
   * 1e-9, finer than float32 for values above 0.01), {@code B = 256} (beyond typical weights and
   * normalisation statistics; clipped values are counted, so a site sees when it is not), {@code W
   * = 2^20} samples per site. {@code W · Q = 2^58}: room for 31 sites.
   */
  public static final FixedPointEncoding STANDARD = new FixedPointEncoding(30, 256.0, 1 << 20);


  public FixedPointEncoding {
    if (fractionBits < 0 || fractionBits > 62) {
      throw new IllegalArgumentException("fractionBits must be between 0 and 62, found " + fractionBits);
    }
    if (!Double.isFinite(clipBound) || clipBound <= 0) {
      throw new IllegalArgumentException("clipBound must be a positive finite number, found " + clipBound);
    }
    if (maxSampleCount < 1) {
      throw new IllegalArgumentException("maxSampleCount must be at least 1, found " + maxSampleCount);
    }
    if (Math.scalb(clipBound, fractionBits) < 1) {
      throw new IllegalArgumentException("clipBound " + clipBound + " × 2^" + fractionBits
          + " is below one fixed-point unit: every value would encode as 0 or ±1");
    }
    BigInteger oneSite = BigInteger.valueOf(maxSampleCount).multiply(quantisedClip(clipBound, fractionBits));
    if (oneSite.compareTo(SIGNED_MAX) > 0) {
      throw new IllegalArgumentException("fixed-point settings overflow for a single site: " + maxSampleCount
          + " samples × clip " + clipBound + " × 2^" + fractionBits + " = " + oneSite + " exceeds 2^63 - 1 = "
          + SIGNED_MAX);
    }
  }

  /** {@code ceil(B · 2^f)}: the largest magnitude a rounded, clipped coordinate can take. */
  public BigInteger quantisedClip() {
    return quantisedClip(clipBound, fractionBits);
  }

  private static BigInteger quantisedClip(double clipBound, int fractionBits) {
    return new BigDecimal(clipBound).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(fractionBits)))
        .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
  }

  /** {@code n · W · Q}: the largest magnitude of any coordinate of the sum of {@code sites} encodings. */
  public BigInteger sumBound(int sites) {
    return BigInteger.valueOf(sites).multiply(BigInteger.valueOf(maxSampleCount)).multiply(quantisedClip());
  }

  /** The most sites whose encodings can be summed without overflow. */
  public long maxSites() {
    return SIGNED_MAX.divide(BigInteger.valueOf(maxSampleCount).multiply(quantisedClip())).longValueExact();
  }

  /** Refuses settings under which the sum of {@code sites} encodings could overflow, with the numbers. */
  public void requireNoOverflow(int sites) {
    BigInteger bound = sumBound(sites);
    if (bound.compareTo(SIGNED_MAX) > 0) {
      throw new IllegalArgumentException("fixed-point settings could overflow for " + sites + " sites: "
          + sites + " sites × " + maxSampleCount + " samples × " + quantisedClip() + " (clip " + clipBound
          + " × 2^" + fractionBits + ", rounded up) = " + bound + " exceeds 2^63 - 1 = " + SIGNED_MAX
          + "; these settings allow at most " + maxSites()
          + " sites: lower fractionBits, clipBound or maxSampleCount");
    }
  }

  /**
   * Encodes a site's update weighted by its sample count; the result has one coordinate more than
   * {@code update}. Refuses NaN and infinite values (a finite-values check belongs before masking,
   * where the site can still see its update) and sample counts outside {@code [1, W]}.
   */
  public EncodedUpdate encode(float[] update, long sampleCount) {
    Objects.requireNonNull(update, "update");
    if (sampleCount < 1 || sampleCount > maxSampleCount) {
      throw new IllegalArgumentException("sample count must be between 1 and " + maxSampleCount
          + " (the experiment's maxSampleCount), found " + sampleCount);
    }
    long[] encoded = new long[update.length + 1];
    double scale = Math.scalb(1.0, fractionBits);
    long clipped = 0;
    for (int i = 0; i < update.length; i++) {
      float value = update[i];
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException("update coordinate " + i + " is " + value + ", expected a finite value");
      }
      double kept = value;
      if (kept > clipBound || kept < -clipBound) {
        kept = Math.copySign(clipBound, kept);
        clipped++;
      }
      // Exact: kept · 2^f only shifts the exponent, and |round(kept · 2^f)| · w <= W · Q < 2^63.
      encoded[i] = Math.round(kept * scale) * sampleCount;
    }
    encoded[update.length] = sampleCount;
    return new EncodedUpdate(encoded, clipped);
  }

  /** The value a coordinate of a decoded (unmasked) sum stands for. */
  double decode(long value) {
    return Math.scalb((double) value, -fractionBits);
  }

  /** The largest difference between a decoded weighted sum and the float64 one, for a total weight. */
  public double maxSumError(long totalWeight) {
    return totalWeight * Math.scalb(1.0, -(fractionBits + 1));
  }
}
