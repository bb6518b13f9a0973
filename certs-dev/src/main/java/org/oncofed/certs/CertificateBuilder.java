package org.oncofed.certs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Builds the two certificate profiles of the PKI: a root CA, and an end entity (coordinator, node
 * or user). The extensions are the whole security policy; certs-dev/README.md explains each.
 */
final class CertificateBuilder {

  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateBuilder() {}

  /**
   * A self-signed root that may sign end-entity certificates and CRLs but no further CAs (path
   * length 0), so a stolen leaf key can never mint certificates.
   */
  static X509Certificate authority(X500Name subject, KeyPair keys, Validity validity) {
    X509v3CertificateBuilder builder = start(subject, subject, keys.getPublic(), validity);
    try {
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode CA extensions for " + subject, e);
    }
    return sign(builder, keys);
  }

  /**
   * An end-entity certificate for {@code request}, signed with {@code issuerKeys}. Passing the
   * subject's own name and keys as the issuer yields a self-signed leaf (negative tests only).
   */
  static X509Certificate leaf(LeafRequest request, X500Name issuer, KeyPair issuerKeys) {
    X500Name subject = DistinguishedNames.leaf(request.name(), request.role());
    X509v3CertificateBuilder builder =
        start(issuer, subject, request.publicKey(), request.validity());
    // The coordinator is the TLS server; everyone else authenticates as a TLS client.
    KeyPurposeId purpose =
        request.role() == Role.COORDINATOR
            ? KeyPurposeId.id_kp_serverAuth
            : KeyPurposeId.id_kp_clientAuth;
    JcaX509ExtensionUtils utils = extensionUtils();
    try {
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          // ECDHE handshakes and the coordinator's audit checkpoints only need signatures.
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              utils.createSubjectKeyIdentifier(request.publicKey()))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
      if (!request.subjectAltNames().isEmpty()) {
        GeneralNames names =
            new GeneralNames(request.subjectAltNames().toArray(GeneralName[]::new));
        builder.addExtension(Extension.subjectAlternativeName, false, names);
      }
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode extensions for " + subject, e);
    }
    return sign(builder, issuerKeys);
  }

  private static X509v3CertificateBuilder start(
      X500Name issuer, X500Name subject, PublicKey publicKey, Validity validity) {
    return new JcaX509v3CertificateBuilder(
        issuer,
        randomSerial(),
        Date.from(validity.notBefore()),
        Date.from(validity.notAfter()),
        subject,
        publicKey);
  }

  /** 128 random bits, positive and non-zero as RFC 5280 requires, so serials never collide. */
  private static BigInteger randomSerial() {
    BigInteger serial;
    do {
      serial = new BigInteger(128, RANDOM);
    } while (serial.signum() == 0);
    return serial;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(EcKeys.signer(issuerKeys.getPrivate())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot convert the signed certificate", e);
    }
  }

  /** Key identifiers are the SHA-1 of the public key (RFC 5280 method 1), so SKI and AKI match. */
  static JcaX509ExtensionUtils extensionUtils() {
    try {
      return new JcaX509ExtensionUtils();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-1 is not available for key identifiers", e);
    }
  }
}
