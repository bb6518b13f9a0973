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
    List<String> header = parseLine(lines.get(0));
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> values = parseLine(line);
      Map<String, String> cells = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cells.put(header.get(i), i < values.size() ? values.get(i) : "");
      }
      rows.add(new Row(cells));
    }
    return rows;
  }

  /** RFC 4180 fields: commas separate, double quotes enclose, doubled quotes escape. */
  private static List<String> parseLine(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
