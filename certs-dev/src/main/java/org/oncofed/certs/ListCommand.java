package org.oncofed.certs;

import java.time.Instant;
import picocli.CommandLine.Command;

@Command(
    name = "list",
    description = "Lists every issued certificate: name, role, serial, not-after, status.")
final class ListCommand extends PkiSubcommand {

  @Override
  void execute() {
    out().print(CertificateTable.format(DevPki.open(dir).list(), Instant.now()));
  }
}
