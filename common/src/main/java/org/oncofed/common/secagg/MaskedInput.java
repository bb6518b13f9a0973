package org.oncofed.common.secagg;

import java.util.Objects;
import org.oncofed.common.SiteId;

/**
 * MaskedInputCollection, site to aggregator: the site's encoded update plus its self mask and its
 * pairwise masks, in Z<sub>2^64</sub>. Indistinguishable from random to anyone without the masks'
 * keys. The vector is not copied (it may hold 25 M values).
 */
public record MaskedInput(RoundRef ref, SiteId site, long[] values) {

  public MaskedInput {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(values, "values");
  }
}
