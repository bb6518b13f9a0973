package org.oncofed.bench.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.oncofed.bench.measure.BenchReport;
import org.oncofed.bench.measure.Benchmark;
import org.oncofed.bench.measure.Comparison;
import org.oncofed.bench.measure.Interleaved;
import org.oncofed.dicom.DicomFormatException;
import org.oncofed.dicom.DicomImage;
import org.oncofed.dicom.DicomReader;
import org.oncofed.dicom.Part10Reader;

/**
 * Slices per second through the node's DICOM reader (parse, decode the pixel data, apply the
 * modality LUT to Hounsfield units, as the slice cache does before windowing) against reading the
 * same file's bytes, which the operating system serves from its cache after the first pass.
 */
public final class DicomDecodeBench implements Benchmark {

  /** Case name to sample file, from the repository's DICOM test samples. */
  public static final Map<String, String> SAMPLES = Map.of(
      "uncompressed CT", "CT1_UNC.implicit_little_endian.dcm",
      "JPEG lossless CT", "CT-JPEGLosslessSV1.dcm");

  private final Path samples;
  private final int slicesPerMeasurement;
  private final int warmups;
  private final int repeats;
  private final DicomReader reader = new Part10Reader();

  public DicomDecodeBench(Path samples, int slicesPerMeasurement, int warmups, int repeats) {
    this.samples = samples;
    this.slicesPerMeasurement = slicesPerMeasurement;
    this.warmups = warmups;
    this.repeats = repeats;
  }

  @Override
  public String name() {
    return "dicom";
  }

  @Override
  public void run(BenchReport report) throws Exception {
    for (var sample : SAMPLES.entrySet()) {
      Path file = samples.resolve(sample.getValue());
      if (!Files.isRegularFile(file)) {
        report.skip("dicom", sample.getKey(), "sample file " + file + " not found");
        continue;
      }
      DicomImage first = reader.readImage(file);
      String label = sample.getKey() + " " + first.pixels().rows() + "x" + first.pixels().columns();
      long[] sink = new long[1];
      Interleaved.Pair pair = Interleaved.run(warmups, repeats,
          () -> slicesPerSecond(() -> sink[0] += decode(file)),
          () -> slicesPerSecond(() -> sink[0] += Files.readAllBytes(file).length));
      report.add(new Comparison("dicom", label, "slices/s", true,
          pair.candidate(), pair.baseline(), "read bytes", null));
    }
  }

  private int decode(Path file) throws DicomFormatException {
    DicomImage image = reader.readImage(file);
    return image.modalityFrame(0).length;
  }

  @FunctionalInterface
  private interface Slice {
    void read() throws Exception;
  }

  private double slicesPerSecond(Slice slice) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < slicesPerMeasurement; i++) {
      slice.read();
    }
    return slicesPerMeasurement / ((System.nanoTime() - start) / 1e9);
  }
}
