package org.oncofed.node.dicom;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncofed.node.dataset.Csv;

/** The sample files in test resources and their reference values from {@code manifest.csv}. */
final class SampleManifest {

  private SampleManifest() {}

  static Path folder() {
    try {
      return Path.of(SampleManifest.class.getResource("/dicom-samples/manifest.csv").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One manifest row, by column name; empty cells are empty strings. */
  record Row(Map<String, String> cells) {
    String get(String column) {
      String v = cells.get(column);
      if (v == null) {
        throw new IllegalArgumentException("manifest has no column " + column);
      }
      return v;
    }

    String file() {
      return get("file");
    }

    Path path() {
      return folder().resolve(file());
    }

    @Override
    public String toString() {
      return file();
    }
  }

  static List<Row> rows() throws IOException {
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
