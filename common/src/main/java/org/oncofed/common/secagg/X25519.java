package org.oncofed.common.secagg;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/** X25519 key agreement (RFC 7748) as the JDK provides it, with the conversions the protocol needs. */
final class X25519 {

  static final String ALGORITHM = "X25519";
  /** Bytes of a private scalar and of an agreed secret. */
  static final int KEY_BYTES = 32;
  private static final BigInteger BASE_POINT_U = BigInteger.valueOf(9);

  private X25519() {}

  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(NamedParameterSpec.X25519, random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      // Every JDK since 11 provides X25519.
      throw new IllegalStateException("X25519 key generation is not available", e);
    }
  }

  /** The public key as an X.509 SubjectPublicKeyInfo, the form that is advertised and signed. */
  static byte[] encode(PublicKey key) {
    return key.getEncoded();
  }

  /** A public key from its X.509 encoding; fails if it is not an X25519 key. */
  static PublicKey decode(byte[] encoded) throws InvalidKeySpecException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("X25519 is not available", e);
    } catch (RuntimeException e) {
      throw new InvalidKeySpecException("not an X25519 public key: " + e.getMessage(), e);
    }
  }

  /** The shared secret of a private and a public key; the JDK refuses points of small order. */
  static byte[] agree(PrivateKey own, PublicKey other) {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance(ALGORITHM);
      agreement.init(own);
      agreement.doPhase(other, true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException | IllegalStateException e) {
      throw new SecaggException("X25519 key agreement failed: " + e.getMessage(), e);
    }
  }

  /** The private key's 32-byte scalar, the secret that is Shamir-shared. */
  static byte[] scalar(PrivateKey key) {
    return ((XECPrivateKey) key).getScalar()
        .orElseThrow(() -> new IllegalStateException("the X25519 provider does not expose the private scalar"));
  }

  /** A private key from its scalar, as reconstructed from shares. */
  static PrivateKey privateKey(byte[] scalar) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot rebuild an X25519 private key: " + e.getMessage(), e);
    }
  }

  /** True if {@code publicKey} is the public key of {@code privateKey}: the scalar times the base point. */
  static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
    try {
      PublicKey basePoint = KeyFactory.getInstance(ALGORITHM)
          .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BASE_POINT_U));
      byte[] littleEndian = agree(privateKey, basePoint);
      byte[] bigEndian = new byte[littleEndian.length];
      for (int i = 0; i < littleEndian.length; i++) {
        bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
      }
      return new BigInteger(1, bigEndian).equals(((XECPublicKey) publicKey).getU());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive an X25519 public key: " + e.getMessage(), e);
    }
  }
}
