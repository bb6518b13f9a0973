package org.oncofed.dicom;

import java.nio.ByteBuffer;

/**
 * JPEG frames, routed by their frame header: lossless (SOF3) and 8-bit DCT to TwelveMonkeys,
 * 12-bit sequential DCT to {@link JpegDctDecoder} (ImageIO has no 12-bit decoder). Hierarchical and
 * arithmetic-coded processes are refused by name.
 */
final class JpegFrameDecoder implements FrameDecoder {

  private final FrameDecoder imageIo = new ImageIoFrameDecoder("JPEG", ImageIoReaders::jpeg);

  @Override
  public void decode(ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException {
    byte[] bytes = new byte[frame.limit()];
    frame.get(0, bytes);
    int[] sof = findFrameHeader(bytes, frameIndex);
    int marker = sof[0];
    int precision = sof[1];
    switch (marker) {
      case 0xC3 -> imageIo.decode(frame, format, frameIndex, out, offset);
      case 0xC0, 0xC1, 0xC2 -> {
        if (precision == 8) {
          imageIo.decode(frame, format, frameIndex, out, offset);
        } else if (marker != 0xC2) {
          JpegDctDecoder.decode(bytes, format, frameIndex, out, offset);
        } else {
          throw DicomFormatException.unsupported(
              "frame " + frameIndex + ": progressive JPEG with " + precision
                  + "-bit precision is not supported");
        }
      }
      default -> throw DicomFormatException.unsupported(
          "frame " + frameIndex + ": JPEG process with frame header 0xFF"
              + Integer.toHexString(marker).toUpperCase()
              + " (hierarchical or arithmetic coding) is not supported");
    }
  }

  /** Returns the SOF marker and sample precision of a JPEG stream. */
  private static int[] findFrameHeader(byte[] data, int frameIndex) throws DicomFormatException {
    if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
      throw DicomFormatException.malformed(
          "frame " + frameIndex + ": JPEG data does not start with an SOI marker");
    }
    int pos = 2;
    while (pos + 4 <= data.length) {
      if ((data[pos] & 0xFF) != 0xFF) {
        throw DicomFormatException.malformed(
            "frame " + frameIndex + ": expected a JPEG marker at offset " + pos);
      }
      int marker = data[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        if (pos + 5 > data.length) {
          break;
        }
        return new int[] {marker, data[pos + 4] & 0xFF};
      }
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      pos += 2 + ((data[pos + 2] & 0xFF) << 8 | (data[pos + 3] & 0xFF));
    }
    throw DicomFormatException.malformed("frame " + frameIndex + ": JPEG data has no frame header");
  }
}
