package org.oncofed.dicom;

import jakarta.annotation.Nullable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code node inspect} reports for one file. Field names follow the sample manifest's columns
 * for the same quantities; patient identity and instance UIDs appear only when asked for.
 *
 * @param file the path as the operator gave it
 * @param parsed null when the file could not be parsed at all
 * @param image null when pixels were not decoded (none, unsupported or broken)
 * @param error null when everything the file holds could be read
 */
public record Inspection(
    String file,
    @Nullable DicomFile parsed,
    @Nullable DicomImage image,
    @Nullable String error) {

  public static Inspection of(DicomReader reader, Path path) {
    String name = path.toString();
    DicomFile parsed;
    try {
      parsed = reader.readMetadata(path);
    } catch (DicomFormatException e) {
      return new Inspection(name, null, null, e.getMessage());
    }
    if (!parsed.metadata().hasPixelData()) {
      return new Inspection(name, parsed, null, null);
    }
    try {
      return new Inspection(name, parsed, reader.readImage(path), null);
    } catch (DicomFormatException e) {
      return new Inspection(name, parsed, null, e.getMessage());
    }
  }

  public boolean ok() {
    return error == null;
  }

  /** The JSON object for this file, keys in a stable order. */
  public Map<String, Object> toJson(boolean showPhi) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", file);
    json.put("ok", ok());
    if (error != null) {
      json.put("error", error);
    }
    if (parsed == null) {
      return json;
    }
    DicomMetadata m = parsed.metadata();
    PixelModule p = m.pixelModule();
    json.put("transfer_syntax_uid", m.transferSyntax().uid());
    json.put("transfer_syntax", m.transferSyntax().displayName());
    json.put("ts_inferred", m.transferSyntaxInferred());
    json.put("has_preamble", m.preamble() != PreambleContent.ABSENT);
    json.put("has_file_meta", m.hasFileMeta());
    json.put("preamble", m.preamble().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    json.put("modality", m.modality());
    json.put("sop_class_uid", m.sopClassUid());
    json.put("rows", p.rows());
    json.put("columns", p.columns());
    json.put("number_of_frames", m.hasPixelData() ? p.numberOfFrames() : null);
    json.put("samples_per_pixel", p.samplesPerPixel());
    json.put("bits_allocated", p.bitsAllocated());
    json.put("bits_stored", p.bitsStored());
    json.put("high_bit", p.highBit());
    json.put("pixel_representation", p.pixelRepresentation());
    json.put("photometric_interpretation", p.photometricInterpretation());
    json.put("planar_configuration", p.planarConfiguration());
    Optional<Rescale> rescale = m.modalityLut().declared();
    json.put("rescale_slope", rescale.map(Rescale::slope).orElse(null));
    json.put("rescale_intercept", rescale.map(Rescale::intercept).orElse(null));
    json.put("rescale_source", m.modalityLut().source().label());
    json.put("window_center", oneOrMany(m.window().centers()));
    json.put("window_width", oneOrMany(m.window().widths()));
    json.put("has_pixel_data", m.hasPixelData());
    json.put("ct_training", CtSuitability.refusal(m).orElse("ok"));
    if (image != null) {
      PixelStatistics stats = image.pixels().statistics(m.modalityLut());
      json.put("min", stats.min());
      json.put("max", stats.max());
      json.put("mean", stats.mean());
      json.put("sha256", image.pixels().canonicalSha256());
    }
    if (showPhi) {
      json.put("identifying", identifying(parsed));
    }
    return json;
  }

  /** A few readable lines for people. */
  public String toText(boolean showPhi) {
    StringBuilder out = new StringBuilder(file).append('\n');
    if (parsed == null) {
      line(out, "error", error);
      return out.toString();
    }
    DicomMetadata m = parsed.metadata();
    PixelModule p = m.pixelModule();
    line(out, "transfer syntax", m.transferSyntax().displayName() + " (" + m.transferSyntax().uid() + ")"
        + (m.transferSyntaxInferred() ? ", inferred: no File Meta" : ""));
    if (m.preamble().isExecutable()) {
      line(out, "WARNING", "preamble holds an executable header (" + m.preamble().name() + ")");
    }
    line(out, "modality", String.valueOf(m.modality()));
    line(out, "SOP class", String.valueOf(m.sopClassUid()));
    if (m.hasPixelData()) {
      line(out, "image", p.columns() + " x " + p.rows() + ", " + p.numberOfFrames() + " frame(s), "
          + p.samplesPerPixel() + " sample(s), " + p.bitsStored() + " of " + p.bitsAllocated() + " bits, "
          + (Integer.valueOf(1).equals(p.pixelRepresentation()) ? "signed" : "unsigned") + ", "
          + p.photometricInterpretation());
    } else {
      line(out, "image", "none (no Pixel Data)");
    }
    m.modalityLut().declared().ifPresent(r -> line(out, "modality LUT",
        "slope " + number(r.slope()) + ", intercept " + number(r.intercept()) + " ("
            + m.modalityLut().source().label() + ")"));
    if (m.window().isPresent()) {
      line(out, "window", "centre " + numbers(m.window().centers()) + ", width " + numbers(m.window().widths()));
    }
    if (image != null) {
      PixelStatistics s = image.pixels().statistics(m.modalityLut());
      line(out, "values", String.format(Locale.ROOT, "min %s, max %s, mean %.4f (after modality LUT)",
          number(s.min()), number(s.max()), s.mean()));
      line(out, "pixel sha256", image.pixels().canonicalSha256());
    }
    line(out, "CT training", CtSuitability.refusal(m).map(r -> "refused: " + r).orElse("usable"));
    if (error != null) {
      line(out, "error", error);
    }
    if (showPhi) {
      out.append("  identifying attributes (shown because of --show-phi)\n");
      identifying(parsed).forEach((k, v) -> {
        if (v != null) {
          out.append(String.format("    %-26s %s%n", k, v));
        }
      });
    }
    return out.toString();
  }

  private static Map<String, Object> identifying(DicomFile parsed) {
    PatientIdentity id = parsed.identity();
    InstanceUids uids = parsed.metadata().uids();
    Map<String, Object> phi = new LinkedHashMap<>();
    phi.put("patient_name", id.patientName());
    phi.put("patient_id", id.patientId());
    phi.put("patient_birth_date", id.birthDate());
    phi.put("patient_sex", id.sex());
    phi.put("patient_age", id.age());
    phi.put("other_patient_ids", id.otherPatientIds());
    phi.put("accession_number", id.accessionNumber());
    phi.put("study_date", id.studyDate());
    phi.put("study_id", id.studyId());
    phi.put("institution_name", id.institutionName());
    phi.put("referring_physician_name", id.referringPhysicianName());
    phi.put("study_instance_uid", uids.studyInstanceUid());
    phi.put("series_instance_uid", uids.seriesInstanceUid());
    phi.put("sop_instance_uid", uids.sopInstanceUid());
    return phi;
  }

  private static Object oneOrMany(List<Double> values) {
    return values.isEmpty() ? null : values.size() == 1 ? values.get(0) : values;
  }

  private static String numbers(List<Double> values) {
    return String.join("\\", values.stream().map(Inspection::number).toList());
  }

  /** 40 rather than 40.0; other values as Java prints them. */
  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format("  %-16s %s%n", label, value));
  }
}
