package org.oncofed.certs;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The JDK's PKIX validator configured the way the coordinator and nodes must be: the given CA is
 * the only trust anchor and revocation is decided by the CA's CRL alone (no OCSP, no fallback).
 */
final class Pkix {

  private Pkix() {}

  /** Validates {@code chain} (leaf first) now, against {@code ca}, checking {@code crl}. */
  static void validate(List<X509Certificate> chain, Path ca, Path crl)
      throws GeneralSecurityException {
    validate(chain, Pem.readCertificate(ca), Pem.readCrl(crl), Instant.now());
  }

  static void validate(List<X509Certificate> chain, X509Certificate ca, X509CRL crl, Instant at)
      throws GeneralSecurityException {
    CertPathValidator validator = CertPathValidator.getInstance("PKIX");
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    parameters.setDate(Date.from(at));
    if (crl == null) {
      parameters.setRevocationEnabled(false);
    } else {
      PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
      revocation.setOptions(
          EnumSet.of(
              PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
      parameters.addCertPathChecker(revocation);
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
    }
    validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(chain), parameters);
  }
}
