package org.oncofed.common.secagg;

import java.util.Map;
import java.util.Objects;
import org.oncofed.common.SiteId;

/**
 * ShareKeys, aggregator to one site: the ciphertexts addressed to it by every site that sent its
 * shares in time. Those senders are the sites the recipient exchanges pairwise masks with.
 *
 * @param ciphertexts by sender
 */
public record SharesForSite(RoundRef ref, SiteId recipient, Map<SiteId, byte[]> ciphertexts) {

  public SharesForSite {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(recipient, "recipient");
    ciphertexts = Map.copyOf(ciphertexts);
  }
}
