package org.oncofed.common.secagg;

import java.util.Objects;
import java.util.SortedSet;
import org.oncofed.common.SiteId;

/**
 * ConsistencyCheck, site to aggregator: the site's signature, with its certificate key, over the
 * round settings and the survivor set it was given. Sites check each other's in the unmasking
 * request.
 */
public record ConsistencySignature(RoundRef ref, SiteId site, byte[] signature) {

  public ConsistencySignature {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(signature, "signature");
  }

  /** The bytes a site signs to confirm {@code survivors} in {@code round}. */
  static byte[] signedPayload(SecaggRound round, SortedSet<SiteId> survivors) {
    return Transcript.of("oncofed-secagg-survivors-v1").add(round.digest()).add(survivors).bytes();
  }
}
