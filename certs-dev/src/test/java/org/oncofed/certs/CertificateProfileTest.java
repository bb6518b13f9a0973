package org.oncofed.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each certificate of the PKI says: the profiles the README documents. */
class CertificateProfileTest {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;
  // KeyUsage bits as java.security.cert.X509Certificate#getKeyUsage indexes them.
  private static final int DIGITAL_SIGNATURE = 0;
  private static final int KEY_CERT_SIGN = 5;
  private static final int CRL_SIGN = 6;

  private static final Instant NOW = Instant.parse("2030-03-04T05:06:07.890Z");

  @TempDir Path dir;
  private DevPki pki;
  private X509Certificate ca;

  @BeforeEach
  void createPki() {
    pki =
        DevPki.init(
            dir,
            List.of("coordinator.example", "10.0.0.5", "fd00::5"),
            false,
            Clock.fixed(NOW, ZoneOffset.UTC));
    ca = Pem.readCertificate(pki.caCertificate());
  }

  @Test
  void caIsASelfSignedRootThatSignsOnlyLeavesAndCrls() throws Exception {
    assertThat(ca.getSubjectX500Principal().getName())
        .isEqualTo("CN=OncoFed Development CA,O=OncoFed");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    ca.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).isZero();
    assertThat(ca.getCriticalExtensionOIDs())
        .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    assertThat(setBits(ca.getKeyUsage())).containsExactlyInAnyOrder(KEY_CERT_SIGN, CRL_SIGN);
    assertThat(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
    assertThat(ca.getNotAfter().toInstant()).isEqualTo(Instant.parse("2040-03-04T05:06:07Z"));
  }

  @Test
  void everyKeyIsEcP256SignedWithSha256WithEcdsa() {
    Credential site = pki.addSite("site-a");
    for (X509Certificate certificate : List.of(ca, pki.coordinator().x509(), site.x509())) {
      assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
      assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
      assertThat(certificate.getPublicKey().toString()).contains("secp256r1");
    }
  }

