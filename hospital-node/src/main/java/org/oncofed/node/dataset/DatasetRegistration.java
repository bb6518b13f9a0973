package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.oncofed.dicom.DicomReader;

/**
 * Registers a dataset folder as the node's training data: scans it, and only when at least one
 * image was accepted replaces the stored index (atomically). Bad input (a missing folder, a broken
 * labels file, nothing usable) leaves any earlier registration untouched.
 */
public final class DatasetRegistration {

  private final DicomReader reader;
  private final Clock clock;
  private final boolean requireDeidentified;

  public DatasetRegistration(DicomReader reader, Clock clock) {
    this(reader, clock, false);
  }

  private DatasetRegistration(DicomReader reader, Clock clock, boolean requireDeidentified) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.requireDeidentified = requireDeidentified;
  }

  /**
   * The same registration under the site policy {@code require-deidentified}: files that still carry
   * a direct identifier are refused, each naming its first such attribute.
   */
  public DatasetRegistration requiringDeidentified() {
    return new DatasetRegistration(reader, clock, true);
  }

  /**
   * @param labelsCsv the labels manifest, or null to take labels from class folders
   */
  public DatasetIndex register(Path dataDir, Path datasetRoot, Path labelsCsv, ProgressListener progress)
      throws IOException {
    DatasetRoot root = DatasetRoot.open(datasetRoot);
    LabelSource labels = labelsCsv == null ? new FolderLabels() : LabelManifest.read(labelsCsv);
    PatientKeys keys = PatientKeys.loadOrCreate(dataDir);
    DatasetScanner.Result result =
        new DatasetScanner(reader, keys, requireDeidentified).scan(root, labels, labelsCsv, progress);
    ScanReport report = result.report();
    if (result.instances().isEmpty()) {
      throw new RegistrationRefusedException(report,
          "no usable labelled CT image in " + root.path() + " (" + report.rejected().size()
              + " files refused); the previous registration is unchanged");
    }
    DatasetIndex index = new DatasetIndex(
        DatasetIndex.FORMAT,
        DatasetIndex.VERSION,
        root.path().toString(),
        clock.instant().toString(),
        labels.description(),
        report.fingerprint(),
        result.instances(),
        report);
    new DatasetIndexStore(dataDir).save(index);
    return index;
  }

  /** The scan found nothing to register; carries the report so the operator sees why. */
  public static final class RegistrationRefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient ScanReport report;

    RegistrationRefusedException(ScanReport report, String message) {
      super(message);
      this.report = report;
    }

    public ScanReport report() {
      return report;
    }
  }
}
