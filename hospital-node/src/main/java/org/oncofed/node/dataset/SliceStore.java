package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.oncofed.common.files.AtomicFiles;
import org.oncofed.common.hash.CanonicalJson;
import org.oncofed.common.hash.Sha256;
import org.oncofed.common.model.ResizePolicy;
import org.oncofed.dicom.DicomFormatException;
import org.oncofed.dicom.DicomImage;
import org.oncofed.dicom.DicomReader;

/**
 * Decoded, windowed, normalised and resized slices, cached on disk under the data folder
 * ({@code cache/slices/<options>/<content hash>-<frame>.f32}), so each file is decoded once per
 * preprocessing setting rather than once per epoch. Entries are named by the file's content hash,
 * so a changed file can never be served from a stale entry; files are checked against the hash
 * recorded at registration before they are decoded.
 */
final class SliceStore {

  private final Path rootPath;
  private final DicomReader reader;
  private final Path directory;
  private final PreprocessingOptions options;

  /**
   * @param rootPath the dataset root; opened only when a slice has to be decoded, so training from
   *     a filled cache works while the export share is offline
   */
  SliceStore(Path rootPath, DicomReader reader, Path dataDir, PreprocessingOptions options) {
    this.rootPath = Objects.requireNonNull(rootPath, "rootPath");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.options = Objects.requireNonNull(options, "options");
    this.directory = dataDir.resolve("cache").resolve("slices").resolve(settingsKey(options));
  }

  /** Only what changes a cached slice: augmentation, shuffling and batching happen later. */
  static String settingsKey(PreprocessingOptions o) {
    Map<String, Object> settings = new TreeMap<>();
    settings.put("version", 1);
    settings.put("inputSize", o.inputSize());
    settings.put("windowCenter", o.windowCenter());
    settings.put("windowWidth", o.windowWidth());
    settings.put("normalisation", o.normalisation().name());
    if (o.resizePolicy() == ResizePolicy.PHYSICAL) {
      settings.put("resizePolicy", o.resizePolicy().wireName());
      settings.put("pixelSpacingMm", o.pixelSpacingMm());
    }
    return CanonicalJson.sha256(settings).substring(0, 16);
  }

  /** Decodes and caches every slice not cached yet, one file read per instance. */
  void prepare(List<SliceRef> slices, ProgressListener progress) throws IOException {
    Files.createDirectories(directory);
    Map<String, List<SliceRef>> missingByFile = new LinkedHashMap<>();
    for (SliceRef s : slices) {
      if (!Files.exists(entry(s))) {
        missingByFile.computeIfAbsent(s.path(), k -> new java.util.ArrayList<>()).add(s);
      }
    }
    if (missingByFile.isEmpty()) {
      return;
    }
    DatasetRoot root = DatasetRoot.open(rootPath);
    int done = 0;
    for (List<SliceRef> frames : missingByFile.values()) {
      DicomImage image = decode(root, frames.get(0));
      for (SliceRef s : frames) {
        if (s.frame() >= image.pixels().frames()) {
          throw new IOException(s.path() + " has " + image.pixels().frames() + " frames, index expects frame " + s.frame());
        }
        float[] prepared = SlicePreprocessor.prepare(image.modalityFrame(s.frame()), image.pixels().rows(),
            image.pixels().columns(), image.metadata().pixelSpacing(),
            "MONOCHROME1".equals(image.metadata().pixelModule().photometricInterpretation()), options);
        write(entry(s), prepared);
      }
      progress.progress(++done, missingByFile.size());
    }
  }

  float[] load(SliceRef slice) throws IOException {
    Path file = entry(slice);
    byte[] bytes = Files.readAllBytes(file);
    int size = options.inputSize();
    if (bytes.length != size * size * Float.BYTES) {
      throw new IOException("cached slice " + file + " has " + bytes.length + " bytes, expected "
          + size * size * Float.BYTES);
    }
    float[] values = new float[size * size];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  private DicomImage decode(DatasetRoot root, SliceRef slice) throws IOException {
    Path file = root.resolve(slice.path());
    if (Files.size(file) != slice.bytes()) {
      throw changed(slice);
    }
    byte[] bytes = Files.readAllBytes(file);
    if (!Sha256.hex(bytes).equals(slice.contentSha256())) {
      throw changed(slice);
    }
    try {
      return reader.readImage(bytes);
    } catch (DicomFormatException e) {
      throw new IOException(slice.path() + ": " + e.getMessage(), e);
    }
  }

  private static IOException changed(SliceRef slice) {
    return new IOException(slice.path() + " changed since the dataset was registered; register it again");
  }

  private Path entry(SliceRef slice) {
    return directory.resolve(slice.contentSha256() + "-" + slice.frame() + ".f32");
  }

  private void write(Path file, float[] values) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(values);
    AtomicFiles.replace(file, temporary -> Files.write(temporary, buffer.array()));
  }
}
