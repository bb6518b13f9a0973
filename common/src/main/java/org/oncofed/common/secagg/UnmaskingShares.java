package org.oncofed.common.secagg;

import java.util.Map;
import java.util.Objects;
import org.oncofed.common.SiteId;

/**
 * Unmasking, site to aggregator: the site's share of each survivor's self-mask seed and of each
 * dropout's masking key, never both for one site.
 *
 * @param selfMaskSeedShares by survivor
 * @param maskingKeyShares by dropout
 */
public record UnmaskingShares(
    RoundRef ref, SiteId site, Map<SiteId, Share> selfMaskSeedShares, Map<SiteId, Share> maskingKeyShares) {

  public UnmaskingShares {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(site, "site");
    selfMaskSeedShares = Map.copyOf(selfMaskSeedShares);
    maskingKeyShares = Map.copyOf(maskingKeyShares);
  }
}
