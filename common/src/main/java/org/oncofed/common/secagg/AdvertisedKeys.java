package org.oncofed.common.secagg;

import java.util.List;
import java.util.Objects;

/**
 * AdvertiseKeys, aggregator to every site: the advertisements of all sites that advertised in
 * time, as they were received. Each site verifies every one before it shares its secrets.
 */
public record AdvertisedKeys(RoundRef ref, List<KeyAdvertisement> advertisements) {

  public AdvertisedKeys {
    Objects.requireNonNull(ref, "ref");
    advertisements = List.copyOf(advertisements);
  }
}
