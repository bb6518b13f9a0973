package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** revoke marks the index and re-issues a CA-signed CRL listing every revoked serial. */
class RevocationTest {

  private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant REVOKED = Instant.parse("2030-02-01T12:00:00.750Z");

  @TempDir Path dir;
  private X509Certificate ca;

  @BeforeEach
  void createPki() {
    DevPki pki = DevPki.init(dir, List.of(), false, at(CREATED));
    pki.addSite("site-a");
    pki.addSite("site-b");
    pki.addUser("alice", Role.RESEARCHER);
    ca = Pem.readCertificate(pki.caCertificate());
  }

  @Test
  void initIssuesAnEmptyVersion2CrlNumberOne() throws Exception {
    X509CRL crl = crl();

    assertThat(crl.getVersion()).isEqualTo(2);
    assertThat(crl.getRevokedCertificates()).isNull();
    assertThat(RevocationList.number(crl, dir)).isEqualTo(BigInteger.ONE);
    assertThat(crl.getThisUpdate().toInstant()).isEqualTo(CREATED);
    crl.verify(ca.getPublicKey());
  }

  @Test
  void revokePutsTheSerialInACaSignedCrlWithTheNextNumber() throws Exception {
    DevPki pki = DevPki.open(dir, at(REVOKED));
    BigInteger serial = serialOf(pki, "site-a");

    pki.revoke("site-a", "key-compromise");

    X509CRL crl = crl();
    crl.verify(ca.getPublicKey());
    assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(RevocationList.number(crl, dir)).isEqualTo(BigInteger.TWO);
    assertThat(crl.getThisUpdate().toInstant()).isEqualTo(Instant.parse("2030-02-01T12:00:00Z"));
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2030-02-08T12:00:00Z"));
    assertThat(authorityKeyId(crl)).isEqualTo(subjectKeyId(ca));
    X509CRLEntry entry = crl.getRevokedCertificate(serial);
    assertThat(entry.getRevocationDate().toInstant())
        .isEqualTo(Instant.parse("2030-02-01T12:00:00Z"));
    assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
    assertThat(crl.getRevokedCertificates()).hasSize(1);
  }

  @Test
  void eachRevocationReissuesTheCrlWithEveryRevokedSerial() {
    DevPki pki = DevPki.open(dir, at(REVOKED));

    pki.revoke("site-a", "superseded");
    pki.revoke("alice", null);

    X509CRL crl = crl();
    assertThat(RevocationList.number(crl, dir)).isEqualTo(BigInteger.valueOf(3));
    assertThat(crl.getRevokedCertificates())
        .extracting(X509CRLEntry::getSerialNumber)
        .containsExactlyInAnyOrder(serialOf(pki, "site-a"), serialOf(pki, "alice"));
    assertThat(crl.getRevokedCertificate(serialOf(pki, "site-a")).getRevocationReason())
        .isEqualTo(CRLReason.SUPERSEDED);
    // RFC 5280: an unspecified reason is expressed by leaving the reasonCode out.
    assertThat(crl.getRevokedCertificate(serialOf(pki, "alice")).getRevocationReason()).isNull();
    assertThat(crl.isRevoked(Pem.readCertificate(dir.resolve("sites/site-b.pem")))).isFalse();
  }

  @Test
  void revokeRecordsStatusTimeAndReasonInTheIndex() {
    DevPki.open(dir, at(REVOKED)).revoke("site-b", "cessationOfOperation");

    IssuedCertificate entry =
        DevPki.open(dir).list().stream()
            .filter(e -> e.name().equals("site-b"))
            .findFirst()
            .orElseThrow();
    assertThat(entry.status()).isEqualTo(IssuedCertificate.Status.REVOKED);
    assertThat(entry.revokedAt()).isEqualTo(Instant.parse("2030-02-01T12:00:00Z"));
    assertThat(entry.reason()).isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
  }

  @Test
  void revokeRefusesUnknownAndAlreadyRevokedNames() {
    DevPki pki = DevPki.open(dir, at(REVOKED));
    pki.revoke("site-a", null);

    assertThatThrownBy(() -> pki.revoke("site-z", null))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("no certificate named 'site-z'")
        .hasMessageContaining("valid names: coordinator, site-b, alice");
    assertThatThrownBy(() -> pki.revoke("site-a", null))
        .isInstanceOf(PkiException.class)
        .hasMessageContaining("site-a is already revoked")
        .hasMessageContaining("2030-02-01T12:00:00Z");
    assertThat(RevocationList.number(crl(), dir)).isEqualTo(BigInteger.TWO);
  }

  @Test
  void revokeRejectsAnUnknownReasonWithoutChangingAnything() {
    DevPki pki = DevPki.open(dir, at(REVOKED));

    assertThatThrownBy(() -> pki.revoke("site-a", "lost-laptop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown revocation reason 'lost-laptop'")
        .hasMessageContaining("key-compromise");
    assertThat(pki.list()).noneMatch(IssuedCertificate::isRevoked);
    assertThat(RevocationList.number(crl(), dir)).isEqualTo(BigInteger.ONE);
  }

  @Test
  void reissueCrlKeepsTheEntriesAndMovesNextUpdateOn() {
    DevPki.open(dir, at(REVOKED)).revoke("site-a", "key-compromise");
    Instant later = REVOKED.plus(Duration.ofDays(6));

    DevPki.open(dir, at(later)).reissueCrl();

    X509CRL crl = crl();
    assertThat(RevocationList.number(crl, dir)).isEqualTo(BigInteger.valueOf(3));
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(Instant.parse("2030-02-14T12:00:00Z"));
    assertThat(
            crl.getRevokedCertificate(serialOf(DevPki.open(dir), "site-a")).getRevocationReason())
        .isEqualTo(CRLReason.KEY_COMPROMISE);
  }

  private X509CRL crl() {
    return Pem.readCrl(dir.resolve("crl.pem"));
  }

  private static BigInteger serialOf(DevPki pki, String name) {
    return pki.list().stream()
        .filter(entry -> entry.name().equals(name))
        .reduce((first, second) -> second)
        .orElseThrow()
        .serial();
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static byte[] authorityKeyId(X509CRL crl) throws Exception {
    return AuthorityKeyIdentifier.getInstance(
            JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.authorityKeyIdentifier.getId())))
        .getKeyIdentifierObject()
        .getOctets();
  }

  private static byte[] subjectKeyId(X509Certificate certificate) throws Exception {
    return SubjectKeyIdentifier.getInstance(
            JcaX509ExtensionUtils.parseExtensionValue(
                certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())))
        .getKeyIdentifier();
  }
}
