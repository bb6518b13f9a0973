package org.oncofed.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Reads {@link DicomMetadata} and {@link PatientIdentity} out of a parsed data set. Enhanced
 * multi-frame objects keep rescale, window and spacing in functional groups; those are read from
 * the top level first, then the shared group, then the per-frame groups.
 */
final class MetadataExtractor {

  private static final Map<String, Charset> CHARSETS =
      Map.of(
          "ISO_IR 100", StandardCharsets.ISO_8859_1,
          "ISO_IR 192", StandardCharsets.UTF_8,
          "ISO_IR 101", Charset.forName("ISO-8859-2"),
          "ISO_IR 144", Charset.forName("ISO-8859-5"),
          "ISO_IR 126", Charset.forName("ISO-8859-7"),
          "ISO_IR 148", Charset.forName("ISO-8859-9"),
          "GB18030", Charset.forName("GB18030"));

  private MetadataExtractor() {}

  static DicomFile extract(Part10Header header, DataSet ds) throws DicomFormatException {
    String sopClass = ds.string(Tag.SOP_CLASS_UID)
        .or(() -> header.fileMeta() == null
            ? Optional.empty()
            : header.fileMeta().string(Tag.MEDIA_STORAGE_SOP_CLASS_UID))
        .orElse(null);
    int frames = ds.integerString(Tag.NUMBER_OF_FRAMES).orElse(1);
    if (frames < 1) {
      throw DicomFormatException.malformed("Number of Frames must be at least 1, found " + frames);
    }
    PixelModule pixels = new PixelModule(
        boxed(ds.uint16(Tag.ROWS)),
        boxed(ds.uint16(Tag.COLUMNS)),
        frames,
        boxed(ds.uint16(Tag.SAMPLES_PER_PIXEL)),
        boxed(ds.uint16(Tag.BITS_ALLOCATED)),
        boxed(ds.uint16(Tag.BITS_STORED)),
        boxed(ds.uint16(Tag.HIGH_BIT)),
        boxed(ds.uint16(Tag.PIXEL_REPRESENTATION)),
        ds.string(Tag.PHOTOMETRIC_INTERPRETATION).orElse(null),
        boxed(ds.uint16(Tag.PLANAR_CONFIGURATION)));
    Charset charset = charset(ds);
    DicomMetadata metadata = new DicomMetadata(
        header.transferSyntax(),
        header.transferSyntaxInferred(),
        header.preamble(),
        header.hasFileMeta(),
        sopClass,
        ds.string(Tag.MODALITY).orElse(null),
        ds.string(Tag.MANUFACTURER, charset).orElse(null),
        ds.string(Tag.CONVOLUTION_KERNEL, charset).orElse(null),
        new InstanceUids(
            ds.string(Tag.STUDY_INSTANCE_UID).orElse(null),
            ds.string(Tag.SERIES_INSTANCE_UID).orElse(null),
            ds.string(Tag.SOP_INSTANCE_UID).orElse(null)),
        pixels,
        ds.contains(Tag.PIXEL_DATA)
            || ds.contains(Tag.FLOAT_PIXEL_DATA)
            || ds.contains(Tag.DOUBLE_FLOAT_PIXEL_DATA),
        modalityLut(ds, frames),
        window(ds),
        pixelSpacing(ds));
    PatientIdentity identity = new PatientIdentity(
        ds.string(Tag.PATIENT_NAME, charset).orElse(null),
        ds.string(Tag.PATIENT_ID, charset).orElse(null),
        ds.string(Tag.PATIENT_BIRTH_DATE).orElse(null),
        ds.string(Tag.PATIENT_SEX).orElse(null),
        ds.string(Tag.PATIENT_AGE).orElse(null),
        ds.string(Tag.OTHER_PATIENT_IDS, charset).orElse(null),
        ds.string(Tag.ACCESSION_NUMBER, charset).orElse(null),
        ds.string(Tag.STUDY_DATE).orElse(null),
        ds.string(Tag.STUDY_ID, charset).orElse(null),
        ds.string(Tag.INSTITUTION_NAME, charset).orElse(null),
        ds.string(Tag.REFERRING_PHYSICIAN_NAME, charset).orElse(null));
    return new DicomFile(metadata, identity);
  }

