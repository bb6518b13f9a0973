package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.file.Path;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

/** Small synthetic sites for dataset tests (generated, never mocked). */
final class SyntheticSites {

  private SyntheticSites() {}

  static Path write(Path folder, String site, int patients, ScannerProfile scanner) throws IOException {
    SiteSynthesizer.synthesize(new SiteSynthesizer.Request(folder, site, patients, 5, scanner, new double[] {1, 1, 1}));
    return folder;
  }
}
