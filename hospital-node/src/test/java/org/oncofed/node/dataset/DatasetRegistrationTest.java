package org.oncofed.node.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.dicom.DicomFile;
import org.oncofed.dicom.DicomWriter;
import org.oncofed.dicom.Part10Reader;
import org.oncofed.dicom.SampleManifest;
import org.oncofed.dicom.Tag;
import org.oncofed.dicom.Vr;
import org.oncofed.synthetic.ScannerProfile;
import org.oncofed.synthetic.SiteSynthesizer;

class DatasetRegistrationTest {

  @TempDir static Path shared;
  private static Path site;

  @TempDir Path temp;

  private final DatasetRegistration registration =
      new DatasetRegistration(new Part10Reader(), Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));

  @BeforeAll
  static void writeSite() throws IOException {
    site = SyntheticSites.write(shared.resolve("site"), "north", 6, ScannerProfile.SHARP);
  }

  @Test
  void registersASyntheticSiteWithCountsPerClassPatientAndSeries() throws IOException {
    DatasetIndex index = register(site, site.resolve(SiteSynthesizer.LABELS_FILE));

    ScanReport report = index.report();
    assertThat(report.patients()).isEqualTo(6);
    assertThat(report.series()).isEqualTo(6);
    assertThat(report.rejected()).isEmpty();
    assertThat(report.duplicates()).isEmpty();
    assertThat(report.classes().values()).allSatisfy(c -> assertThat(c.patients()).isEqualTo(2));
    assertThat(report.instances()).isEqualTo(dicomFiles(site).size());
    assertThat(index.fingerprint()).isEqualTo(report.fingerprint()).matches("[0-9a-f]{64}");
    assertThat(new DatasetIndexStore(temp).load()).contains(index);
  }

  @Test
  void refusesFilesOneByOneWithTheirReasons() throws IOException {
    Path root = copyOf(site);
    Path samples = SampleManifest.folder();
    Files.copy(samples.resolve("SC_rgb.dcm"), root.resolve("colour.dcm"));
    Files.copy(samples.resolve("derived_not_dicom.dcm"), root.resolve("notes.dcm"));
    Files.copy(samples.resolve("CT1_JLSN.dcm"), root.resolve("jpegls.dcm"));
    Files.copy(samples.resolve("CT_small.dcm"), root.resolve("unlabelled.dcm"));

    ScanReport report = register(root, root.resolve(SiteSynthesizer.LABELS_FILE)).report();

    assertThat(report.rejected()).containsExactlyInAnyOrder(
        new ScanReport.Rejection("colour.dcm", "modality is OT, expected CT"),
        new ScanReport.Rejection("notes.dcm",
            "not a DICOM file: no 'DICM' marker and the first bytes are not a data element (tag (6854,7369))"),
        new ScanReport.Rejection("jpegls.dcm",
            "unsupported transfer syntax: JPEG-LS Lossy (Near-Lossless) Image Compression (1.2.840.10008.1.2.4.81)"),
        new ScanReport.Rejection("unlabelled.dcm", "no label (manifest labels.csv)"));
    assertThat(report.patients()).isEqualTo(6);
  }

  @Test
  void reportsDuplicateInstancesAndKeepsTheFirst() throws IOException {
    Path root = copyOf(site);
    Path original = dicomFiles(root).get(0);
    Files.copy(original, root.resolve("zz-copy.dcm"));

    DatasetIndex index = register(root, root.resolve(SiteSynthesizer.LABELS_FILE));

    assertThat(index.report().duplicates()).containsExactly(
        new ScanReport.Duplicate("zz-copy.dcm", root.relativize(original).toString()));
    assertThat(index.instances()).hasSize(dicomFiles(site).size());
  }

  @Test
  void takesLabelsFromClassFolders() throws IOException {
    Path root = Files.createDirectories(temp.resolve("folders"));
    List<Path> files = dicomFiles(site);
    Files.createDirectories(root.resolve("benign"));
    Files.createDirectories(root.resolve("Malignant"));
    Files.copy(files.get(0), root.resolve("benign/a.dcm"));
    Files.copy(files.get(1), root.resolve("Malignant/b.dcm"));
    Files.copy(files.get(2), root.resolve("c.dcm"));

    DatasetIndex index = register(root, null);

    assertThat(index.instances()).extracting(IndexedInstance::path, IndexedInstance::label)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Malignant/b.dcm", "malignant"),
            org.assertj.core.groups.Tuple.tuple("benign/a.dcm", "benign"));
    assertThat(index.report().rejected()).containsExactly(new ScanReport.Rejection("c.dcm", "no label (class folders)"));
  }

  @Test
  void keepsThePreviousRegistrationWhenNewInputIsBad() throws IOException {
    DatasetIndex good = register(site, site.resolve(SiteSynthesizer.LABELS_FILE));
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Path badLabels = Files.writeString(temp.resolve("bad.csv"), "path,label\na.dcm,cancer\n");

    assertThatThrownBy(() -> register(temp.resolve("missing"), null)).hasMessageContaining("is not a folder");
    assertThatThrownBy(() -> register(site, badLabels)).hasMessageContaining("unknown class label 'cancer'");
    assertThatThrownBy(() -> register(empty, null))
        .isInstanceOf(DatasetRegistration.RegistrationRefusedException.class)
        .hasMessageContaining("the previous registration is unchanged");
    assertThat(new DatasetIndexStore(temp).load()).contains(good);
  }

  @Test
  void fingerprintFollowsContentAndLabelsNotLayout() throws IOException {
    String original = register(site, site.resolve(SiteSynthesizer.LABELS_FILE)).fingerprint();
    Path flat = Files.createDirectories(temp.resolve("flat"));
    int n = 0;
    for (Path f : dicomFiles(site)) {
      Files.copy(f, flat.resolve("file" + n++ + ".dcm"));
    }
    String relabelledCsv = Files.readString(site.resolve(SiteSynthesizer.LABELS_FILE))
        .replaceFirst(",(normal|benign|malignant)\n", ",benign\n").replaceFirst(",normal\n", ",malignant\n");
    Path relabelled = Files.writeString(temp.resolve("relabelled.csv"), relabelledCsv);

    String moved = register(flat, site.resolve(SiteSynthesizer.LABELS_FILE)).fingerprint();
    String changed = register(flat, relabelled).fingerprint();

    assertThat(moved).isEqualTo(original);
    assertThat(changed).isNotEqualTo(original);
  }

  @Test
  void storedIndexHoldsNoPatientIdentifierOrUid() throws Exception {
    register(site, site.resolve(SiteSynthesizer.LABELS_FILE));
    String stored = Files.readString(new DatasetIndexStore(temp).indexFile(), StandardCharsets.UTF_8);
    DicomFile first = new Part10Reader().readMetadata(dicomFiles(site).get(0));

    assertThat(stored).doesNotContain(first.identity().patientId(), first.identity().patientName(),
        first.identity().birthDate(), first.identity().accessionNumber(), first.metadata().uids().sopInstanceUid(),
        first.metadata().uids().seriesInstanceUid(), first.metadata().uids().studyInstanceUid());
  }

  @Test
  void underRequireDeidentifiedRefusesEachFileWithADirectIdentifierAndKeepsTheOthers() throws IOException {
    Path root = copyOf(site);
    Path labels = root.resolve(SiteSynthesizer.LABELS_FILE);
    String series = "2.25.271828182845904523536028747135266249";
    Files.write(root.resolve("deidentified.dcm"), deidentifiedSlice(series));
    Files.writeString(labels, series + ",benign\n", StandardOpenOption.APPEND);

    ScanReport report = registration.requiringDeidentified().register(temp, root, labels, ProgressListener.NONE).report();

    assertThat(report.instances()).isEqualTo(1);
    assertThat(report.rejected()).hasSize(dicomFiles(site).size()).allSatisfy(rejection -> assertThat(rejection.reason())
        .isEqualTo("carries a direct identifier, Accession Number at 00080050 (site policy require-deidentified;"
            + " see node deid check)"));
  }

  /**
   * A CT slice that says its patient identity was removed and holds only a pseudonymous patient ID,
   * as the profile's dummy values allow.
   */
  private static byte[] deidentifiedSlice(String series) {
    short[] pixels = new short[64 * 64];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (short) (i % 64 * 16);
    }
    return new DicomWriter(SiteSynthesizer.CT_IMAGE_STORAGE, "2.25.314159265358979323846264338327950288")
        .text(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\AXIAL")
        .text(Tag.MODALITY, Vr.CS, "CT")
        .text(Tag.PATIENT_ID, Vr.LO, "SUBJECT-0001")
        .text(0x00120062, Vr.CS, "YES")
        .text(Tag.STUDY_INSTANCE_UID, Vr.UI, "2.25.161803398874989484820458683436563811")
        .text(Tag.SERIES_INSTANCE_UID, Vr.UI, series)
        .text(Tag.IMAGE_POSITION_PATIENT, Vr.DS, "0\\0\\0")
        .text(Tag.IMAGE_ORIENTATION_PATIENT, Vr.DS, "1\\0\\0\\0\\1\\0")
        .uint16(Tag.SAMPLES_PER_PIXEL, 1)
        .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
        .uint16(Tag.ROWS, 64)
        .uint16(Tag.COLUMNS, 64)
        .text(Tag.PIXEL_SPACING, Vr.DS, "0.7\\0.7")
        .uint16(Tag.BITS_ALLOCATED, 16)
        .uint16(Tag.BITS_STORED, 16)
        .uint16(Tag.HIGH_BIT, 15)
        .uint16(Tag.PIXEL_REPRESENTATION, 1)
        .text(Tag.RESCALE_INTERCEPT, Vr.DS, "-1024")
        .text(Tag.RESCALE_SLOPE, Vr.DS, "1")
        .pixelData16(pixels)
        .toBytes();
  }

  private DatasetIndex register(Path root, Path labels) throws IOException {
    return registration.register(temp, root, labels, ProgressListener.NONE);
  }

  private Path copyOf(Path source) throws IOException {
    return copy(source, temp.resolve("copy"));
  }

  static Path copy(Path source, Path target) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.toList()) {
        Path to = target.resolve(source.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    return target;
  }

  static List<Path> dicomFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
  }
}
