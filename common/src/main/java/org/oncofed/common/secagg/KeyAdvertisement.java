package org.oncofed.common.secagg;

import java.util.List;
import java.util.Objects;
import org.oncofed.common.SiteId;

/**
 * AdvertiseKeys, site to aggregator, and relayed to every site in {@link AdvertisedKeys}: a site's
 * two X25519 public keys, signed with its certificate key over the experiment, round, site id,
 * round settings digest and both keys. Recipients check the signature and that the certificate
 * chains to the project CA and names the site, so the aggregator cannot substitute keys.
 *
 * @param settingsDigest SHA-256 of the round's settings as this site knows them (32 bytes)
 * @param encryptionKey X25519 public key for the share encryption keys (X.509 encoding)
 * @param maskingKey X25519 public key for the pairwise masks (X.509 encoding)
 * @param certificateChain the site's certificate chain, leaf first, DER-encoded
 * @param signature signature over {@link #signedPayload()} with the leaf certificate's key
 */
public record KeyAdvertisement(
    RoundRef ref,
    SiteId site,
    byte[] settingsDigest,
    byte[] encryptionKey,
    byte[] maskingKey,
    List<byte[]> certificateChain,
    byte[] signature) {

  public KeyAdvertisement {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(settingsDigest, "settingsDigest");
    Objects.requireNonNull(encryptionKey, "encryptionKey");
    Objects.requireNonNull(maskingKey, "maskingKey");
    certificateChain = List.copyOf(certificateChain);
    Objects.requireNonNull(signature, "signature");
  }

  /** The bytes the site signs. */
  byte[] signedPayload() {
    return signedPayload(ref, site, settingsDigest, encryptionKey, maskingKey);
  }

  static byte[] signedPayload(
      RoundRef ref, SiteId site, byte[] settingsDigest, byte[] encryptionKey, byte[] maskingKey) {
    return Transcript.of("oncofed-secagg-keys-v1")
        .add(ref.experimentId())
        .add(ref.round())
        .add(site)
        .add(settingsDigest)
        .add(encryptionKey)
        .add(maskingKey)
        .bytes();
  }
}
