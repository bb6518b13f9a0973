package org.oncofed.dicom;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import com.github.jaiimageio.jpeg2000.impl.J2KImageWriterSpi;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real JPEG and JPEG 2000 codestreams of a small grey gradient, encoded by ImageIO writers, and
 * copies whose headers are rewritten to declare something else (a larger image, other tiles,
 * precincts or layers) while the coded data stays the same.
 */
final class Codestreams {

  private static final int SOF0 = 0xFFC0;
  private static final int SIZ = 0xFF51;
  private static final int COD = 0xFF52;

  private Codestreams() {}

  /** A baseline JPEG of 8-bit grey. */
  static byte[] jpeg(int width, int height) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    return encode(writer, gradient(width, height), writer.getDefaultWriteParam());
  }

  /** A lossless JPEG 2000 codestream (no JP2 wrapper) of 8-bit grey. */
  static byte[] jpeg2000(int width, int height) {
    return jpeg2000(width, height, true);
  }

  /** The same image as a JP2 file: the codestream in a box after the file's header boxes. */
  static byte[] jp2(int width, int height) {
    return jpeg2000(width, height, false);
  }

  private static byte[] jpeg2000(int width, int height, boolean codestreamOnly) {
    J2KImageWriteParam param = new J2KImageWriteParam();
    param.setWriteCodeStreamOnly(codestreamOnly);
    param.setLossless(true);
    try {
      return encode(new J2KImageWriterSpi().createWriterInstance(), gradient(width, height), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JPEG with its baseline frame header declaring another size. */
  static byte[] withFrameSize(byte[] jpeg, int width, int height) {
    byte[] copy = jpeg.clone();
    ByteBuffer b = ByteBuffer.wrap(copy);
    int sof = segment(copy, 2, SOF0);
    b.putShort(sof + 5, (short) height).putShort(sof + 7, (short) width);
    return copy;
  }

  /** The JPEG 2000 codestream with its SIZ declaring square tiles of {@code size}. */
  static byte[] withTileSize(byte[] codestream, int size) {
    byte[] copy = codestream.clone();
    int siz = segment(copy, 2, SIZ);
    ByteBuffer.wrap(copy).putInt(siz + 22, size).putInt(siz + 26, size);
    return copy;
  }

  /**
   * The JPEG 2000 codestream with its main COD declaring {@code layers} quality layers and
   * precincts of {@code 2^precinctExponent} on each side at every resolution level.
   */
  static byte[] withCodingStyle(byte[] codestream, int layers, int precinctExponent) {
    int cod = segment(codestream, 2, COD);
    int length = u16(codestream, cod + 2);
    int levels = codestream[cod + 9] & 0xFF;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(codestream, 0, cod);
    ByteBuffer segment = ByteBuffer.allocate(2 + 12 + levels + 1);
    segment.putShort((short) COD).putShort((short) (12 + levels + 1))
        .put((byte) (codestream[cod + 4] | 1))
        .put(codestream[cod + 5])
        .putShort((short) layers)
        .put(codestream, cod + 8, 6);
    for (int r = 0; r <= levels; r++) {
      segment.put((byte) (precinctExponent << 4 | precinctExponent));
    }
    out.writeBytes(segment.array());
    int rest = cod + 2 + length;
    out.write(codestream, rest, codestream.length - rest);
    return out.toByteArray();
  }

  /** Offset of the first marker segment {@code marker} in a header, walking from {@code from}. */
  private static int segment(byte[] data, int from, int marker) {
    int pos = from;
    while (u16(data, pos) != marker) {
      pos += 2 + u16(data, pos + 2);
    }
    return pos;
  }

  private static int u16(byte[] data, int at) {
    return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
  }

  private static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setSample(x, y, 0, (x + y) & 0xFF);
      }
    }
    return image;
  }

  private static byte[] encode(
      ImageWriter writer, BufferedImage image, javax.imageio.ImageWriteParam param) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
