package org.oncofed.common.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a peer's certificate chain is acceptable: it must chain to the project CA (the
 * only trust anchor; the system trust store plays no part), be valid now, carry the extended key
 * usage for its side of the handshake, and not be on the current revocation list.
 */
public final class PeerCertificateVerifier {

  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private final X509Certificate ca;
  private final RevocationList revocations;
  private final Clock clock;

  public PeerCertificateVerifier(X509Certificate ca, RevocationList revocations, Clock clock) {
    this.ca = Objects.requireNonNull(ca, "ca");
    this.revocations = Objects.requireNonNull(revocations, "revocations");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Verifies a client's chain and returns its identity. */
  public PeerIdentity verifyClient(X509Certificate[] chain) throws CertificateException {
    X509Certificate leaf = verify(chain, CLIENT_AUTH, "clientAuth");
    return PeerIdentity.of(leaf);
  }

  /** Verifies a server's chain (host name checks are the TLS engine's job). */
  public void verifyServer(X509Certificate[] chain) throws CertificateException {
    verify(chain, SERVER_AUTH, "serverAuth");
  }

  /**
   * Checks only that the chain leads to the project CA and is valid at this verifier's time, for
   * signatures (audit checkpoints) rather than handshakes.
   */
  public void verifyIssuedByCa(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no certificate presented");
    }
    validatePath(chain);
  }

  /**
   * Why every certificate must be refused now: the revocation list is past its nextUpdate and the
   * policy is to fail closed. Empty when certificates may be accepted.
   */
  public Optional<String> staleRefusal() {
    return revocations.staleRefusal(clock.instant());
  }

  /** True if the certificate is on the current revocation list; for checks after the handshake. */
  public boolean isRevoked(X509Certificate certificate) {
    return revocations.isRevoked(certificate);
  }

  public X509Certificate ca() {
    return ca;
  }

  private X509Certificate verify(X509Certificate[] chain, String usageOid, String usageName)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no certificate presented");
    }
    X509Certificate leaf = chain[0];
    validatePath(chain);
    List<String> usages = leaf.getExtendedKeyUsage();
    if (usages == null || !usages.contains(usageOid)) {
      throw new CertificateException("certificate lacks the " + usageName + " extended key usage");
    }
    if (revocations.isRevoked(leaf)) {
      throw new CertificateException("certificate revoked (serial " + leaf.getSerialNumber().toString(16) + ")");
    }
    return leaf;
  }

  private void validatePath(X509Certificate[] chain) throws CertificateException {
    List<X509Certificate> path = new ArrayList<>();
    for (X509Certificate certificate : chain) {
      if (!certificate.equals(ca)) {
        path.add(certificate);
      }
    }
    try {
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
      // Revocation is checked against our own CRL below, never fetched from the network.
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(clock.instant()));
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    } catch (CertPathValidatorException e) {
      throw new CertificateException(describe(e), e);
    } catch (GeneralSecurityException e) {
      throw new CertificateException("certificate chain cannot be validated: " + e.getMessage(), e);
    }
  }

  private static String describe(CertPathValidatorException e) {
    if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
      return "certificate expired";
    }
    if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
      return "certificate not yet valid";
    }
    if (e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE
        || e.getReason() == CertPathValidatorException.BasicReason.UNSPECIFIED
        || e.getReason() == java.security.cert.PKIXReason.NO_TRUST_ANCHOR) {
      return "certificate not issued by the project CA";
    }
    return "certificate chain rejected: " + e.getMessage();
  }
}
