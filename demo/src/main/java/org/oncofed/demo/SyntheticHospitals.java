package org.oncofed.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.node.dataset.DatasetRegistration;
import org.oncofed.node.dataset.PatientKeys;
import org.oncofed.node.dataset.ProgressListener;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

/**
 * Writes a synthetic CT archive for a site (DICOM files as a PACS export would hold them) and
 * registers it in the site node's data folder, as hospital IT would with {@code node synth} and
 * {@code node dataset register}.
 */
final class SyntheticHospitals {

  /**
   * One demo hospital: its scanner, its size and its case mix.
   *
   * @param classBalance fractions of normal, benign and malignant patients
   */
  record Hospital(String site, ScannerProfile scanner, int patients, double[] classBalance, long seed) {}

  private SyntheticHospitals() {}

  /**
   * The demo's three hospitals, as different as real sites: scanners (noise, kernel, spacing,
   * rescale intercept), sizes and case mixes. A screening centre sees mostly normal scans, a nodule
   * clinic mostly benign lesions, an oncology referral centre mostly cancers; together they see every
   * class often, which none of them does alone.
   *
   * @param scale fraction of the full-size demo's patients
   */
  static List<Hospital> threeSites(double scale) {
    return List.of(
        new Hospital("northshore", ScannerProfile.SOFT, patients(90, scale), new double[] {0.6, 0.3, 0.1}, 11),
        new Hospital("riverside", ScannerProfile.STANDARD, patients(75, scale), new double[] {0.2, 0.6, 0.2}, 12),
        new Hospital("lakeside", ScannerProfile.SHARP, patients(60, scale), new double[] {0.15, 0.25, 0.6}, 13));
  }

  private static int patients(int full, double scale) {
    return Math.max(6, (int) Math.round(full * scale));
  }

  /** Synthesizes the site's archive under {@code archives} and registers it in {@code nodeDataDir}. */
  static String prepare(Hospital hospital, Path archives, Path nodeDataDir) throws IOException {
    Path archive = archives.resolve(hospital.site());
    SiteSynthesizer.Summary summary = SiteSynthesizer.synthesize(new SiteSynthesizer.Request(archive, hospital.site(),
        hospital.patients(), hospital.seed(), hospital.scanner(), hospital.classBalance()));
    // A secret from the hospital's seed, so patients fall into the same splits on every run.
    byte[] patientKeySecret = new byte[32];
    new SplittableRandom(hospital.seed()).nextBytes(patientKeySecret);
    PatientKeys.loadOrCreate(nodeDataDir, patientKeySecret);
    new DatasetRegistration(new Part10Reader(), Clock.systemUTC())
        .register(nodeDataDir, archive, summary.labels(), ProgressListener.NONE);
    return hospital.site() + ": " + summary.patients() + " patients, " + Arrays.stream(summary.slicesPerClass()).sum()
        + " slices (normal/benign/malignant " + summary.slicesPerClass()[0] + "/" + summary.slicesPerClass()[1] + "/"
        + summary.slicesPerClass()[2] + "), scanner " + hospital.scanner().name().toLowerCase(java.util.Locale.ROOT);
  }
}
