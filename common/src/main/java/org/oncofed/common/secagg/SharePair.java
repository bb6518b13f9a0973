package org.oncofed.common.secagg;

import java.math.BigInteger;
import java.nio.ByteBuffer;

/**
 * What one site holds of another's secrets: a share of its masking private key and a share of its
 * self-mask seed, at the holder's evaluation point. Encoded as the index (4 bytes) and the two
 * values (66 bytes each, big-endian), then encrypted for the holder.
 */
record SharePair(Share maskingKey, Share selfMaskSeed) {

  private static final int ENCODED_BYTES = Integer.BYTES + 2 * Shamir.VALUE_BYTES;

  SharePair {
    if (maskingKey.index() != selfMaskSeed.index()) {
      throw new IllegalArgumentException("the two shares of a pair must have one index, found "
          + maskingKey.index() + " and " + selfMaskSeed.index());
    }
  }

  int index() {
    return maskingKey.index();
  }

  byte[] encode() {
    return ByteBuffer.allocate(ENCODED_BYTES)
        .putInt(index())
        .put(Shamir.toBytes(maskingKey.value(), Shamir.VALUE_BYTES))
        .put(Shamir.toBytes(selfMaskSeed.value(), Shamir.VALUE_BYTES))
        .array();
  }

  /** Decodes a pair; only authenticated plaintexts reach here, so a wrong length is a sender's bug. */
  static SharePair decode(byte[] encoded) {
    if (encoded.length != ENCODED_BYTES) {
      throw new IllegalArgumentException("a share pair takes " + ENCODED_BYTES + " bytes, found " + encoded.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(encoded);
    int index = buffer.getInt();
    return new SharePair(new Share(index, next(buffer)), new Share(index, next(buffer)));
  }

  private static BigInteger next(ByteBuffer buffer) {
    byte[] value = new byte[Shamir.VALUE_BYTES];
    buffer.get(value);
    return new BigInteger(1, value);
  }
}