  @Test
  void coordinatorIsAServerCertificateForLoopbackAndTheExtraSans() throws Exception {
    X509Certificate coordinator = pki.coordinator().x509();

    assertThat(coordinator.getSubjectX500Principal().getName())
        .isEqualTo("CN=coordinator,OU=coordinator,O=OncoFed");
    assertThat(coordinator.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(setBits(coordinator.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
    assertThat(sans(coordinator, SAN_DNS)).containsExactly("localhost", "coordinator.example");
    assertThat(sans(coordinator, SAN_IP).stream().map(CertificateProfileTest::address))
        .containsExactly(
            address("127.0.0.1"), address("::1"), address("10.0.0.5"), address("fd00::5"));
  }

  @Test
  void siteIsAClientCertificateWithRoleNodeInItsOu() throws Exception {
    X509Certificate site = pki.addSite("site-a").x509();

    assertThat(site.getSubjectX500Principal().getName()).isEqualTo("CN=site-a,OU=node,O=OncoFed");
    assertThat(site.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(site.getSubjectAlternativeNames()).isNull();
  }

  @Test
  void userCertificatesCarryTheirRoleInTheOu() throws Exception {
    for (Role role : List.of(Role.RESEARCHER, Role.AUDITOR, Role.ADMIN)) {
      Credential user = pki.addUser("user-" + role.ou(), role);

      assertThat(user.certificate()).isEqualTo(dir.resolve("users/user-" + role.ou() + ".pem"));
      assertThat(user.x509().getSubjectX500Principal().getName())
          .isEqualTo("CN=user-" + role.ou() + ",OU=" + role.ou() + ",O=OncoFed");
      assertThat(user.x509().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    }
  }

  @Test
  void leavesAreEndEntitiesSignedByTheCaWithMatchingKeyIdentifiers() throws Exception {
    byte[] caKeyId = subjectKeyId(ca);
    for (X509Certificate leaf : List.of(pki.coordinator().x509(), pki.addSite("site-a").x509())) {
      leaf.verify(ca.getPublicKey());
      assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
      assertThat(leaf.getCriticalExtensionOIDs())
          .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
      assertThat(setBits(leaf.getKeyUsage())).containsExactly(DIGITAL_SIGNATURE);
      assertThat(subjectKeyId(leaf)).isNotEmpty().isNotEqualTo(caKeyId);
      AuthorityKeyIdentifier aki =
          AuthorityKeyIdentifier.getInstance(
              JcaX509ExtensionUtils.parseExtensionValue(
                  leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId())));
      assertThat(aki.getKeyIdentifierObject().getOctets()).isEqualTo(caKeyId);
    }
  }

  @Test
  void leavesAreValidForOneYearStartingFiveMinutesBeforeIssue() {
    X509Certificate site = pki.addSite("site-a").x509();

    assertThat(site.getNotBefore().toInstant()).isEqualTo(Instant.parse("2030-03-04T05:01:07Z"));
    assertThat(site.getNotAfter().toInstant()).isEqualTo(Instant.parse("2031-03-04T05:06:07Z"));
  }

  @Test
  void serialsArePositiveRandomAndAtMost128Bits() {
    List<BigInteger> serials = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      serials.add(pki.addSite("site-" + i).x509().getSerialNumber());
    }
    assertThat(serials)
        .doesNotHaveDuplicates()
        .allSatisfy(
            serial -> {
              assertThat(serial.signum()).isPositive();
              assertThat(serial.bitLength()).isLessThanOrEqualTo(128);
            });
    // 20 random 128-bit values all below 2^120 would happen with probability 2^-160.
    assertThat(serials).anySatisfy(serial -> assertThat(serial.bitLength()).isGreaterThan(120));
  }

  @Test
  void privateKeysArePkcs8PemReadableByTheJdkAndMatchTheirCertificate() throws Exception {
    Credential site = pki.addSite("site-a");

    String pem = Files.readString(site.privateKey(), StandardCharsets.US_ASCII);
    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(Pem.readPrivateKey(site.privateKey()));
    signature.update(new byte[] {1, 2, 3});
    byte[] signed = signature.sign();
    signature.initVerify(site.x509().getPublicKey());
    signature.update(new byte[] {1, 2, 3});
    assertThat(signature.verify(signed)).isTrue();
  }

  @Test
  void filesFollowTheDocumentedLayout() {
    Credential site = pki.addSite("site-a");
    Credential user = pki.addUser("alice", Role.AUDITOR);
    Credential coordinator = pki.coordinator();

    assertThat(pki.caCertificate()).isEqualTo(dir.resolve("ca.pem"));
    assertThat(pki.crl()).isEqualTo(dir.resolve("crl.pem"));
    assertThat(List.of("ca.pem", "ca-key.pem", "crl.pem", "index.tsv"))
        .allSatisfy(file -> assertThat(dir.resolve(file)).isRegularFile());
    assertThat(coordinator.certificate()).isEqualTo(dir.resolve("coordinator.pem"));
    assertThat(coordinator.privateKey()).isEqualTo(dir.resolve("coordinator-key.pem"));
    assertThat(site.certificate()).isEqualTo(dir.resolve("sites/site-a.pem"));
    assertThat(site.privateKey()).isEqualTo(dir.resolve("sites/site-a-key.pem"));
    assertThat(user.certificate()).isEqualTo(dir.resolve("users/alice.pem"));
    assertThat(user.privateKey()).isEqualTo(dir.resolve("users/alice-key.pem"));
  }

  private static Set<Integer> setBits(boolean[] keyUsage) {
    Set<Integer> bits = new TreeSet<>();
    for (int i = 0; i < keyUsage.length; i++) {
      if (keyUsage[i]) {
        bits.add(i);
      }
    }
    return bits;
  }

  private static List<String> sans(X509Certificate certificate, int type) throws Exception {
    return certificate.getSubjectAlternativeNames().stream()
        .filter(name -> (Integer) name.get(0) == type)
        .map(name -> (String) name.get(1))
        .collect(Collectors.toList());
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new AssertionError(literal, e);
    }
  }

  private static byte[] subjectKeyId(X509Certificate certificate) throws IOException {
    return SubjectKeyIdentifier.getInstance(
            JcaX509ExtensionUtils.parseExtensionValue(
                certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())))
        .getKeyIdentifier();
  }
}
