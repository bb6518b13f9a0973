package org.oncofed.certs;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Writes certificates that peers must refuse, each wrong in one way only so that a negative test
 * proves one check: trust anchor (self-signed, other CA), validity (expired) or host name (wrong
 * SAN). They are not recorded in index.tsv: they exist to be refused, not revoked.
 */
final class BadCredentialsWriter {

  static final String WRONG_SAN = "wrong.example";

  private final PkiLayout layout;
  private final CertificateAuthority ca;
  private final Instant now;

  BadCredentialsWriter(PkiLayout layout, CertificateAuthority ca, Instant now) {
    this.layout = layout;
    this.ca = ca;
    this.now = now;
  }

  BadCredentials write() {
    CertificateAuthority otherCa =
        CertificateAuthority.create(
            DistinguishedNames.authority("Other Development CA", "Elsewhere"), now);
    Path otherCaCertificate = layout.bad("other-ca.pem");
    SecureFiles.writePublic(otherCaCertificate, Pem.encode(otherCa.certificate()));
    return new BadCredentials(
        selfSigned(),
        issue(
            otherCa,
            "other-ca-site",
            Role.NODE,
            List.of(),
            Validity.leaf(now),
            "other-ca-node.pem"),
        otherCaCertificate,
        issue(ca, "expired-site", Role.NODE, List.of(), Validity.expired(now), "expired-node.pem"),
        issue(
            ca,
            DevPki.COORDINATOR_NAME,
            Role.COORDINATOR,
            List.of(SubjectAltNames.parse(WRONG_SAN)),
            Validity.leaf(now),
            "wrong-san-coordinator.pem"));
  }

  /** A node certificate with the usual extensions, signed by its own key. */
  private Credential selfSigned() {
    String name = "self-signed-site";
    KeyPair keys = EcKeys.generate();
    LeafRequest request =
        new LeafRequest(name, Role.NODE, keys.getPublic(), List.of(), Validity.leaf(now));
    X509Certificate certificate =
        CertificateBuilder.leaf(request, DistinguishedNames.leaf(name, Role.NODE), keys);
    return CredentialFiles.write(
        name, Role.NODE, layout.bad("self-signed-node.pem"), certificate, keys.getPrivate());
  }

  private Credential issue(
      CertificateAuthority issuer,
      String name,
      Role role,
      List<GeneralName> sans,
      Validity validity,
      String file) {
    KeyPair keys = EcKeys.generate();
    X509Certificate certificate =
        issuer.issue(new LeafRequest(name, role, keys.getPublic(), sans, validity));
    return CredentialFiles.write(name, role, layout.bad(file), certificate, keys.getPrivate());
  }
}
