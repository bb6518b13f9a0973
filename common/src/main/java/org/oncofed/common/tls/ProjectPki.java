package org.oncofed.common.tls;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything one party needs to take part in the project's TLS: its own identity, the project CA,
 * and the revocation list, loaded and cross-checked at startup.
 */
public final class ProjectPki {

  private final TlsIdentity identity;
  private final X509Certificate ca;
  private final RevocationList revocations;
  private final PeerCertificateVerifier verifier;

  private ProjectPki(TlsIdentity identity, X509Certificate ca, RevocationList revocations, Clock clock) {
    this.identity = identity;
    this.ca = ca;
    this.revocations = revocations;
    this.verifier = new PeerCertificateVerifier(ca, revocations, clock);
  }

  /**
   * Loads the files and checks that the own certificate was issued by the CA; every failure names
   * the file and the problem. {@code crl} may be null where no revocation list is distributed. A
   * stale list fails closed.
   */
  public static ProjectPki load(Path certificate, Path privateKey, Path caCertificate, Path crl, Clock clock) {
    return load(certificate, privateKey, caCertificate, crl, StaleListPolicy.REFUSE, clock);
  }

  /** As {@link #load(Path, Path, Path, Path, Clock)}, with what to do while the list is stale. */
  public static ProjectPki load(
      Path certificate, Path privateKey, Path caCertificate, Path crl, StaleListPolicy whenStale, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    X509Certificate ca = PemFiles.readCertificate(Objects.requireNonNull(caCertificate, "caCertificate"));
    TlsIdentity identity = TlsIdentity.load(
        Objects.requireNonNull(certificate, "certificate"), Objects.requireNonNull(privateKey, "privateKey"), clock);
    try {
      identity.certificate().verify(ca.getPublicKey());
    } catch (java.security.GeneralSecurityException e) {
      throw new KeyMaterialException(certificate, "certificate was not issued by the CA in " + caCertificate);
    }
    RevocationList revocations = crl == null ? RevocationList.none(ca) : RevocationList.load(crl, ca, whenStale);
    if (revocations.isRevoked(identity.certificate())) {
      throw new KeyMaterialException(certificate, "certificate is revoked by " + crl);
    }
    return new ProjectPki(identity, ca, revocations, clock);
  }

  public TlsIdentity identity() {
    return identity;
  }

  public X509Certificate ca() {
    return ca;
  }

  public RevocationList revocations() {
    return revocations;
  }

  public PeerCertificateVerifier verifier() {
    return verifier;
  }

  /** For the federation channel: refuses every peer while a stale list says to fail closed. */
  public ProjectTrustManager trustManager(RefusalListener refusals) {
    return new ProjectTrustManager(verifier, refusals);
  }

  /**
   * For an endpoint people use to manage the federation (the REST API), which must stay reachable
   * while a stale list keeps nodes out; certificates the list revokes are still refused.
   */
  public ProjectTrustManager trustManagerIgnoringStaleness(RefusalListener refusals) {
    return new ProjectTrustManager(verifier, refusals, false);
  }
}
