package org.oncofed.node.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.oncofed.common.TumourClass;
import org.oncofed.common.files.Csv;
import org.oncofed.dicom.DicomMetadata;

/**
 * Labels from a CSV file with a header row: a {@code label} column and at least one key column,
 * {@code sop_instance_uid}, {@code series_instance_uid} or {@code path} (relative to the dataset
 * root). Each row fills one or more keys. A file takes the label of its SOP Instance UID, else of
 * its path, else of its series. Conflicting labels for one key are an error with the line number.
 */
public final class LabelManifest implements LabelSource {

  private static final List<String> KEYS = List.of("sop_instance_uid", "series_instance_uid", "path");

  private final Path file;
  private final Map<String, TumourClass> bySop = new HashMap<>();
  private final Map<String, TumourClass> bySeries = new HashMap<>();
  private final Map<String, TumourClass> byPath = new HashMap<>();

  private LabelManifest(Path file) {
    this.file = file;
  }

  public static LabelManifest read(Path csv) throws IOException {
    LabelManifest manifest = new LabelManifest(csv);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(csv + ": empty; expected a header with 'label' and a key column " + KEYS);
    }
    List<String> header = Csv.fields(stripBom(lines.get(0))).stream()
        .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int labelColumn = header.indexOf("label");
    if (labelColumn < 0 || KEYS.stream().noneMatch(header::contains)) {
      throw new IOException(csv + ": header must name 'label' and at least one of " + KEYS + ", found " + header);
    }
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = Csv.fields(line);
      String where = csv.getFileName() + " line " + (n + 1);
      if (cells.size() != header.size()) {
        throw new IOException(where + ": expected " + header.size() + " fields, found " + cells.size());
      }
      TumourClass label;
      try {
        label = TumourClass.fromLabel(cells.get(labelColumn));
      } catch (IllegalArgumentException e) {
        throw new IOException(where + ": " + e.getMessage());
      }
      boolean keyed = false;
      for (int c = 0; c < header.size(); c++) {
        String value = cells.get(c).strip();
        if (value.isEmpty() || !KEYS.contains(header.get(c))) {
          continue;
        }
        keyed = true;
        switch (header.get(c)) {
          case "sop_instance_uid" -> put(manifest.bySop, value, label, where);
          case "series_instance_uid" -> put(manifest.bySeries, value, label, where);
          default -> put(manifest.byPath, normalisedPath(value, where), label, where);
        }
      }
      if (!keyed) {
        throw new IOException(where + ": no key given (" + KEYS + ")");
      }
    }
    return manifest;
  }

  public Path file() {
    return file;
  }

  public int size() {
    return bySop.size() + bySeries.size() + byPath.size();
  }

  @Override
  public Optional<TumourClass> labelFor(String relativePath, DicomMetadata metadata) {
    String sop = metadata.uids().sopInstanceUid();
    if (sop != null && bySop.containsKey(sop)) {
      return Optional.of(bySop.get(sop));
    }
    if (byPath.containsKey(relativePath)) {
      return Optional.of(byPath.get(relativePath));
    }
    String series = metadata.uids().seriesInstanceUid();
    return Optional.ofNullable(series == null ? null : bySeries.get(series));
  }

  @Override
  public String description() {
    return "manifest " + file.getFileName();
  }

  private static void put(Map<String, TumourClass> map, String key, TumourClass label, String where)
      throws IOException {
    TumourClass previous = map.putIfAbsent(key, label);
    if (previous != null && previous != label) {
      throw new IOException(where + ": '" + key + "' is labelled both " + previous.label() + " and " + label.label());
    }
  }

  private static String normalisedPath(String value, String where) throws IOException {
    try {
      return DatasetRoot.checkedRelative(value).toString().replace('\\', '/');
    } catch (IOException e) {
      throw new IOException(where + ": " + e.getMessage());
    }
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
