package org.oncofed.common.secagg;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.oncofed.common.tls.TlsIdentity;

/** Signatures with a site's certificate key (ECDSA with SHA-256 for the project PKI's EC keys). */
final class SiteSignatures {

  private SiteSignatures() {}

  static byte[] sign(TlsIdentity identity, byte[] payload) {
    String algorithm = TlsIdentity.signatureAlgorithm(identity.privateKey());
    if (algorithm == null) {
      throw new IllegalArgumentException("cannot sign with a " + identity.privateKey().getAlgorithm() + " key");
    }
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(identity.privateKey());
      signer.update(payload);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the site's key: " + e.getMessage(), e);
    }
  }

  static boolean verifies(X509Certificate signer, byte[] payload, byte[] signature) {
    String algorithm = TlsIdentity.signatureAlgorithm(signer.getPublicKey());
    if (algorithm == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(signer.getPublicKey());
      verifier.update(payload);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      // A malformed DER signature is simply a signature that does not verify.
      return false;
    }
  }

  static List<byte[]> encode(List<X509Certificate> chain) {
    List<byte[]> encoded = new ArrayList<>(chain.size());
    for (X509Certificate certificate : chain) {
      try {
        encoded.add(certificate.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
      }
    }
    return encoded;
  }

  static X509Certificate[] decode(List<byte[]> chain) throws CertificateException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    X509Certificate[] certificates = new X509Certificate[chain.size()];
    for (int i = 0; i < certificates.length; i++) {
      certificates[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(chain.get(i)));
    }
    return certificates;
  }
}
