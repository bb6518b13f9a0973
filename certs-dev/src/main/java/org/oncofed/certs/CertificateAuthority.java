package org.oncofed.certs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;

/** A CA certificate with its private key: issues end-entity certificates and signs CRLs. */
final class CertificateAuthority {

  private final X509Certificate certificate;
  private final KeyPair keys;

  private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    this.keys = new KeyPair(certificate.getPublicKey(), privateKey);
  }

  /** A new root with a fresh key, valid for ten years from {@code now}. */
  static CertificateAuthority create(X500Name subject, Instant now) {
    Objects.requireNonNull(subject, "subject");
    KeyPair keys = EcKeys.generate();
    X509Certificate certificate =
        CertificateBuilder.authority(subject, keys, Validity.authority(now));
    return new CertificateAuthority(certificate, keys.getPrivate());
  }

  /**
   * Loads a CA from disk and checks that the key belongs to the certificate, so a half-replaced CA
   * is reported here rather than as a signature failure in some peer later.
   */
  static CertificateAuthority load(Path certificateFile, Path keyFile) {
    X509Certificate certificate = Pem.readCertificate(certificateFile);
    PrivateKey key = Pem.readPrivateKey(keyFile);
    if (!belongTogether(certificate, key)) {
      throw new PkiException(
          "private key " + keyFile + " does not belong to CA certificate " + certificateFile);
    }
    return new CertificateAuthority(certificate, key);
  }

  X509Certificate certificate() {
    return certificate;
  }

  PrivateKey privateKey() {
    return keys.getPrivate();
  }

  X500Name subject() {
    return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
  }

  X509Certificate issue(LeafRequest request) {
    return CertificateBuilder.leaf(request, subject(), keys);
  }

  private static boolean belongTogether(X509Certificate certificate, PrivateKey key) {
    byte[] probe = "does this key match the certificate?".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature signer = Signature.getInstance(EcKeys.SIGNATURE_ALGORITHM);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(EcKeys.SIGNATURE_ALGORITHM);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
