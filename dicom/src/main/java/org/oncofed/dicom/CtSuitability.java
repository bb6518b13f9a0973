package org.oncofed.dicom;

import java.util.Optional;

/**
 * Whether a file can serve as a CT training slice. Anything can be inspected; only single-sample
 * CT images with a decoder and a clean preamble go into a training dataset.
 */
public final class CtSuitability {

  private CtSuitability() {}

  /** Why the file cannot be a CT training slice, or empty when it can. */
  public static Optional<String> refusal(DicomMetadata m) {
    if (m.preamble().isExecutable()) {
      return Optional.of("preamble holds an executable header (" + m.preamble().name()
          + "): DICOM/executable polyglot");
    }
    if (!m.hasPixelData()) {
      return Optional.of("no pixel data");
    }
    if (m.transferSyntax().codec() == TransferSyntax.Codec.NONE) {
      return Optional.of(m.transferSyntax().unsupportedMessage());
    }
    if (!"CT".equals(m.modality())) {
      return Optional.of("modality is " + (m.modality() == null ? "missing" : m.modality())
          + ", expected CT");
    }
    PixelModule p = m.pixelModule();
    if (!p.isMonochrome() || p.samplesPerPixel() == null || p.samplesPerPixel() != 1) {
      return Optional.of("colour image (" + p.photometricInterpretation() + ", "
          + p.samplesPerPixel() + " samples per pixel) cannot be used for CT training");
    }
    return Optional.empty();
  }
}
