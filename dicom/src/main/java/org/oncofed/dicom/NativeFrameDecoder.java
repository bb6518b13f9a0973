package org.oncofed.dicom;

import java.nio.ByteBuffer;

/** Uncompressed frames: 8, 16 or 32-bit cells in the data set's byte order (PS3.5 8.1). */
final class NativeFrameDecoder implements FrameDecoder {

  @Override
  public void decode(ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException {
    long needed = format.nativeFrameBytes();
    if (frame.limit() < needed) {
      throw DicomFormatException.truncated(
          "frame " + frameIndex + " needs " + needed + " bytes but only " + frame.limit() + " remain");
    }
    int shift = format.highBit() + 1 - format.bitsStored();
    int pixels = format.pixelsPerFrame();
    int samples = format.samplesPerPixel();
    if ("YBR_FULL_422".equals(format.photometric())) {
      decodeYbr422(frame, format, frameIndex, out, offset, shift);
      return;
    }
    boolean planar = format.planarConfiguration() == 1;
    for (int p = 0; p < pixels; p++) {
      for (int s = 0; s < samples; s++) {
        int source = planar ? s * pixels + p : p * samples + s;
        out[offset + p * samples + s] = cell(frame, format, source) >>> shift;
      }
    }
  }

  /** Two pixels share one chroma pair: Y0 Y1 Cb Cr becomes (Y0 Cb Cr) (Y1 Cb Cr). */
  private static void decodeYbr422(
      ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset, int shift)
      throws DicomFormatException {
    if (format.columns() % 2 != 0) {
      throw DicomFormatException.malformed(
          "frame " + frameIndex + ": YBR_FULL_422 needs an even number of columns, found "
              + format.columns());
    }
    int pairs = format.pixelsPerFrame() / 2;
    for (int i = 0; i < pairs; i++) {
      int y0 = cell(frame, format, 4 * i) >>> shift;
      int y1 = cell(frame, format, 4 * i + 1) >>> shift;
      int cb = cell(frame, format, 4 * i + 2) >>> shift;
      int cr = cell(frame, format, 4 * i + 3) >>> shift;
      int at = offset + 6 * i;
      out[at] = y0;
      out[at + 1] = cb;
      out[at + 2] = cr;
      out[at + 3] = y1;
      out[at + 4] = cb;
      out[at + 5] = cr;
    }
  }

  private static int cell(ByteBuffer frame, PixelFormat format, int index) {
    return switch (format.bytesPerSample()) {
      case 1 -> frame.get(index) & 0xFF;
      case 2 -> frame.getShort(2 * index) & 0xFFFF;
      default -> frame.getInt(4 * index);
    };
  }
}
