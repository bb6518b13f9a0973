package org.oncofed.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.oncofed.common.files.Csv;

/**
 * The column of a CSV that assigns each patient to a site, such as the scanner manufacturer in a
 * table of patients. A patient listed twice must be listed with the same value.
 */
final class SiteColumn {

  private final Path csv;
  private final String column;
  private final Map<String, String> valueByPatient;

  private SiteColumn(Path csv, String column, Map<String, String> valueByPatient) {
    this.csv = csv;
    this.column = column;
    this.valueByPatient = valueByPatient;
  }

  /** Reads {@code siteColumn} by {@code patientColumn}; the error names the file, line or missing column. */
  static SiteColumn read(Path csv, String patientColumn, String siteColumn) throws IOException {
    if (patientColumn.equalsIgnoreCase(siteColumn)) {
      throw new IOException("the site column must not be the patient column '" + patientColumn
          + "': site names leave the hospital, patient identifiers never do");
    }
    if (!Files.isRegularFile(csv)) {
      throw new IOException("sites CSV " + csv + " does not exist");
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + " is empty; expected a header naming '" + patientColumn + "' and '" + siteColumn + "'");
    }
    List<String> header = Csv.fields(lines.get(0).replace("\uFEFF", "")).stream().map(String::strip).toList();
    int patient = column(header, patientColumn, csv);
    int site = column(header, siteColumn, csv);
    Map<String, String> values = new HashMap<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      List<String> cells = Csv.fields(lines.get(n));
      String where = csv.getFileName() + " line " + (n + 1);
      if (cells.size() != header.size()) {
        throw new IOException(where + ": expected " + header.size() + " fields, found " + cells.size());
      }
      String id = cells.get(patient).strip();
      String value = cells.get(site).strip();
      if (id.isEmpty() || value.isEmpty()) {
        throw new IOException(where + ": empty '" + (id.isEmpty() ? patientColumn : siteColumn) + "'");
      }
      String before = values.putIfAbsent(id, value);
      if (before != null && !before.equals(value)) {
        throw new IOException(where + ": the patient on this line was already given '" + siteColumn + "' "
            + before + ", now " + value + "; a patient belongs to one site");
      }
    }
    return new SiteColumn(csv, header.get(site), values);
  }

  private static int column(List<String> header, String name, Path csv) throws IOException {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    throw new IOException(csv + " has no column '" + name + "'; its columns are " + header);
  }

  /** The site value of a patient, if the CSV lists the patient. */
  Optional<String> valueOf(String patientId) {
    return Optional.ofNullable(valueByPatient.get(patientId));
  }

  String describe() {
    return "column '" + column.toLowerCase(Locale.ROOT) + "' of " + csv.getFileName();
  }
}
