package org.oncofed.dicom;

import java.nio.ByteBuffer;

/**
 * Decodes one frame of pixel data. Implementations are chosen by transfer syntax ({@link
 * FrameDecoders}) and write {@code rows x columns x samples} values, interleaved per pixel, with
 * the stored value in the low bits (masking and sign extension to Bits Stored follow).
 */
interface FrameDecoder {

  /**
   * @param frame the frame's bytes, from position 0 to the limit, in the data set's byte order
   * @param out receives the frame's samples starting at {@code offset}
   */
  void decode(ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException;
}
