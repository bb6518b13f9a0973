package org.oncofed.certs;

import java.security.cert.X509CRL;
import picocli.CommandLine.Command;

@Command(
    name = "crl",
    description =
        "Re-signs crl.pem with the same entries and the next CRL number. A CRL is current for"
            + " 7 days; peers that check revocation refuse every certificate after its nextUpdate.")
final class ReissueCrlCommand extends PkiSubcommand {

  @Override
  void execute() {
    DevPki pki = DevPki.open(dir);
    pki.reissueCrl();
    X509CRL crl = Pem.readCrl(pki.crl());
    out()
        .printf(
            "Re-issued %s: CRL number %s, next update %s%n",
            pki.crl(), RevocationList.number(crl, pki.crl()), crl.getNextUpdate().toInstant());
  }
}
