package org.oncofed.certs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "revoke",
    description = "Marks a certificate revoked and re-issues crl.pem with every revoked serial.")
final class RevokeCommand extends PkiSubcommand {

  @Parameters(paramLabel = "NAME", description = "Site id, user name or 'coordinator'.")
  private String name;

  @Option(
      names = "--reason",
      paramLabel = "REASON",
      description =
          "unspecified (default), key-compromise, ca-compromise, affiliation-changed, superseded,"
              + " cessation-of-operation or privilege-withdrawn.")
  private String reason;

  @Override
  void execute() {
    DevPki pki = DevPki.open(dir);
    pki.revoke(name, reason);
    long revoked = pki.list().stream().filter(IssuedCertificate::isRevoked).count();
    out()
        .printf(
            "Revoked %s; %s re-issued, listing %d revoked certificate(s)%n",
            name, pki.crl(), revoked);
  }
}
