package org.oncofed.common.audit;

import java.util.HexFormat;
import org.oncofed.common.hash.Sha256;

/**
 * The hash chain linking audit events (and ledger entries):
 * {@code hash_n = SHA-256(bytes(hash_{n-1}) || UTF-8(canonical_n))}, where {@code bytes(h)} are
 * the 32 raw bytes of the previous hash and {@code hash_0} is {@link #GENESIS}. A hash therefore
 * commits to its record, its position and everything before it.
 */
public final class ChainHash {

  /** The hash before the first record: 32 zero bytes, in hex. */
  public static final String GENESIS = "0".repeat(64);

  private ChainHash() {}

  /** The hash of a record whose canonical encoding is {@code canonical}, following {@code previous}. */
  public static String next(String previous, String canonical) {
    Sha256.requireHexDigest(previous, "previous hash");
    return new Sha256().update(HexFormat.of().parseHex(previous)).update(canonical).hex();
  }
}
