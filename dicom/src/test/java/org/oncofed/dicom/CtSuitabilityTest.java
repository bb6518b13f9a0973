package org.oncofed.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CtSuitabilityTest {

  @Test
  void acceptsAMonochromeCtImage() {
    assertThat(CtSuitability.refusal(metadata("CT", "MONOCHROME2", 1, PreambleContent.ZEROS,
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))).isEmpty();
  }

  @Test
  void refusesColourEvenWhenTheModalityIsCt() {
    assertThat(CtSuitability.refusal(metadata("CT", "RGB", 3, PreambleContent.ZEROS,
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)))
        .contains("colour image (RGB, 3 samples per pixel) cannot be used for CT training");
  }

  @Test
  void refusesOtherModalities() {
    assertThat(CtSuitability.refusal(metadata("MR", "MONOCHROME2", 1, PreambleContent.ZEROS,
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))).contains("modality is MR, expected CT");
  }

  @Test
  void refusesExecutablePreamblesFirst() {
    assertThat(CtSuitability.refusal(metadata("CT", "MONOCHROME2", 1, PreambleContent.PE_EXECUTABLE,
        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)))
        .contains("preamble holds an executable header (PE_EXECUTABLE): DICOM/executable polyglot");
  }

  @Test
  void refusesSyntaxesWithoutADecoder() {
    assertThat(CtSuitability.refusal(metadata("CT", "MONOCHROME2", 1, PreambleContent.ZEROS,
        TransferSyntax.JPEG_LS_LOSSLESS)))
        .contains("unsupported transfer syntax: JPEG-LS Lossless Image Compression (1.2.840.10008.1.2.4.80)");
  }

  private static DicomMetadata metadata(
      String modality, String photometric, int samples, PreambleContent preamble, TransferSyntax syntax) {
    PixelModule pixels = new PixelModule(64, 64, 1, samples, 16, 12, 11, 0, photometric, 0);
    return new DicomMetadata(syntax, false, preamble, true, "1.2.840.10008.5.1.4.1.1.2", modality, null, null,
        new InstanceUids("1", "2", "3"), pixels, true, ModalityLut.NONE, VoiWindow.NONE, null);
  }
}
