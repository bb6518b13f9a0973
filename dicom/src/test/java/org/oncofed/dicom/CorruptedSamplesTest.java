package org.oncofed.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Corrupts every real sample (flipped bytes, cut files) and checks that the reader only ever
 * answers with a decoded image or a {@link DicomFormatException}: no other exception escapes,
 * whatever codec the damage lands in.
 */
class CorruptedSamplesTest {

  private static final int MUTATIONS_PER_FILE = 6;

  private final Part10Reader reader = new Part10Reader();

  @Test
  void corruptedFilesYieldAnImageOrAFormatErrorNeverAnotherException() throws IOException {
    SplittableRandom random = new SplittableRandom(20240601);
    List<SampleManifest.Row> rows = SampleManifest.rows();
    int refused = 0;
    for (SampleManifest.Row row : rows) {
      byte[] original = Files.readAllBytes(row.path());
      if (original.length == 0) {
        continue;
      }
      for (int m = 0; m < MUTATIONS_PER_FILE; m++) {
        byte[] bytes = m % 3 == 2
            ? java.util.Arrays.copyOf(original, random.nextInt(original.length))
            : flipBytes(original, random, 1 + random.nextInt(16));
        try {
          reader.readImage(bytes);
        } catch (DicomFormatException e) {
          refused++;
          assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
          fail(row.file() + " mutation " + m + " escaped as " + e, e);
        }
      }
    }
    assertThat(refused).isPositive();
  }

  private static byte[] flipBytes(byte[] original, SplittableRandom random, int count) {
    byte[] bytes = original.clone();
    for (int i = 0; i < count; i++) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return bytes;
  }
}
