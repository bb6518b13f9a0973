package org.oncofed.certs;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;

/**
 * The CA's certificate revocation list: a v2 CRL listing every revoked serial of the index, with a
 * CRL number so that a reader can tell a newer list from an older one.
 */
final class RevocationList {

  /**
   * How long a CRL stays current. Peers that check revocation refuse every certificate once
   * nextUpdate has passed, so a PKI left untouched for this long needs {@code certs crl}.
   */
  static final Duration LIFETIME = Duration.ofDays(7);

  private RevocationList() {}

  /** Signs a CRL listing the revoked entries of {@code index}, current from {@code now}. */
  static X509CRL sign(
      CertificateAuthority ca, List<IssuedCertificate> index, BigInteger number, Instant now) {
    Validity current = new Validity(now, now.plus(LIFETIME));
    X509v2CRLBuilder builder =
        new JcaX509v2CRLBuilder(ca.certificate(), Date.from(current.notBefore()));
    builder.setNextUpdate(Date.from(current.notAfter()));
    for (IssuedCertificate entry : index) {
      if (entry.isRevoked()) {
        // Code 0 (unspecified) makes Bouncy Castle omit the reasonCode extension, as RFC 5280 asks.
        builder.addCRLEntry(entry.serial(), Date.from(entry.revokedAt()), entry.reason().code());
      }
    }
    try {
      builder
          .addExtension(Extension.cRLNumber, false, new CRLNumber(number))
          .addExtension(
              Extension.authorityKeyIdentifier,
              false,
              CertificateBuilder.extensionUtils()
                  .createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
      return new JcaX509CRLConverter().getCRL(builder.build(EcKeys.signer(ca.privateKey())));
    } catch (CertIOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build CRL number " + number, e);
    }
  }

  /** The CRL number of {@code crl}, read from {@code file} (named in errors). */
  static BigInteger number(X509CRL crl, Path file) {
    byte[] extension = crl.getExtensionValue(Extension.cRLNumber.getId());
    if (extension == null) {
      throw new PkiException("CRL " + file + " has no CRL number extension");
    }
    try {
      return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
          .getPositiveValue();
    } catch (IOException | IllegalArgumentException e) {
      throw new PkiException("CRL " + file + " has an unreadable CRL number", e);
    }
  }
}
