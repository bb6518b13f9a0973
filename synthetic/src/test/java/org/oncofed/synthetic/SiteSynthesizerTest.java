package org.oncofed.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncofed.dicom.CtSuitability;
import org.oncofed.dicom.DicomImage;
import org.oncofed.dicom.Part10Reader;

class SiteSynthesizerTest {

  @TempDir Path temp;

  private final Part10Reader reader = new Part10Reader();

  @Test
  void sameRequestWritesTheSameBytes() throws IOException {
    Map<String, String> first = contents(write("a", "west", 3, ScannerProfile.STANDARD, null));
    Map<String, String> second = contents(write("b", "west", 3, ScannerProfile.STANDARD, null));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void writesCtImagesWithSyntheticIdentitiesThatQualifyForTraining() throws Exception {
    Path site = write("site", "north", 3, ScannerProfile.SOFT, null);

    for (Path file : dicomFiles(site)) {
      DicomImage image = reader.readImage(file);
      assertThat(image.metadata().sopClassUid()).isEqualTo(SiteSynthesizer.CT_IMAGE_STORAGE);
      assertThat(CtSuitability.refusal(image.metadata())).isEmpty();
      assertThat(image.identity().patientName()).startsWith("SYNTH-");
      assertThat(image.identity().patientId()).startsWith("NORTH-");
    }
  }

  @Test
  void labelsFollowTheRequestedClassBalance() throws IOException {
    Path site = write("site", "south", 10, ScannerProfile.SHARP, new double[] {0.5, 0.3, 0.2});

    List<String> lines = Files.readAllLines(site.resolve(SiteSynthesizer.LABELS_FILE));
    Map<String, Long> perClass = lines.stream().skip(1)
        .collect(Collectors.groupingBy(l -> l.substring(l.indexOf(',') + 1), Collectors.counting()));

    assertThat(lines.get(0)).isEqualTo("series_instance_uid,label");
    assertThat(perClass).containsExactlyInAnyOrderEntriesOf(Map.of("normal", 5L, "benign", 3L, "malignant", 2L));
  }

  @Test
  void sitesDifferInSpacingStorageAndNoiseLikeRealScanners() throws Exception {
    DicomImage soft = reader.readImage(dicomFiles(write("soft", "x", 1, ScannerProfile.SOFT, null)).get(0));
    DicomImage sharp = reader.readImage(dicomFiles(write("sharp", "x", 1, ScannerProfile.SHARP, null)).get(0));

    assertThat(soft.metadata().pixelSpacing().row()).isEqualTo(1.8);
    assertThat(sharp.metadata().pixelSpacing().row()).isEqualTo(2.3);
    assertThat(soft.metadata().modalityLut().declared().orElseThrow().intercept()).isEqualTo(-1024);
    assertThat(sharp.metadata().modalityLut().declared().orElseThrow().intercept()).isEqualTo(0);
    assertThat(soft.metadata().pixelModule().pixelRepresentation()).isZero();
    assertThat(sharp.metadata().pixelModule().pixelRepresentation()).isOne();
    assertThat(airNoise(sharp)).isGreaterThan(1.5 * airNoise(soft));
  }

  @Test
  void refusesAnOutputFolderThatIsNotEmpty() throws IOException {
    Path out = Files.createDirectories(temp.resolve("used"));
    Files.writeString(out.resolve("keep.txt"), "mine");

    assertThatThrownBy(() -> write("used", "x", 1, ScannerProfile.SOFT, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not empty");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
  }

  /** Standard deviation in HU of the top-left 12x12 corner, which is air outside the body. */
  private static double airNoise(DicomImage image) {
    float[] hu = image.modalityFrame(0);
    int n = image.pixels().columns();
    double sum = 0;
    double squares = 0;
    int count = 0;
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 12; x++) {
        double v = hu[y * n + x];
        sum += v;
        squares += v * v;
        count++;
      }
    }
    double mean = sum / count;
    return Math.sqrt(squares / count - mean * mean);
  }

  private Path write(String folder, String site, int patients, ScannerProfile scanner, double[] balance)
      throws IOException {
    Path out = temp.resolve(folder);
    SiteSynthesizer.synthesize(new SiteSynthesizer.Request(out, site, patients, 3, scanner, balance));
    return out;
  }

  static List<Path> dicomFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
  }

  private static Map<String, String> contents(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .collect(Collectors.toMap(p -> root.relativize(p).toString(), SiteSynthesizerTest::hash));
    }
  }

  private static String hash(Path file) {
    try {
      return org.oncofed.common.hash.Sha256.hex(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
