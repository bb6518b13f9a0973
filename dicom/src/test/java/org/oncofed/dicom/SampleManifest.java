package org.oncofed.dicom;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oncofed.common.files.Csv;

/** The sample files in test resources and their reference values from {@code manifest.csv}. */
public final class SampleManifest {

  private static Path folder;

  private SampleManifest() {}

  /**
   * The folder of samples on the file system. Other modules' tests read them from this module's
   * test jar: there they are copied once into a temporary folder, removed when the JVM exits.
   */
  public static synchronized Path folder() {
    if (folder == null) {
      try {
        URI manifest = SampleManifest.class.getResource("/dicom-samples/manifest.csv").toURI();
        folder = manifest.getScheme().equals("jar") ? extract(manifest) : Path.of(manifest).getParent();
      } catch (URISyntaxException | IOException e) {
        throw new IllegalStateException("cannot locate the DICOM samples: " + e.getMessage(), e);
      }
    }
    return folder;
  }

  private static Path extract(URI manifest) throws IOException {
    Path target = Files.createTempDirectory("oncofed-dicom-samples");
    try (FileSystem jar = FileSystems.newFileSystem(manifest, Map.of());
        Stream<Path> files = Files.list(jar.getPath("/dicom-samples"))) {
      for (Path file : files.toList()) {
        Path copy = Files.copy(file, target.resolve(file.getFileName().toString()));
        copy.toFile().deleteOnExit();
      }
    }
    target.toFile().deleteOnExit();
    return target;
  }

  /** One manifest row, by column name; empty cells are empty strings. */
  public record Row(Map<String, String> cells) {
    public String get(String column) {
      String v = cells.get(column);
      if (v == null) {
        throw new IllegalArgumentException("manifest has no column " + column);
      }
      return v;
    }

    public String file() {
      return get("file");
    }

    public Path path() {
      return folder().resolve(file());
    }

    @Override
    public String toString() {
      return file();
    }
  }

  public static List<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(folder().resolve("manifest.csv"), StandardCharsets.UTF_8);
    List<String> header = Csv.fields(lines.get(0));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> values = Csv.fields(line);
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cells.put(header.get(i), i < values.size() ? values.get(i) : "");
      }
      rows.add(new Row(cells));
    }
    return rows;
  }
}
