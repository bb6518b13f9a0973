package org.oncofed.synthetic;

import java.io.IOException;
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
import org.oncofed.common.Apportionment;
import org.oncofed.common.TumourClass;

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
    CtSliceFile.Study study = new CtSliceFile.Study(request.site(), identity, uid(random), uid(random), uid(random),
        String.format(Locale.ROOT, "2024%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)),
        String.format(Locale.ROOT, "%02d%02d%02d", 7 + random.nextInt(11), random.nextInt(60), random.nextInt(60)));
    // Export layout with neutral names (PAnnnn/STnnnn/SEnnnn), as PACS media exports write.
    Path series = out.resolve(String.format(Locale.ROOT, "PA%05d/ST0001/SE0001", index + 1));
    Files.createDirectories(series);
    for (int s = 0; s < slices; s++) {
      double z = center + (s - (slices - 1) / 2.0) * interval;
      short[] pixels = renderer.render(anatomy, lesion, z, noiseScale, random);
      byte[] file = CtSliceFile.encode(study, scanner, s + 1, z, uid(random), pixels);
      Files.write(series.resolve(String.format(Locale.ROOT, "IM%04d.dcm", s + 1)), file);
    }
    labels.append(study.seriesUid()).append(',').append(kind.label()).append('\n');
    return slices;
  }

  /** A UID under 2.25 (PS3.5 B.2) from 128 random bits. */
  private static String uid(SplittableRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return "2.25." + new BigInteger(1, bytes);
  }
}
