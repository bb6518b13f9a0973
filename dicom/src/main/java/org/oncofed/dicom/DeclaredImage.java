package org.oncofed.dicom;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The size of the image a data set declares (Rows, Columns, Samples per Pixel, Bits Allocated,
 * Number of Frames), read without judging the rest of the pixel module: the most uncompressed
 * pixel data any valid data set with these attributes can hold. {@link DeflatedDataSet} bounds
 * inflation with it before the data set is whole; {@link PixelFormat} is the validated form that
 * decoders use.
 */
record DeclaredImage(int rows, int columns, int samplesPerPixel, int bitsAllocated, int frames) {

  /** Bits Allocated above this is no pixel format DICOM defines (64 is Double Float Pixel Data). */
  private static final int MAX_BITS_ALLOCATED = 64;

  /** The declared image, or empty when the data set does not (yet) state its size. */
  static Optional<DeclaredImage> of(DataSet ds) throws DicomFormatException {
    OptionalInt rows = ds.uint16(Tag.ROWS);
    OptionalInt columns = ds.uint16(Tag.COLUMNS);
    OptionalInt samples = ds.uint16(Tag.SAMPLES_PER_PIXEL);
    OptionalInt bits = ds.uint16(Tag.BITS_ALLOCATED);
    if (rows.isEmpty() || columns.isEmpty() || samples.isEmpty() || bits.isEmpty()) {
      return Optional.empty();
    }
    if (bits.getAsInt() > MAX_BITS_ALLOCATED) {
      throw DicomFormatException.malformed(
          "Bits Allocated must be at most " + MAX_BITS_ALLOCATED + ", found " + bits.getAsInt());
    }
    int frames = ds.integerString(Tag.NUMBER_OF_FRAMES).orElse(1);
    if (frames < 1) {
      throw DicomFormatException.malformed("Number of Frames must be at least 1, found " + frames);
    }
    return Optional.of(new DeclaredImage(
        rows.getAsInt(), columns.getAsInt(), samples.getAsInt(), bits.getAsInt(), frames));
  }

  /** Bytes of native pixel data the declaration accounts for, saturating at Long.MAX_VALUE. */
  long pixelBytes() {
    long bitsPerFrame = (long) rows * columns * samplesPerPixel * bitsAllocated;
    long bytesPerFrame = (bitsPerFrame + 7) / 8;
    return bytesPerFrame > Long.MAX_VALUE / frames ? Long.MAX_VALUE : bytesPerFrame * frames;
  }

  /** For messages: {@code 8x8 x 1 frames x 1 samples at 16 bits}. */
  String describe() {
    return columns + "x" + rows + " x " + frames + " frames x " + samplesPerPixel + " samples at "
        + bitsAllocated + " bits";
  }
}
