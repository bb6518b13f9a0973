package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Good certificates validate with the JDK's PKIX validator (the CA as only anchor, its CRL checked)
 * and each bad one fails for its own reason.
 */
class PkixValidationTest {

  @TempDir Path dir;
  private DevPki pki;
  private BadCredentials bad;

  @BeforeEach
  void createPki() {
    pki = DevPki.init(dir, List.of(), false);
    bad = pki.writeBadCredentials();
  }

  @Test
  void coordinatorSiteAndUserCertificatesChainToTheCa() {
    List<Credential> good =
        List.of(pki.coordinator(), pki.addSite("site-a"), pki.addUser("alice", Role.RESEARCHER));

    for (Credential credential : good) {
      assertThatCode(() -> validate(credential.x509())).doesNotThrowAnyException();
    }
  }

  @Test
  void selfSignedNodeCertificateHasNoTrustAnchor() {
    assertThat(failure(bad.selfSigned().x509()).getReason()).isEqualTo(PKIXReason.NO_TRUST_ANCHOR);
  }

  @Test
  void nodeCertificateFromAnotherCaHasNoTrustAnchorEvenWithThatCaInThePath() throws Exception {
    X509Certificate otherCa = Pem.readCertificate(bad.otherCaCertificate());
    X509Certificate leaf = bad.otherCa().x509();

    assertThat(failure(leaf).getReason()).isEqualTo(PKIXReason.NO_TRUST_ANCHOR);
    CertPathValidatorException withIssuer =
        catchThrowableOfType(
            CertPathValidatorException.class,
            () -> Pkix.validate(List.of(leaf, otherCa), pki.caCertificate(), pki.crl()));
    assertThat(withIssuer.getReason()).isEqualTo(PKIXReason.NO_TRUST_ANCHOR);
    // Only the issuer is wrong: trusting the other CA instead makes it valid.
    assertThatCode(() -> Pkix.validate(List.of(leaf), otherCa, null, Instant.now()))
        .doesNotThrowAnyException();
  }

  @Test
  void expiredNodeCertificateFromTheRealCaFailsAsExpired() {
    X509Certificate expired = bad.expired().x509();

    assertThat(failure(expired).getReason()).isEqualTo(BasicReason.EXPIRED);
    // Only the dates are wrong: within its validity it chains to the real CA.
    assertThatCode(
            () ->
                Pkix.validate(
                    List.of(expired),
                    Pem.readCertificate(pki.caCertificate()),
                    null,
                    expired.getNotAfter().toInstant().minus(Duration.ofDays(1))))
        .doesNotThrowAnyException();
  }

  @Test
  void revokedSiteCertificateFailsAsRevoked() {
    Credential site = pki.addSite("site-a");
    pki.revoke("site-a", "key-compromise");

    assertThat(failure(site.x509()).getReason()).isEqualTo(BasicReason.REVOKED);
  }

  @Test
  void wrongSanCoordinatorValidatesButFailsHostNameVerification() throws Exception {
    Credential wrongSan = bad.wrongSan();
    Credential site = pki.addSite("site-a");
    assertThatCode(() -> validate(wrongSan.x509())).doesNotThrowAnyException();

    for (String host : List.of("localhost", "127.0.0.1")) {
      SSLHandshakeException refused =
          catchThrowableOfType(
              SSLHandshakeException.class,
              () -> TlsHandshake.run(wrongSan, site, pki.caCertificate(), host));
      assertThat(refused).as(host).isNotNull();
      assertThat(rootMessage(refused)).as(host).contains("No subject alternative");
    }
  }

  @Test
  void mutualTlsSucceedsForEveryLoopbackNameAndIdentifiesTheSite() throws Exception {
    Credential site = pki.addSite("site-a");

    for (String host : List.of("localhost", "127.0.0.1", "::1")) {
      assertThat(TlsHandshake.run(pki.coordinator(), site, pki.caCertificate(), host).getName())
          .as(host)
          .isEqualTo("CN=site-a,OU=node,O=OncoFed");
    }
  }

  @Test
  void serverRefusesClientsWhoseCertificateDoesNotChainToTheCa() {
    for (Credential client : List.of(bad.selfSigned(), bad.otherCa(), bad.expired())) {
      assertThat(
              catchThrowableOfType(
                  SSLHandshakeException.class,
                  () ->
                      TlsHandshake.run(
                          pki.coordinator(), client, pki.caCertificate(), "localhost")))
          .as(client.certificate().toString())
          .isNotNull();
    }
  }

  private void validate(X509Certificate leaf) throws Exception {
    Pkix.validate(List.of(leaf), pki.caCertificate(), pki.crl());
  }

  private CertPathValidatorException failure(X509Certificate leaf) {
    CertPathValidatorException failure =
        catchThrowableOfType(CertPathValidatorException.class, () -> validate(leaf));
    assertThat(failure).as(leaf.getSubjectX500Principal().getName()).isNotNull();
    return failure;
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
