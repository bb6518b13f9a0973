package org.oncofed.common.secagg;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shamir secret sharing over the prime field of {@code p = 2^521 - 1} (a Mersenne prime, larger
 * than any 64-byte secret): any {@code t} shares give the secret; {@code t - 1} give no information
 * about it.
 */
final class Shamir {

  static final BigInteger PRIME = BigInteger.ONE.shiftLeft(521).subtract(BigInteger.ONE);
  static final int MAX_SECRET_BYTES = 64;
  /** Bytes of a share value: 521 bits. */
  static final int VALUE_BYTES = 66;

  private Shamir() {}

  /** Shares for evaluation points 1 to {@code count}, any {@code threshold} of which give {@code secret}. */
  static List<Share> split(byte[] secret, int threshold, int count, SecureRandom random) {
    if (secret.length > MAX_SECRET_BYTES) {
      throw new IllegalArgumentException("secret of " + secret.length + " bytes, at most " + MAX_SECRET_BYTES
          + " can be shared");
    }
    if (threshold < 1 || threshold > count) {
      throw new IllegalArgumentException("threshold must be between 1 and the share count " + count
          + ", found " + threshold);
    }
    BigInteger[] coefficients = new BigInteger[threshold];
    coefficients[0] = new BigInteger(1, secret);
    for (int i = 1; i < threshold; i++) {
      coefficients[i] = uniformBelowPrime(random);
    }
    List<Share> shares = new ArrayList<>(count);
    for (int x = 1; x <= count; x++) {
      BigInteger point = BigInteger.valueOf(x);
      BigInteger y = BigInteger.ZERO;
      for (int i = threshold - 1; i >= 0; i--) {
        y = y.multiply(point).add(coefficients[i]).mod(PRIME);
      }
      shares.add(new Share(x, y));
    }
    return shares;
  }

  /**
   * The secret of {@code secretLength} bytes behind {@code shares}. Beyond the first
   * {@code threshold} shares, every further share must lie on the same polynomial, so a wrong share
   * among more than {@code threshold} is detected instead of silently giving a wrong secret.
   *
   * @param what names the secret in errors
   */
  static byte[] combine(Collection<Share> shares, int threshold, int secretLength, String what) {
    if (shares.size() < threshold) {
      throw new SecaggException("cannot reconstruct " + what + ": " + shares.size() + " share(s), "
          + threshold + " needed");
    }
    List<Share> sorted = new ArrayList<>(shares);
    sorted.sort(Comparator.comparingInt(Share::index));
    Set<Integer> indices = new HashSet<>();
    for (Share share : sorted) {
      if (!indices.add(share.index())) {
        throw new SecaggException("cannot reconstruct " + what + ": two shares for index " + share.index());
      }
    }
    List<Share> basis = sorted.subList(0, threshold);
    for (Share extra : sorted.subList(threshold, sorted.size())) {
      if (!interpolate(basis, BigInteger.valueOf(extra.index())).equals(extra.value())) {
        throw new SecaggException("cannot reconstruct " + what + ": the share with index " + extra.index()
            + " does not lie on the polynomial of shares " + indices(basis) + "; a site sent a wrong share");
      }
    }
    BigInteger secret = interpolate(basis, BigInteger.ZERO);
    if (secret.bitLength() > 8 * secretLength) {
      throw new SecaggException("cannot reconstruct " + what + ": the shares give a " + secret.bitLength()
          + "-bit number, expected at most " + 8 * secretLength + " bits; a site sent a wrong share");
    }
    return toBytes(secret, secretLength);
  }

  /** {@code value} as exactly {@code length} big-endian bytes; it must fit. */
  static byte[] toBytes(BigInteger value, int length) {
    byte[] minimal = value.toByteArray();
    int skip = minimal.length > length ? minimal.length - length : 0;
    byte[] fixed = new byte[length];
    System.arraycopy(minimal, skip, fixed, length - (minimal.length - skip), minimal.length - skip);
    return fixed;
  }

  /** The polynomial through {@code points}, evaluated at {@code x} by Lagrange's formula. */
  private static BigInteger interpolate(List<Share> points, BigInteger x) {
    BigInteger sum = BigInteger.ZERO;
    for (Share i : points) {
      BigInteger xi = BigInteger.valueOf(i.index());
      BigInteger numerator = BigInteger.ONE;
      BigInteger denominator = BigInteger.ONE;
      for (Share m : points) {
        if (m != i) {
          BigInteger xm = BigInteger.valueOf(m.index());
          numerator = numerator.multiply(x.subtract(xm)).mod(PRIME);
          denominator = denominator.multiply(xi.subtract(xm)).mod(PRIME);
        }
      }
      sum = sum.add(i.value().multiply(numerator).multiply(denominator.modInverse(PRIME))).mod(PRIME);
    }
    return sum;
  }

  private static BigInteger uniformBelowPrime(SecureRandom random) {
    BigInteger candidate;
    do {
      candidate = new BigInteger(PRIME.bitLength(), random);
    } while (candidate.compareTo(PRIME) >= 0);
    return candidate;
  }

  private static List<Integer> indices(List<Share> shares) {
    return shares.stream().map(Share::index).toList();
  }
}
