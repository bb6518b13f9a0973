package org.oncofed.certs;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** EC P-256 keys and SHA256withECDSA signing, the only algorithms this PKI uses. */
final class EcKeys {

  static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final SecureRandom RANDOM = new SecureRandom();

  private EcKeys() {}

  static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      // Every JDK since 8 ships P-256 in SunEC.
      throw new IllegalStateException("EC P-256 key generation is not available", e);
    }
  }

  static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).setSecureRandom(RANDOM).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(
          "cannot sign with " + SIGNATURE_ALGORITHM + " using a " + key.getAlgorithm() + " key", e);
    }
  }
}
