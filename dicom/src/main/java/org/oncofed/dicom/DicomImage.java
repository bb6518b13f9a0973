package org.oncofed.dicom;

/** A parsed file with its pixels decoded to canonical stored values. */
public record DicomImage(DicomMetadata metadata, PatientIdentity identity, PixelArray pixels) {

  /** Stored values through the modality LUT (Hounsfield units for CT), one frame, row-major. */
  public float[] modalityFrame(int frame) {
    return pixels.modalityFrame(frame, metadata.modalityLut().forFrame(frame));
  }
}
