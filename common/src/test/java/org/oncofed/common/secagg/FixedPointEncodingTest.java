package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedPointEncodingTest {

  @Test
  void encodesClippedRoundedValuesTimesTheSampleCountThenTheCount() {
    FixedPointEncoding encoding = new FixedPointEncoding(4, 2.0, 10);

    EncodedUpdate encoded = encoding.encode(new float[] {0.5f, -1.03125f, 3.0f, -7f, 0.03f}, 3);

    // 0.5·16 = 8; -1.03125·16 = -16.5 rounds to -16; 3 and -7 clip to ±2, ±32; 0.03·16 rounds to 0.
    assertThat(encoded.values()).containsExactly(24, -48, 96, -96, 0, 3);
    assertThat(encoded.clippedCoordinates()).isEqualTo(2);
    assertThat(encoded.parameterCount()).isEqualTo(5);
  }

  @Test
  void aDecodedValueIsWithinHalfAUnitOfTheClippedValue() {
    FixedPointEncoding encoding = new FixedPointEncoding(20, 8.0, 1000);
    Random random = new Random(11);
    float[] update = new float[10_000];
    for (int i = 0; i < update.length; i++) {
      update[i] = (float) (random.nextGaussian() * 6);
    }

    long[] encoded = encoding.encode(update, 37).values();

    double halfUnit = Math.scalb(1.0, -21);
    for (int i = 0; i < update.length; i++) {
      double clipped = Math.max(-8.0, Math.min(8.0, update[i]));
      assertThat(Math.abs(encoding.decode(encoded[i]) / 37 - clipped)).isLessThanOrEqualTo(halfUnit);
    }
  }

  @Test
  void theStandardSettingsFitTheLargestFederation() {
    FixedPointEncoding.STANDARD.requireNoOverflow(SecaggRound.MAX_SITES);

    assertThat(FixedPointEncoding.STANDARD.maxSites()).isEqualTo(31);
  }

  @Test
  void settingsThatCouldOverflowForTheSiteCountAreRefusedWithTheNumbers() {
    FixedPointEncoding fits = new FixedPointEncoding(32, 64.0, 1 << 20);
    FixedPointEncoding tooFine = new FixedPointEncoding(33, 64.0, 1 << 20);

    fits.requireNoOverflow(20);
    assertThat(fits.maxSites()).isEqualTo(31);
    assertThatThrownBy(() -> tooFine.requireNoOverflow(20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed-point settings could overflow for 20 sites: 20 sites × 1048576 samples × 549755813888"
            + " (clip 64.0 × 2^33, rounded up) = 11529215046068469760 exceeds 2^63 - 1 = 9223372036854775807;"
            + " these settings allow at most 15 sites: lower fractionBits, clipBound or maxSampleCount");
  }

  @Test
  void theSumOfTheMostSitesAtTheClipBoundStaysExact() {
    FixedPointEncoding encoding = new FixedPointEncoding(40, 1.3, 1000);
    int sites = (int) encoding.maxSites();
    encoding.requireNoOverflow(sites);
    assertThatThrownBy(() -> encoding.requireNoOverflow(sites + 1)).isInstanceOf(IllegalArgumentException.class);

    long[] largest = encoding.encode(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE}, 1000).values();
    long positive = 0;
    long negative = 0;
    for (int i = 0; i < sites; i++) {
      positive += largest[0];
      negative += largest[1];
    }

    BigInteger exact = BigInteger.valueOf(largest[0]).multiply(BigInteger.valueOf(sites));
    assertThat(BigInteger.valueOf(positive)).isEqualTo(exact);
    assertThat(BigInteger.valueOf(negative)).isEqualTo(exact.negate());
    assertThat(exact).isLessThanOrEqualTo(encoding.sumBound(sites));
  }

  @Test
  void settingsThatOverflowForOneSiteAreRefused() {
    assertThatThrownBy(() -> new FixedPointEncoding(60, 16.0, 1000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fixed-point settings overflow for a single site: 1000 samples × clip 16.0 × 2^60 ="
            + " 18446744073709551616000 exceeds 2^63 - 1 = 9223372036854775807");
  }

  @Test
  void nonFiniteValuesAreRefusedNamingTheCoordinate() {
    FixedPointEncoding encoding = new FixedPointEncoding(16, 4.0, 100);

    assertThatThrownBy(() -> encoding.encode(new float[] {1f, Float.NaN}, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("update coordinate 1 is NaN, expected a finite value");
    assertThatThrownBy(() -> encoding.encode(new float[] {Float.NEGATIVE_INFINITY}, 5))
        .hasMessage("update coordinate 0 is -Infinity, expected a finite value");
  }

  @Test
  void sampleCountsOutsideTheAgreedRangeAreRefused() {
    FixedPointEncoding encoding = new FixedPointEncoding(16, 4.0, 100);

    assertThatThrownBy(() -> encoding.encode(new float[] {1f}, 0))
        .hasMessage("sample count must be between 1 and 100 (the experiment's maxSampleCount), found 0");
    assertThatThrownBy(() -> encoding.encode(new float[] {1f}, 101))
        .hasMessage("sample count must be between 1 and 100 (the experiment's maxSampleCount), found 101");
  }

  @Test
  void aClipBelowOneUnitIsRefused() {
    assertThatThrownBy(() -> new FixedPointEncoding(4, 0.01, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clipBound 0.01 × 2^4 is below one fixed-point unit: every value would encode as 0 or ±1");
  }
}
