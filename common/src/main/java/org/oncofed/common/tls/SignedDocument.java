package org.oncofed.common.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A text signed with a key of the project PKI: the payload, the signature over its UTF-8 bytes
 * (ECDSA or RSA with SHA-256, DER-encoded) and the signer's certificate chain in PEM. Nothing in it
 * is trusted until {@link #verify} has checked it against the project CA.
 */
public record SignedDocument(String payload, byte[] signature, String certificatePem) {

  private static final Base64.Encoder PEM_BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});

  public SignedDocument {
    Objects.requireNonNull(payload, "payload");
    signature = Objects.requireNonNull(signature, "signature").clone();
    Objects.requireNonNull(certificatePem, "certificatePem");
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Signs {@code payload} with the identity's private key, attaching its certificate chain. */
  public static SignedDocument sign(String payload, TlsIdentity identity) {
    String algorithm = TlsIdentity.signatureAlgorithm(identity.privateKey());
    if (algorithm == null) {
      throw new IllegalArgumentException("cannot sign with a " + identity.privateKey().getAlgorithm() + " key");
    }
    try {
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(identity.privateKey());
      signer.update(payload.getBytes(StandardCharsets.UTF_8));
      return new SignedDocument(payload, signer.sign(), pem(identity.chain()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign: " + e.getMessage(), e);
    }
  }

  /** The signer's certificate chain, leaf first; fails if the PEM holds no certificate. */
  public List<X509Certificate> certificates() {
    try {
      List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)))
          .stream()
          .map(X509Certificate.class::cast)
          .toList();
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("signer certificate PEM holds no certificate");
      }
      return chain;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("signer certificate is not a PEM X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** Whether the signature verifies with {@code key}; a malformed signature simply does not. */
  public boolean verifiesWith(PublicKey key) {
    String algorithm = TlsIdentity.signatureAlgorithm(key);
    if (algorithm == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(payload.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * Checks that the signer's certificate was issued by {@code ca}, was valid at {@code at}, holds
   * {@code role}, and that its key verifies the signature.
   *
   * @return the signer's identity
   * @throws CertificateException saying which check failed
   */
  public PeerIdentity verify(X509Certificate ca, Instant at, Role role) throws CertificateException {
    List<X509Certificate> chain;
    try {
      chain = certificates();
    } catch (IllegalArgumentException e) {
      throw new CertificateException(e.getMessage(), e);
    }
    X509Certificate signer = chain.get(0);
    new PeerCertificateVerifier(ca, RevocationList.none(ca), Clock.fixed(at, ZoneOffset.UTC))
        .verifyIssuedByCa(chain.toArray(X509Certificate[]::new));
    PeerIdentity identity = PeerIdentity.of(signer);
    if (identity.role() != role) {
      throw new CertificateException("signer '" + identity.name() + "' holds a " + identity.role().ou()
          + " certificate, not a " + role.ou() + " one");
    }
    if (!verifiesWith(signer.getPublicKey())) {
      throw new CertificateException("the signature does not verify with the key of '" + identity.name() + "'");
    }
    return identity;
  }

  /** A certificate chain as PEM text. */
  public static String pem(List<X509Certificate> chain) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : chain) {
      try {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(PEM_BASE64.encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
      }
    }
    return pem.toString();
  }
}
