package org.oncofed.certs;

import picocli.CommandLine.Command;

@Command(
    name = "bad",
    description = "Writes certificates peers must refuse (negative tests) under PKI_DIR/bad/.")
final class BadCommand extends PkiSubcommand {

  @Override
  void execute() {
    BadCredentials bad = DevPki.open(dir).writeBadCredentials();
    out().printf("Wrote negative-test certificates, each with its -key.pem:%n");
    out().printf("  %s  self-signed node certificate%n", bad.selfSigned().certificate());
    out().printf("  %s  node certificate from another CA%n", bad.otherCa().certificate());
    out().printf("  %s  that other CA%n", bad.otherCaCertificate());
    out().printf("  %s  expired node certificate from the real CA%n", bad.expired().certificate());
    out()
        .printf(
            "  %s  coordinator certificate from the real CA for %s only%n",
            bad.wrongSan().certificate(), BadCredentialsWriter.WRONG_SAN);
  }
}
