package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits segment per
 * byte of each sample, most significant byte first. Output is bounded by the frame size whatever
 * the segments claim, and a segment holding runs for more than its frame is refused: beyond one
 * row of padding (which some encoders write), the rest of it is counted, never decoded.
 */
final class RleFrameDecoder implements FrameDecoder {

  private static final int HEADER_BYTES = 64;

  @Override
  public void decode(ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException {
    ByteBuffer in = frame.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    int length = in.limit();
    if (length < HEADER_BYTES) {
      throw DicomFormatException.truncated(
          "frame " + frameIndex + ": RLE header needs 64 bytes, found " + length);
    }
    int bytesPerSample = format.bytesPerSample();
    int expectedSegments = format.samplesPerPixel() * bytesPerSample;
    long segments = in.getInt(0) & 0xFFFFFFFFL;
    if (segments != expectedSegments) {
      throw DicomFormatException.malformed(
          "frame " + frameIndex + ": RLE header declares " + segments + " segments, expected "
              + expectedSegments + " (" + format.samplesPerPixel() + " samples of "
              + format.bitsAllocated() + " bits)");
    }
    int[] starts = new int[expectedSegments + 1];
    for (int s = 0; s < expectedSegments; s++) {
      long start = in.getInt(4 + 4 * s) & 0xFFFFFFFFL;
      long previous = s == 0 ? HEADER_BYTES : starts[s];
      if (start < previous || start > length) {
        throw DicomFormatException.malformed(
            "frame " + frameIndex + ": RLE segment " + s + " offset " + start + " must be in "
                + previous + ".." + length);
      }
      starts[s] = (int) start;
    }
    starts[expectedSegments] = length;

    int pixels = format.pixelsPerFrame();
    int samples = format.samplesPerPixel();
    byte[] segment = new byte[pixels];
    Arrays.fill(out, offset, offset + pixels * samples, 0);
    for (int s = 0; s < expectedSegments; s++) {
      unpack(in, starts[s], starts[s + 1], segment, format.columns(), frameIndex, s);
      int sample = s / bytesPerSample;
      int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
      for (int p = 0; p < pixels; p++) {
        out[offset + p * samples + sample] |= (segment[p] & 0xFF) << shift;
      }
    }
    int alignShift = format.highBit() + 1 - format.bitsStored();
    if (alignShift != 0) {
      for (int i = offset, end = offset + pixels * samples; i < end; i++) {
        out[i] >>>= alignShift;
      }
    }
  }

  /**
   * PackBits: n in 0..127 copies n+1 bytes, n in -127..-1 repeats the next byte 1-n times.
   *
   * @param padding how many bytes the segment may decode to beyond {@code target}
   */
  private static void unpack(
      ByteBuffer in, int from, int to, byte[] target, int padding, int frame, int segment)
      throws DicomFormatException {
    int pos = from;
    int written = 0;
    while (written < target.length && pos < to) {
      int n = in.get(pos++);
      if (n >= 0) {
        int count = n + 1;
        if (to - pos < count || target.length - written < count) {
          throw malformedSegment(frame, segment, "literal run overruns the segment or the frame");
        }
        in.get(pos, target, written, count);
        pos += count;
        written += count;
      } else if (n != -128) {
        int count = 1 - n;
        if (pos >= to || target.length - written < count) {
          throw malformedSegment(frame, segment, "repeat run overruns the segment or the frame");
        }
        byte value = in.get(pos++);
        for (int i = 0; i < count; i++) {
          target[written++] = value;
        }
      }
    }
    if (written < target.length) {
      throw malformedSegment(
          frame, segment, "decodes to " + written + " bytes, expected " + target.length);
    }
    long beyond = decodedLength(in, pos, to);
    if (beyond > padding) {
      throw DicomFormatException.limit(
          "frame " + frame + ": RLE segment " + segment + " decodes to " + (written + beyond)
              + " bytes, expected " + target.length + " (one per pixel, plus at most " + padding
              + " of padding)");
    }
  }

  /** How many bytes the runs between {@code from} and {@code to} decode to, without decoding. */
  private static long decodedLength(ByteBuffer in, int from, int to) {
    long length = 0;
    int pos = from;
    while (pos < to) {
      int n = in.get(pos++);
      if (n >= 0) {
        int literal = Math.min(n + 1, to - pos);
        length += literal;
        pos += literal;
      } else if (n != -128 && pos < to) {
        length += 1 - n;
        pos++;
      }
    }
    return length;
  }

  private static DicomFormatException malformedSegment(int frame, int segment, String what) {
    return DicomFormatException.malformed("frame " + frame + ": RLE segment " + segment + " " + what);
  }
}
