package org.oncofed.common.secagg;

import java.math.BigInteger;
import java.util.Objects;

/**
 * One Shamir share: the sharing polynomial's value at the holder's evaluation point. A site's point
 * is its 1-based position among the round's sorted sites.
 *
 * @param index the evaluation point, 1 or more
 * @param value the polynomial's value there, in {@code [0, p)} with {@code p = 2^521 - 1}
 */
public record Share(int index, BigInteger value) {

  public Share {
    Objects.requireNonNull(value, "value");
    if (index < 1) {
      throw new IllegalArgumentException("share index must be 1 or more, found " + index);
    }
    if (value.signum() < 0 || value.compareTo(Shamir.PRIME) >= 0) {
      throw new IllegalArgumentException("share value must lie in [0, 2^521 - 1), found a "
          + value.bitLength() + "-bit " + (value.signum() < 0 ? "negative " : "") + "number");
    }
  }
}
