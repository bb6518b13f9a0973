package org.oncofed.certs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "add-site",
    description = "Issues the client certificate (role node) of one hospital site.")
final class AddSiteCommand extends PkiSubcommand {

  @Parameters(
      paramLabel = "SITE_ID",
      description = "Site id: 1-63 of a-z, 0-9 and '-', starting with a letter or digit.")
  private String siteId;

  @Override
  void execute() {
    printCredential("node", DevPki.open(dir).addSite(siteId));
  }
}
