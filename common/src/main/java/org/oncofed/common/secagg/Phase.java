package org.oncofed.common.secagg;

/** The protocol's phases, in order; each ends when the aggregator closes it. */
public enum Phase {
  /** Sites publish two signed public keys: one for encrypting shares, one for pairwise masks. */
  ADVERTISE_KEYS("AdvertiseKeys"),
  /** Sites send each other, through the aggregator, encrypted Shamir shares of their secrets. */
  SHARE_KEYS("ShareKeys"),
  /** Sites upload their masked, fixed-point encoded updates. */
  MASKED_INPUT_COLLECTION("MaskedInputCollection"),
  /** Sites sign the set of sites whose inputs are in the sum. */
  CONSISTENCY_CHECK("ConsistencyCheck"),
  /** Sites reveal the shares that remove the masks, and the aggregator computes the sum. */
  UNMASKING("Unmasking");

  private final String label;

  Phase(String label) {
    this.label = label;
  }

  /** The phase's name as in the protocol description. */
  public String label() {
    return label;
  }
}
