package org.oncofed.certs;

import java.security.cert.CertificateParsingException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "init",
    description =
        "Creates the CA, the coordinator certificate (SANs localhost, 127.0.0.1, ::1 and each"
            + " --san) and an empty CRL. Never replaces an existing CA unless --force is given.")
final class InitCommand extends PkiSubcommand {

  @Option(
      names = "--san",
      paramLabel = "NAME",
      description = "Another DNS name or IP address of the coordinator (repeatable).")
  private List<String> sans = new ArrayList<>();

  @Option(
      names = "--force",
      description =
          "Replace an existing CA; deletes every site, user and bad certificate it issued.")
  private boolean force;

  @Override
  void execute() {
    DevPki pki = DevPki.init(dir, sans, force);
    Credential coordinator = pki.coordinator();
    out()
        .printf("Created a development CA in %s (development only: its key is unprotected)%n", dir);
    out().printf("  CA           %s%n", pki.caCertificate());
    out().printf("  CRL          %s (empty)%n", pki.crl());
    printCredential("coordinator", coordinator);
    out().printf("  SANs         %s%n", subjectAltNames(coordinator));
  }

  private static String subjectAltNames(Credential credential) {
    try {
      return credential.x509().getSubjectAlternativeNames().stream()
          .map(name -> String.valueOf(name.get(1)))
          .collect(Collectors.joining(", "));
    } catch (CertificateParsingException e) {
      throw new PkiException("cannot read the SANs of " + credential.certificate(), e);
    }
  }
}
