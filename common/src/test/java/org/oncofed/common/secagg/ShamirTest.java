package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShamirTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void theFieldIsPrimeAndHoldsTheLargestSecret() {
    assertThat(Shamir.PRIME.isProbablePrime(128)).isTrue();
    assertThat(Shamir.PRIME.bitLength()).isGreaterThan(8 * Shamir.MAX_SECRET_BYTES);
  }

  @Test
  void everySubsetOfAtLeastThresholdSharesGivesTheSecret() {
    byte[] secret = random(32);
    List<Share> shares = Shamir.split(secret, 3, 6, RANDOM);

    for (List<Share> subset : subsets(shares)) {
      if (subset.size() >= 3) {
        assertThat(Shamir.combine(subset, 3, 32, "the secret")).as("shares %s", indices(subset)).isEqualTo(secret);
      }
    }
  }

  @Test
  void everySubsetOfThresholdMinusOneSharesIsRefused() {
    List<Share> shares = Shamir.split(random(32), 4, 6, RANDOM);

    for (List<Share> subset : subsets(shares)) {
      if (subset.size() == 3) {
        assertThatThrownBy(() -> Shamir.combine(subset, 4, 32, "the secret"))
            .isInstanceOf(SecaggException.class)
            .hasMessage("cannot reconstruct the secret: 3 share(s), 4 needed");
      }
    }
  }

  @Test
  void secretsWithLeadingZeroBytesKeepTheirLength() {
    byte[] secret = new byte[32];
    secret[31] = 7;

    assertThat(Shamir.combine(Shamir.split(secret, 2, 3, RANDOM), 2, 32, "the secret")).isEqualTo(secret);
  }

  @Test
  void aWrongShareAmongMoreThanThresholdIsDetected() {
    List<Share> shares = new ArrayList<>(Shamir.split(random(32), 3, 5, RANDOM));
    Share last = shares.get(4);
    shares.set(4, new Share(last.index(), last.value().add(BigInteger.ONE).mod(Shamir.PRIME)));

    assertThatThrownBy(() -> Shamir.combine(shares, 3, 32, "the seed of site-05"))
        .isInstanceOf(SecaggException.class)
        .hasMessage("cannot reconstruct the seed of site-05: the share with index 5 does not lie on the polynomial of"
            + " shares [1, 2, 3]; a site sent a wrong share");
  }

  @Test
  void twoSharesForOneIndexAreRefused() {
    List<Share> shares = Shamir.split(random(32), 2, 3, RANDOM);

    assertThatThrownBy(() -> Shamir.combine(List.of(shares.get(0), shares.get(0)), 2, 32, "the secret"))
        .isInstanceOf(SecaggException.class)
        .hasMessage("cannot reconstruct the secret: two shares for index 1");
  }

  @Test
  void aThresholdAboveTheShareCountIsRefused() {
    assertThatThrownBy(() -> Shamir.split(random(32), 4, 3, RANDOM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be between 1 and the share count 3, found 4");
  }

  private static byte[] random(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static List<List<Share>> subsets(List<Share> shares) {
    List<List<Share>> subsets = new ArrayList<>();
    for (int mask = 1; mask < 1 << shares.size(); mask++) {
      List<Share> subset = new ArrayList<>();
      for (int i = 0; i < shares.size(); i++) {
        if ((mask & 1 << i) != 0) {
          subset.add(shares.get(i));
        }
      }
      subsets.add(subset);
    }
    return subsets;
  }

  private static List<Integer> indices(List<Share> shares) {
    return shares.stream().map(Share::index).toList();
  }
}
