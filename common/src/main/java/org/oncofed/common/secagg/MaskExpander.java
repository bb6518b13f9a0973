package org.oncofed.common.secagg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.oncofed.common.SiteId;

/**
 * The mask generator: AES-128 in counter mode expands a key into a pseudorandom vector of 64-bit
 * words (little-endian), which is added to or subtracted from a vector of Z<sub>2^64</sub> in place.
 * The counter starts at zero, which is safe because every key is derived for exactly one mask.
 *
 * <p>The key stream is produced a chunk at a time into one reused buffer and folded straight into
 * the target, so expanding a mask allocates nothing per element and needs no second vector.
 */
final class MaskExpander {

  private static final int CHUNK_BYTES = 16 * 1024;
  private static final int CHUNK_WORDS = CHUNK_BYTES / Long.BYTES;
  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private MaskExpander() {}

  static void add(byte[] key, long[] target) {
    expand(key, target, 1);
  }

  static void subtract(byte[] key, long[] target) {
    expand(key, target, -1);
  }

  /**
   * Applies {@code self}'s side of the mask it shares with {@code other}: the site that sorts first
   * adds the mask, the other subtracts it, so the pair cancels in the sum.
   */
  static void addPairwise(byte[] key, long[] target, SiteId self, SiteId other) {
    expand(key, target, self.compareTo(other) < 0 ? 1 : -1);
  }

  private static void expand(byte[] key, long[] target, long sign) {
    Cipher cipher = counterMode(key);
    byte[] zeros = new byte[CHUNK_BYTES];
    byte[] stream = new byte[CHUNK_BYTES];
    for (int start = 0; start < target.length; start += CHUNK_WORDS) {
      int words = Math.min(CHUNK_WORDS, target.length - start);
      try {
        int produced = cipher.update(zeros, 0, words * Long.BYTES, stream, 0);
        if (produced != words * Long.BYTES) {
          throw new IllegalStateException("AES-CTR produced " + produced + " bytes of key stream, expected "
              + words * Long.BYTES);
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES-CTR key stream failed: " + e.getMessage(), e);
      }
      for (int i = 0; i < words; i++) {
        target[start + i] += sign * (long) WORDS.get(stream, i * Long.BYTES);
      }
    }
  }

  private static Cipher counterMode(byte[] key) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
      return cipher;
    } catch (GeneralSecurityException e) {
      // Every Java platform provides AES in counter mode.
      throw new IllegalStateException("AES-CTR is not available: " + e.getMessage(), e);
    }
  }
}
