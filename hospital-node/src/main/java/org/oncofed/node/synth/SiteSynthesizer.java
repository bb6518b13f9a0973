package org.oncofed.node.synth;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.oncofed.common.TumourClass;
import org.oncofed.node.dataset.Apportionment;
import org.oncofed.node.dicom.DicomWriter;
import org.oncofed.node.dicom.Tag;
import org.oncofed.node.dicom.Vr;

/**
 * Writes a synthetic hospital: CT Image Storage files of made-up patients, each a short series of
 * axial slices, plus {@code labels.csv} (Series Instance UID to class). The same request always
 * writes the same bytes.
 */
public final class SiteSynthesizer {

  public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
  public static final String LABELS_FILE = "labels.csv";

  /**
   * @param classBalance fractions of normal, benign and malignant patients; null for the
   *     scanner's usual mix
   */
  public record Request(
      Path out, String site, int patients, long seed, ScannerProfile scanner, double[] classBalance) {
    public Request {
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(site, "site");
      Objects.requireNonNull(scanner, "scanner");
      if (site.isBlank()) {
        throw new IllegalArgumentException("site name must not be blank");
      }
      if (patients < 1 || patients > 10_000) {
        throw new IllegalArgumentException("patients must be in 1..10000, found " + patients);
      }
      if (classBalance != null) {
        if (classBalance.length != 3 || Stream.of(0, 1, 2).anyMatch(i -> classBalance[i] < 0)
            || classBalance[0] + classBalance[1] + classBalance[2] <= 0) {
          throw new IllegalArgumentException(
              "class balance needs three non-negative fractions (normal, benign, malignant) with a positive sum");
        }
      }
    }
  }

  /** What was written: counts per class in {@code TumourClass} order. */
  public record Summary(
      String site, ScannerProfile scanner, int patients, long[] patientsPerClass, long[] slicesPerClass,
      Path labels) {}

  private SiteSynthesizer() {}

