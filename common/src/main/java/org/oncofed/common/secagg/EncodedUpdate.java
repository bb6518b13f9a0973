package org.oncofed.common.secagg;

import java.util.Objects;

/**
 * A site's update in fixed point, weighted by its sample count, with the count as the last
 * coordinate. {@link SiteSession#maskInput} masks {@code values} in place (a copy of a 25 M
 * parameter vector would double the memory), so the update must not be used after masking.
 *
 * @param values the encoded coordinates, parameters first, then the sample count
 * @param clippedCoordinates how many parameters were outside the clip range, for the site's ledger
 */
public record EncodedUpdate(long[] values, long clippedCoordinates) {

  public EncodedUpdate {
    Objects.requireNonNull(values, "values");
    if (values.length < 2) {
      throw new IllegalArgumentException("an encoded update holds at least one parameter and the sample count, found "
          + values.length + " value(s)");
    }
  }

  /** The number of parameters, without the sample count coordinate. */
  public int parameterCount() {
    return values.length - 1;
  }
}
