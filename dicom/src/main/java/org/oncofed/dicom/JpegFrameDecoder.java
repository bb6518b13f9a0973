package org.oncofed.dicom;

import java.nio.ByteBuffer;

/**
 * JPEG frames, routed by their frame header: lossless (SOF3) and 8-bit DCT to TwelveMonkeys,
 * 12-bit sequential DCT to {@link JpegDctDecoder} (ImageIO has no 12-bit decoder). Hierarchical and
 * arithmetic-coded processes are refused by name. The frame header's size and components must be
 * the data set's before any decoder sees the stream, so none allocates for a larger image.
 */
final class JpegFrameDecoder implements FrameDecoder {

  private final FrameDecoder imageIo = new ImageIoFrameDecoder("JPEG", ImageIoReaders::jpeg);

  @Override
  public void decode(ByteBuffer frame, PixelFormat format, int frameIndex, int[] out, int offset)
      throws DicomFormatException {
    byte[] bytes = new byte[frame.limit()];
    frame.get(0, bytes);
    FrameHeader sof = findFrameHeader(bytes, frameIndex);
    int marker = sof.marker();
    int precision = sof.precision();
    if (marker < 0xC0 || marker > 0xC3) {
      throw DicomFormatException.unsupported(
          "frame " + frameIndex + ": JPEG process with frame header 0xFF"
              + Integer.toHexString(marker).toUpperCase()
              + " (hierarchical or arithmetic coding) is not supported");
    }
    if (marker == 0xC2 && precision != 8) {
      throw DicomFormatException.unsupported(
          "frame " + frameIndex + ": progressive JPEG with " + precision
              + "-bit precision is not supported");
    }
    sof.requireDeclared(format, frameIndex);
    if (marker == 0xC3 || precision == 8) {
      imageIo.decode(frame, format, frameIndex, out, offset);
    } else {
      JpegDctDecoder.decode(bytes, format, frameIndex, out, offset);
    }
  }

  /** A frame header (ITU T.81 B.2.2): the coding process, precision, size and components. */
  private record FrameHeader(int marker, int precision, int height, int width, int components) {

    void requireDeclared(PixelFormat format, int frameIndex) throws DicomFormatException {
      if (width != format.columns() || height != format.rows()) {
        throw DicomFormatException.malformed(
            "frame " + frameIndex + ": JPEG codestream is " + width + "x" + height
                + " but the data set says " + format.columns() + "x" + format.rows());
      }
      if (components != format.samplesPerPixel()) {
        throw DicomFormatException.malformed(
            "frame " + frameIndex + ": JPEG codestream has " + components
                + " components but Samples per Pixel is " + format.samplesPerPixel());
      }
    }
  }

  private static FrameHeader findFrameHeader(byte[] data, int frameIndex)
      throws DicomFormatException {
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
        if (pos + 10 > data.length) {
          break;
        }
        return new FrameHeader(
            marker, data[pos + 4] & 0xFF, u16(data, pos + 5), u16(data, pos + 7), data[pos + 9] & 0xFF);
      }
      if (marker == 0xDA || marker == 0xD9) {
        break;
      }
      pos += 2 + ((data[pos + 2] & 0xFF) << 8 | (data[pos + 3] & 0xFF));
    }
    throw DicomFormatException.malformed("frame " + frameIndex + ": JPEG data has no frame header");
  }

  private static int u16(byte[] data, int at) {
    return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
  }
}
