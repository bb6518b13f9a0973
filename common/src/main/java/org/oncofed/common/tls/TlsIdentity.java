package org.oncofed.common.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * A certificate chain and its private key: what a coordinator or node presents in a TLS handshake
 * and signs with. Loading checks that the key belongs to the certificate and that the certificate is
 * valid now, so a misconfigured site fails at startup instead of at its first handshake.
 */
public record TlsIdentity(List<X509Certificate> chain, PrivateKey privateKey) {

  public TlsIdentity {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(privateKey, "privateKey");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("chain must hold at least the leaf certificate");
    }
    chain = List.copyOf(chain);
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** Loads a PEM certificate (chain) and PKCS#8 key, checking they match and are valid now. */
  public static TlsIdentity load(Path certificateFile, Path privateKeyFile, Clock clock) {
    List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
    PrivateKey key = PemFiles.readPrivateKey(privateKeyFile);
    X509Certificate leaf = chain.get(0);
    try {
      leaf.checkValidity(Date.from(clock.instant()));
    } catch (CertificateExpiredException e) {
      throw new KeyMaterialException(certificateFile, "certificate expired on " + leaf.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      throw new KeyMaterialException(
          certificateFile, "certificate is not valid before " + leaf.getNotBefore().toInstant());
    }
    if (!keyMatches(key, leaf)) {
      throw new KeyMaterialException(
          privateKeyFile, "private key does not match the certificate in " + certificateFile);
    }
    return new TlsIdentity(chain, key);
  }

  /** Signs with {@code key} and verifies with the certificate's public key. */
  private static boolean keyMatches(PrivateKey key, X509Certificate certificate) {
    String algorithm = signatureAlgorithm(key);
    if (algorithm == null || !key.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The signature algorithm OncoFed uses with a (private or public) key of this type, or null if unsupported. */
  public static String signatureAlgorithm(java.security.Key key) {
    return switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
  }
}
