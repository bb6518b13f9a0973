package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * What decoding an image may cost, derived from what its data set declares and checked before
 * anything is allocated for it: how many samples it decodes to, how much memory the read then
 * holds, and how much larger than its codestream each compressed frame claims to decode. Codecs
 * then never write more than the declared frame ({@link FrameDecoder}).
 */
final class DecodeBudget {

  /** Bytes per decoded sample: the canonical array holds one int each. */
  private static final int SAMPLE_BYTES = Integer.BYTES;

  /**
   * A codec decoding one frame may hold two more copies of it (its raster and the samples read
   * out of it) and two copies of its codestream (the codec's input and its own buffer).
   */
  private static final int WORKING_FRAMES = 2;
  private static final int WORKING_CODESTREAMS = 2;

  private DecodeBudget() {}

  /** Refuses an image that declares more samples than one image may decode to. */
  static void checkSamples(PixelFormat format, ReaderLimits limits) throws DicomFormatException {
    if (format.totalSamples() > limits.maxDecodedSamples()) {
      throw DicomFormatException.limit(
          "image of " + format.columns() + "x" + format.rows() + " x " + format.frames()
              + " frames x " + format.samplesPerPixel() + " samples = " + format.totalSamples()
              + " samples exceeds the limit of " + limits.maxDecodedSamples());
    }
  }

  /**
   * Refuses an image whose decoding would take the read past the memory it may hold.
   *
   * @param heldBytes what the read already holds (the data set's buffer)
   * @param codestreams the compressed frames; empty for native pixel data, which is read in place
   */
  static void checkMemory(
      PixelFormat format, long heldBytes, List<ByteBuffer> codestreams, ReaderLimits limits)
      throws DicomFormatException {
    long decoded = SAMPLE_BYTES * format.totalSamples();
    long working = 0;
    if (!codestreams.isEmpty()) {
      long largest = codestreams.stream().mapToLong(ByteBuffer::limit).max().orElseThrow();
      working = WORKING_FRAMES * SAMPLE_BYTES * format.samplesPerFrame()
          + WORKING_CODESTREAMS * largest;
    }
    limits.requireMemory(heldBytes + decoded + working, "decoding " + format.describe());
  }

  /** Refuses a compressed frame that claims to decode implausibly larger than its codestream. */
  static void checkFrame(int frameIndex, long encodedBytes, PixelFormat format, ReaderLimits limits)
      throws DicomFormatException {
    long decodedBytes = format.samplesPerFrame() * format.bytesPerSample();
    if (decodedBytes > encodedBytes * limits.maxCompressionRatio()) {
      throw DicomFormatException.limit(
          "frame " + frameIndex + " would decode " + encodedBytes + " bytes into " + decodedBytes
              + " (more than " + limits.maxCompressionRatio() + " times larger): implausible");
    }
  }
}