  public static Summary synthesize(Request request) throws IOException {
    Path out = request.out();
    if (Files.exists(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IOException("output folder " + out + " is not empty; synthetic data goes into a new folder");
        }
      }
    }
    Files.createDirectories(out);
    ScannerProfile scanner = request.scanner();
    SplittableRandom siteRandom = new SplittableRandom(request.seed() * 31 + request.site().hashCode());
    List<TumourClass> classes = assignClasses(request, siteRandom);
    SliceRenderer renderer = new SliceRenderer(scanner);
    long[] patientsPerClass = new long[3];
    long[] slicesPerClass = new long[3];
    StringBuilder labels = new StringBuilder("series_instance_uid,label\n");
    for (int p = 0; p < classes.size(); p++) {
      TumourClass kind = classes.get(p);
      SplittableRandom random = siteRandom.split();
      int slices = writePatient(out, request, p, kind, renderer, random, labels);
      patientsPerClass[kind.ordinal()]++;
      slicesPerClass[kind.ordinal()] += slices;
    }
    Path labelsFile = out.resolve(LABELS_FILE);
    Files.writeString(labelsFile, labels, StandardCharsets.US_ASCII);
    return new Summary(request.site(), scanner, classes.size(), patientsPerClass, slicesPerClass, labelsFile);
  }

  /** Exact class counts by largest remainder, in shuffled order. */
  private static List<TumourClass> assignClasses(Request request, SplittableRandom random) {
    double[] balance = request.classBalance() == null
        ? request.scanner().classBalance() : request.classBalance();
    int[] counts = Apportionment.largestRemainder(request.patients(), balance);
    List<TumourClass> classes = new ArrayList<>();
    for (TumourClass c : TumourClass.values()) {
      classes.addAll(Collections.nCopies(counts[c.ordinal()], c));
    }
    Collections.shuffle(classes, new java.util.Random(random.nextLong()));
    return classes;
  }

  private static int writePatient(Path out, Request request, int index, TumourClass kind,
      SliceRenderer renderer, SplittableRandom random, StringBuilder labels) throws IOException {
    ScannerProfile scanner = request.scanner();
    SyntheticIdentity identity = SyntheticIdentity.create(request.site(), index, random);
    Anatomy anatomy = new Anatomy(random);
    Lesion lesion = kind == TumourClass.NORMAL ? null : Lesion.place(kind, anatomy, random);
    int slices = 4 + random.nextInt(5);
    double interval = lesion == null
        ? scanner.sliceThickness()
        : Math.min(scanner.sliceThickness(), 2 * lesion.visibleHalfDepth() / (slices - 1));
    double center = lesion == null
        ? 30 + random.nextDouble() * (Anatomy.LENGTH_MM - 60)
        : lesion.z();
    double noiseScale = 0.8 + random.nextDouble() * 0.4;
    String studyUid = uid(random);
    String seriesUid = uid(random);
    String frameOfReference = uid(random);
    String studyDate = String.format(Locale.ROOT, "2024%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
    String studyTime = String.format(Locale.ROOT, "%02d%02d%02d", 7 + random.nextInt(11), random.nextInt(60), random.nextInt(60));
    // Export layout with neutral names (PAnnnn/STnnnn/SEnnnn), as PACS media exports write.
    Path series = out.resolve(String.format(Locale.ROOT, "PA%05d/ST0001/SE0001", index + 1));
    Files.createDirectories(series);
    double half = (scanner.matrix() * scanner.pixelSpacing()) / 2;
    for (int s = 0; s < slices; s++) {
      double z = center + (s - (slices - 1) / 2.0) * interval;
      short[] pixels = renderer.render(anatomy, lesion, z, noiseScale, random);
      String spacing = ds(scanner.pixelSpacing());
      byte[] file = new DicomWriter(CT_IMAGE_STORAGE, uid(random))
          .text(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL\\PRIMARY\\AXIAL")
          .text(Tag.STUDY_DATE, Vr.DA, studyDate)
          .text(Tag.SERIES_DATE, Vr.DA, studyDate)
          .text(Tag.STUDY_TIME, Vr.TM, studyTime)
          .text(Tag.ACCESSION_NUMBER, Vr.SH, identity.accession())
          .text(Tag.MODALITY, Vr.CS, "CT")
          .text(Tag.MANUFACTURER, Vr.LO, "OncoFed Synthetic")
          .text(Tag.INSTITUTION_NAME, Vr.LO, "Synthetic hospital " + request.site())
          .text(Tag.REFERRING_PHYSICIAN_NAME, Vr.PN, "")
          .text(Tag.SERIES_DESCRIPTION, Vr.LO, "Synthetic chest CT")
          .text(Tag.MANUFACTURER_MODEL_NAME, Vr.LO, scanner.model())
          .text(Tag.PATIENT_NAME, Vr.PN, identity.name())
          .text(Tag.PATIENT_ID, Vr.LO, identity.patientId())
          .text(Tag.PATIENT_BIRTH_DATE, Vr.DA, identity.birthDate())
          .text(Tag.PATIENT_SEX, Vr.CS, identity.sex())
          .text(Tag.BODY_PART_EXAMINED, Vr.CS, "CHEST")
          .text(Tag.SLICE_THICKNESS, Vr.DS, ds(scanner.sliceThickness()))
          .text(Tag.KVP, Vr.DS, "120")
          .text(Tag.CONVOLUTION_KERNEL, Vr.SH, scanner.kernelName())
          .text(Tag.PATIENT_POSITION, Vr.CS, "HFS")
          .text(Tag.STUDY_INSTANCE_UID, Vr.UI, studyUid)
          .text(Tag.SERIES_INSTANCE_UID, Vr.UI, seriesUid)
          .text(Tag.STUDY_ID, Vr.SH, "1")
          .text(Tag.SERIES_NUMBER, Vr.IS, "1")
          .text(Tag.ACQUISITION_NUMBER, Vr.IS, "1")
          .text(Tag.INSTANCE_NUMBER, Vr.IS, Integer.toString(s + 1))
          .text(Tag.IMAGE_POSITION_PATIENT, Vr.DS, ds(-half) + "\\" + ds(-half) + "\\" + ds(-z))
          .text(Tag.IMAGE_ORIENTATION_PATIENT, Vr.DS, "1\\0\\0\\0\\1\\0")
          .text(Tag.FRAME_OF_REFERENCE_UID, Vr.UI, frameOfReference)
          .text(Tag.POSITION_REFERENCE_INDICATOR, Vr.LO, "")
          .text(Tag.SLICE_LOCATION, Vr.DS, ds(-z))
          .uint16(Tag.SAMPLES_PER_PIXEL, 1)
          .text(Tag.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2")
          .uint16(Tag.ROWS, scanner.matrix())
          .uint16(Tag.COLUMNS, scanner.matrix())
          .text(Tag.PIXEL_SPACING, Vr.DS, spacing + "\\" + spacing)
          .uint16(Tag.BITS_ALLOCATED, 16)
          .uint16(Tag.BITS_STORED, scanner.bitsStored())
          .uint16(Tag.HIGH_BIT, scanner.bitsStored() - 1)
          .uint16(Tag.PIXEL_REPRESENTATION, scanner.signed() ? 1 : 0)
          .text(Tag.WINDOW_CENTER, Vr.DS, Integer.toString(scanner.windowCenter()))
          .text(Tag.WINDOW_WIDTH, Vr.DS, Integer.toString(scanner.windowWidth()))
          .text(Tag.RESCALE_INTERCEPT, Vr.DS, Integer.toString(scanner.rescaleIntercept()))
          .text(Tag.RESCALE_SLOPE, Vr.DS, "1")
          .text(Tag.RESCALE_TYPE, Vr.LO, "HU")
          .pixelData16(pixels)
          .toBytes();
      Files.write(series.resolve(String.format(Locale.ROOT, "IM%04d.dcm", s + 1)), file);
    }
    labels.append(seriesUid).append(',').append(kind.label()).append('\n');
    return slices;
  }

  /** A UID under 2.25 (PS3.5 B.2) from 128 random bits. */
  private static String uid(SplittableRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return "2.25." + new BigInteger(1, bytes);
  }

  /** Decimal String: plain notation, at most 16 characters. */
  private static String ds(double value) {
    String s = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    return s.length() <= 16 ? s : String.format(Locale.ROOT, "%.6f", value);
  }
}
