package org.oncofed.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.ProgressListener;
import org.oncofed.node.dicom.Part10Reader;
import org.oncofed.node.synth.ScannerProfile;
import org.oncofed.node.synth.SiteSynthesizer;

/**
 * Writes a synthetic CT archive for a site (DICOM files as a PACS export would hold them) and
 * registers it in the site node's data folder, as hospital IT would with {@code node synth} and
 * {@code node dataset register}.
 */
final class SyntheticHospitals {

  /** One demo hospital: its scanner and its size. */
  record Hospital(String site, ScannerProfile scanner, int patients, long seed) {}

  private SyntheticHospitals() {}

  /**
   * The demo's three hospitals: different scanners (noise, kernel, spacing, rescale intercept),
   * class balances and sizes, as real sites differ.
   *
   * @param scale fraction of the full-size demo's patients
   */
  static List<Hospital> threeSites(double scale) {
    return List.of(
        new Hospital("northshore", ScannerProfile.SOFT, patients(90, scale), 11),
        new Hospital("riverside", ScannerProfile.STANDARD, patients(75, scale), 12),
        new Hospital("lakeside", ScannerProfile.SHARP, patients(60, scale), 13));
  }

  private static int patients(int full, double scale) {
    return Math.max(6, (int) Math.round(full * scale));
  }

  /** Synthesizes the site's archive under {@code archives} and registers it in {@code nodeDataDir}. */
  static String prepare(Hospital hospital, Path archives, Path nodeDataDir) throws IOException {
    Path archive = archives.resolve(hospital.site());
    SiteSynthesizer.Summary summary = SiteSynthesizer.synthesize(new SiteSynthesizer.Request(archive, hospital.site(),
        hospital.patients(), hospital.seed(), hospital.scanner(), null));
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(nodeDataDir, archive, summary.labels(), ProgressListener.NONE);
    return hospital.site() + ": " + summary.patients() + " patients, " + Arrays.stream(summary.slicesPerClass()).sum()
        + " slices (normal/benign/malignant " + summary.slicesPerClass()[0] + "/" + summary.slicesPerClass()[1] + "/"
        + summary.slicesPerClass()[2] + "), scanner " + hospital.scanner().name().toLowerCase(java.util.Locale.ROOT);
  }
}
