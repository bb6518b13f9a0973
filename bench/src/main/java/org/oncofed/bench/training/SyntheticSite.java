package org.oncofed.bench.training;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.ProgressListener;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

/**
 * A hospital's data as the node sees it: a synthetic CT archive, registered in a node data folder
 * as {@code node synth} and {@code node dataset register} would leave it.
 */
public final class SyntheticSite {

  private SyntheticSite() {}

  /**
   * Writes {@code patients} synthetic patients under {@code work/archive-<site>} and registers them
   * in {@code work/node-<site>}; returns that data folder.
   */
  public static Path prepare(Path work, String site, int patients, long seed) throws IOException {
    Path archive = work.resolve("archive-" + site);
    Path dataDir = work.resolve("node-" + site);
    SiteSynthesizer.Summary summary = SiteSynthesizer.synthesize(
        new SiteSynthesizer.Request(archive, site, patients, seed, ScannerProfile.STANDARD, null));
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(dataDir, archive, summary.labels(), ProgressListener.NONE);
    return dataDir;
  }
}