  private static ModalityLut modalityLut(DataSet ds, int frames) throws DicomFormatException {
    Optional<Rescale> top = rescale(ds);
    if (top.isPresent()) {
      return new ModalityLut(ModalityLut.Source.TOP_LEVEL, List.of(top.get()));
    }
    Optional<DataSet> shared = ds.firstItem(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE)
        .flatMap(g -> g.firstItem(Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE));
    if (shared.isPresent()) {
      Optional<Rescale> r = rescale(shared.get());
      if (r.isPresent()) {
        return new ModalityLut(ModalityLut.Source.SHARED_FUNCTIONAL_GROUP, List.of(r.get()));
      }
    }
    List<DataSet> perFrame = ds.sequence(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    List<Rescale> rescales = new ArrayList<>();
    for (DataSet group : perFrame) {
      Optional<DataSet> transformation = group.firstItem(Tag.PIXEL_VALUE_TRANSFORMATION_SEQUENCE);
      Optional<Rescale> r = transformation.isPresent() ? rescale(transformation.get()) : Optional.empty();
      if (r.isEmpty()) {
        return ModalityLut.NONE;
      }
      rescales.add(r.get());
    }
    if (rescales.isEmpty()) {
      return ModalityLut.NONE;
    }
    if (rescales.size() != frames) {
      throw DicomFormatException.malformed(
          "Per-Frame Functional Groups Sequence has " + rescales.size() + " items for " + frames
              + " frames");
    }
    return new ModalityLut(ModalityLut.Source.PER_FRAME_FUNCTIONAL_GROUP, rescales);
  }

  /** Slope and intercept of one data set; a lone slope or intercept takes the other's default. */
  private static Optional<Rescale> rescale(DataSet ds) throws DicomFormatException {
    OptionalDouble slope = ds.decimal(Tag.RESCALE_SLOPE);
    OptionalDouble intercept = ds.decimal(Tag.RESCALE_INTERCEPT);
    if (slope.isEmpty() && intercept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Rescale(slope.orElse(1), intercept.orElse(0)));
  }

  private static VoiWindow window(DataSet ds) throws DicomFormatException {
    for (DataSet source : windowSources(ds)) {
      double[] centers = source.decimals(Tag.WINDOW_CENTER);
      double[] widths = source.decimals(Tag.WINDOW_WIDTH);
      if (centers.length > 0 && widths.length > 0) {
        return new VoiWindow(boxed(centers), boxed(widths));
      }
    }
    return VoiWindow.NONE;
  }

  private static List<DataSet> windowSources(DataSet ds) {
    List<DataSet> sources = new ArrayList<>();
    sources.add(ds);
    ds.firstItem(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE)
        .flatMap(g -> g.firstItem(Tag.FRAME_VOI_LUT_SEQUENCE))
        .ifPresent(sources::add);
    ds.firstItem(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE)
        .flatMap(g -> g.firstItem(Tag.FRAME_VOI_LUT_SEQUENCE))
        .ifPresent(sources::add);
    return sources;
  }

  private static PixelSpacing pixelSpacing(DataSet ds) throws DicomFormatException {
    List<DataSet> sources = new ArrayList<>();
    sources.add(ds);
    ds.firstItem(Tag.SHARED_FUNCTIONAL_GROUPS_SEQUENCE)
        .flatMap(g -> g.firstItem(Tag.PIXEL_MEASURES_SEQUENCE))
        .ifPresent(sources::add);
    ds.firstItem(Tag.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE)
        .flatMap(g -> g.firstItem(Tag.PIXEL_MEASURES_SEQUENCE))
        .ifPresent(sources::add);
    for (DataSet source : sources) {
      double[] spacing = source.decimals(Tag.PIXEL_SPACING);
      if (spacing.length == 2) {
        return new PixelSpacing(spacing[0], spacing[1]);
      }
    }
    return null;
  }

  /** The first character set named (code extensions are read with their default repertoire). */
  private static Charset charset(DataSet ds) {
    List<String> names = ds.strings(Tag.SPECIFIC_CHARACTER_SET);
    for (String name : names) {
      Charset c = CHARSETS.get(name);
      if (c != null) {
        return c;
      }
    }
    return names.isEmpty() || names.get(0).isEmpty() ? StandardCharsets.US_ASCII : StandardCharsets.ISO_8859_1;
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  private static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}
