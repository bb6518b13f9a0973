package org.oncofed.common.secagg;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the shares one site sends another through the aggregator: the aggregator relays
 * the ciphertext and can neither read nor alter it, nor move it to another round or recipient (the
 * round, sender and recipient are associated data). A ciphertext is the random nonce followed by
 * the encrypted bytes and the tag.
 */
final class ShareCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private ShareCipher() {}

  static byte[] encrypt(byte[] key, byte[] context, byte[] plaintext, SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = gcm(Cipher.ENCRYPT_MODE, key, nonce, context);
      byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plaintext.length));
      cipher.doFinal(plaintext, 0, plaintext.length, sealed, NONCE_BYTES);
      return sealed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
    }
  }

  /** The plaintext, or an {@link AEADBadTagException} if the ciphertext, key or context is not the sender's. */
  static byte[] decrypt(byte[] key, byte[] context, byte[] sealed) throws AEADBadTagException {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new AEADBadTagException("ciphertext of " + sealed.length + " bytes is shorter than a nonce and a tag");
    }
    try {
      Cipher cipher = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, NONCE_BYTES), context);
      return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed: " + e.getMessage(), e);
    }
  }

  private static Cipher gcm(int mode, byte[] key, byte[] nonce, byte[] context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context);
    return cipher;
  }
}
