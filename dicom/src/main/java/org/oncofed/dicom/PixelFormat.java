package org.oncofed.dicom;

import java.util.Set;

/**
 * The Image Pixel module, validated: everything a decoder needs, consistent with itself. Built
 * from {@link PixelModule}; each refusal names the attribute, what was found and what is allowed.
 */
record PixelFormat(
    int rows,
    int columns,
    int frames,
    int samplesPerPixel,
    int bitsAllocated,
    int bitsStored,
    int highBit,
    boolean signed,
    String photometric,
    int planarConfiguration) {

  private static final Set<String> MONOCHROME = Set.of("MONOCHROME1", "MONOCHROME2", "PALETTE COLOR");
  private static final Set<String> THREE_SAMPLES =
      Set.of("RGB", "YBR_FULL", "YBR_FULL_422", "YBR_ICT", "YBR_RCT", "YBR_PARTIAL_420");

  static PixelFormat of(PixelModule m) throws DicomFormatException {
    int rows = positive(m.rows(), Tag.ROWS);
    int columns = positive(m.columns(), Tag.COLUMNS);
    int frames = m.numberOfFrames();
    int samples = required(m.samplesPerPixel(), Tag.SAMPLES_PER_PIXEL);
    int allocated = required(m.bitsAllocated(), Tag.BITS_ALLOCATED);
    if (allocated != 8 && allocated != 16 && allocated != 32) {
      throw DicomFormatException.unsupported(
          "Bits Allocated " + allocated + " is not supported (expected 8, 16 or 32)");
    }
    int stored = required(m.bitsStored(), Tag.BITS_STORED);
    if (stored < 1 || stored > allocated) {
      throw DicomFormatException.malformed(
          "Bits Stored must be in 1.." + allocated + " (Bits Allocated), found " + stored);
    }
    int highBit = m.highBit() == null ? stored - 1 : m.highBit();
    if (highBit < stored - 1 || highBit >= allocated) {
      throw DicomFormatException.malformed(
          "High Bit must be in " + (stored - 1) + ".." + (allocated - 1) + ", found " + highBit);
    }
    int representation = required(m.pixelRepresentation(), Tag.PIXEL_REPRESENTATION);
    if (representation != 0 && representation != 1) {
      throw DicomFormatException.malformed(
          "Pixel Representation must be 0 (unsigned) or 1 (signed), found " + representation);
    }
    String photometric = m.photometricInterpretation();
    if (photometric == null) {
      throw DicomFormatException.malformed(
          Tag.describe(Tag.PHOTOMETRIC_INTERPRETATION) + " is missing");
    }
    int expectedSamples = MONOCHROME.contains(photometric) ? 1 : THREE_SAMPLES.contains(photometric) ? 3 : 0;
    if (expectedSamples == 0) {
      throw DicomFormatException.unsupported(
          "Photometric Interpretation " + photometric + " is not supported");
    }
    if (samples != expectedSamples) {
      throw DicomFormatException.malformed(
          "Samples per Pixel must be " + expectedSamples + " for " + photometric + ", found " + samples);
    }
    int planar = m.planarConfiguration() == null || samples == 1 ? 0 : m.planarConfiguration();
    if (planar != 0 && planar != 1) {
      throw DicomFormatException.malformed(
          "Planar Configuration must be 0 or 1, found " + planar);
    }
    return new PixelFormat(
        rows, columns, frames, samples, allocated, stored, highBit, representation == 1, photometric,
        planar);
  }

  int pixelsPerFrame() {
    return rows * columns;
  }

  long samplesPerFrame() {
    return (long) rows * columns * samplesPerPixel;
  }

  long totalSamples() {
    return samplesPerFrame() * frames;
  }

  /** For messages: {@code 512x512 x 1 frames x 1 samples at 16 bits}. */
  String describe() {
    return new DeclaredImage(rows, columns, samplesPerPixel, bitsAllocated, frames).describe();
  }

  int bytesPerSample() {
    return bitsAllocated / 8;
  }

  /** Bytes one native (uncompressed) frame occupies; YBR_FULL_422 shares chroma between pairs. */
  long nativeFrameBytes() {
    long pixels = (long) rows * columns;
    long samplesStored = "YBR_FULL_422".equals(photometric) ? pixels * 2 : pixels * samplesPerPixel;
    return samplesStored * bytesPerSample();
  }

  private static int required(Integer value, int tag) throws DicomFormatException {
    if (value == null) {
      throw DicomFormatException.malformed(Tag.describe(tag) + " is missing");
    }
    return value;
  }

  private static int positive(Integer value, int tag) throws DicomFormatException {
    int v = required(value, tag);
    if (v < 1) {
      throw DicomFormatException.malformed(Tag.describe(tag) + " must be at least 1, found " + v);
    }
    return v;
  }
}
