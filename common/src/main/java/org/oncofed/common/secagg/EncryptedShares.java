package org.oncofed.common.secagg;

import java.util.Map;
import java.util.Objects;
import org.oncofed.common.SiteId;

/**
 * ShareKeys, site to aggregator: for every site that advertised keys (the sender included), the
 * sender's shares of its masking key and self-mask seed, encrypted so that only that site can read
 * them.
 *
 * @param ciphertexts by recipient
 */
public record EncryptedShares(RoundRef ref, SiteId sender, Map<SiteId, byte[]> ciphertexts) {

  public EncryptedShares {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(sender, "sender");
    ciphertexts = Map.copyOf(ciphertexts);
  }
}
