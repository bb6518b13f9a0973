package org.oncofed.dicom;

import jakarta.annotation.Nullable;

/**
 * Image Pixel module attributes as the file states them (PS3.3 C.7.6.3); null where absent.
 * {@link PixelFormat} is the validated form decoders work from.
 *
 * @param numberOfFrames 1 when the file has no Number of Frames
 */
public record PixelModule(
    @Nullable Integer rows,
    @Nullable Integer columns,
    int numberOfFrames,
    @Nullable Integer samplesPerPixel,
    @Nullable Integer bitsAllocated,
    @Nullable Integer bitsStored,
    @Nullable Integer highBit,
    @Nullable Integer pixelRepresentation,
    @Nullable String photometricInterpretation,
    @Nullable Integer planarConfiguration) {

  /** True for photometric interpretations with one grey sample per pixel. */
  public boolean isMonochrome() {
    return "MONOCHROME1".equals(photometricInterpretation)
        || "MONOCHROME2".equals(photometricInterpretation);
  }
}
