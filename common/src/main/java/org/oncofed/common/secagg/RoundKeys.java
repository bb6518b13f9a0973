package org.oncofed.common.secagg;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.oncofed.common.SiteId;

/**
 * The symmetric keys of one round, each derived with HKDF-SHA256 from a seed or an X25519 secret.
 * The salt is the digest of the round's settings and the info names the key's purpose and sites,
 * so no key serves two rounds, two purposes or two pairs of sites.
 */
final class RoundKeys {

  /** Bytes of a site's self-mask seed, the secret behind its self mask. */
  static final int SEED_BYTES = 32;

  /** AES-128 for the mask generator: 128-bit security, and 10 rounds instead of AES-256's 14. */
  private static final int MASK_KEY_BYTES = 16;
  private static final int SHARE_KEY_BYTES = 32;

  private final byte[] salt;

  RoundKeys(SecaggRound round) {
    this.salt = round.digest();
  }

  /** The key that expands a site's self mask from its seed. */
  byte[] selfMask(SiteId site, byte[] seed) {
    return derive(seed, Transcript.of("self-mask").add(site).bytes(), MASK_KEY_BYTES);
  }

  /** The key of the mask two sites share; the same whichever of the two derives it. */
  byte[] pairwiseMask(SiteId one, SiteId other, byte[] agreedSecret) {
    boolean ordered = one.compareTo(other) < 0;
    byte[] info = Transcript.of("pairwise-mask").add(ordered ? one : other).add(ordered ? other : one).bytes();
    return derive(agreedSecret, info, MASK_KEY_BYTES);
  }

  /** The AES-256-GCM key for the shares {@code sender} encrypts to {@code recipient}; one per direction. */
  byte[] shareEncryption(SiteId sender, SiteId recipient, byte[] agreedSecret) {
    return derive(agreedSecret, Transcript.of("share-encryption").add(sender).add(recipient).bytes(), SHARE_KEY_BYTES);
  }

  /** Associated data of a share ciphertext: the round's settings, its sender and its recipient. */
  byte[] shareContext(SiteId sender, SiteId recipient) {
    return Transcript.of("share-context").add(salt).add(sender).add(recipient).bytes();
  }

  private byte[] derive(byte[] secret, byte[] info, int length) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(secret, salt, info));
    byte[] key = new byte[length];
    hkdf.generateBytes(key, 0, length);
    return key;
  }
}
