package org.oncofed.common.secagg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.oncofed.common.SiteId;

class MaskExpanderTest {

  /** Two chunks of the key stream buffer and a few words more, to cross every boundary. */
  private static final int LENGTH = 2 * 2048 + 3;

  @Test
  void theMaskIsTheAesCtrKeyStreamReadAsLittleEndianWords() throws Exception {
    byte[] key = key();
    Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
    ByteBuffer stream = ByteBuffer.wrap(cipher.doFinal(new byte[LENGTH * Long.BYTES])).order(ByteOrder.LITTLE_ENDIAN);
    long[] start = new long[LENGTH];
    Arrays.fill(start, 5);

    long[] masked = start.clone();
    MaskExpander.add(key, masked);

    for (int i = 0; i < LENGTH; i++) {
      assertThat(masked[i]).as("word %d", i).isEqualTo(5 + stream.getLong(i * Long.BYTES));
    }
  }

  @Test
  void subtractingTheMaskRestoresTheVector() {
    byte[] key = key();
    long[] vector = new long[LENGTH];
    Arrays.fill(vector, Long.MAX_VALUE);

    MaskExpander.add(key, vector);
    MaskExpander.subtract(key, vector);

    assertThat(vector).containsOnly(Long.MAX_VALUE);
  }

  @Test
  void theTwoSidesOfAPairwiseMaskCancel() {
    byte[] key = key();
    SiteId a = SiteId.of("site-a");
    SiteId b = SiteId.of("site-b");
    long[] fromA = new long[LENGTH];
    long[] fromB = new long[LENGTH];

    MaskExpander.addPairwise(key, fromA, a, b);
    MaskExpander.addPairwise(key, fromB, b, a);

    assertThat(fromA).isNotEqualTo(new long[LENGTH]);
    for (int i = 0; i < LENGTH; i++) {
      assertThat(fromA[i] + fromB[i]).isZero();
    }
  }

  private static byte[] key() {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
