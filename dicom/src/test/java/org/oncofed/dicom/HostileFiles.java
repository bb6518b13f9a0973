package org.oncofed.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Real DICOM files built to exhaust a reader's memory: a few kilobytes or megabytes that declare
 * a small image, or none, and expand to far more when decompressed. Shared with the node's tests
 * through this module's test jar.
 */
public final class HostileFiles {

  private static final String DEFLATED = TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid();
  private static final int PRIVATE_DATA = 0x00091010;
  private static final int ZEROS_PER_BLOCK = 1 << 20;

  private HostileFiles() {}

  /**
   * A deflated data set that declares a {@code rows x columns} image of 16 bits and whose Pixel
   * Data inflates to {@code inflatedBytes} of zeros: about a thousandth of that on disk.
   */
  static byte[] deflateBomb(int rows, int columns, long inflatedBytes) {
    byte[] head = DicomBytes.explicitLittle()
        .text(Tag.MODALITY, "CS", "CT")
        .monochrome16(rows, columns, 1, 16, false)
        .header(Tag.PIXEL_DATA, "OW", inflatedBytes)
        .toBytes();
    return DicomBytes.part10(DEFLATED, deflatedZeros(head, inflatedBytes));
  }

  /** A valid deflated image of zeros: a deflate bomb that holds just what it declares. */
  static byte[] deflatedImage(int rows, int columns) {
    return deflateBomb(rows, columns, 2L * rows * columns);
  }

  /** A deflated data set with no image attributes whose private data inflates to zeros. */
  static byte[] deflatedWithoutImage(long inflatedBytes) {
    byte[] head = DicomBytes.explicitLittle()
        .text(Tag.MODALITY, "CS", "OT")
        .header(PRIVATE_DATA, "OB", inflatedBytes)
        .toBytes();
    return DicomBytes.part10(DEFLATED, deflatedZeros(head, inflatedBytes));
  }

  /**
   * An RLE file that declares an 8x8 image of 16 bits, whose two segments each fill the frame
   * with one run and then hold repeat runs for about {@code segmentBytes} more (a 64th of that
   * encoded).
   */
  static byte[] rleBomb(int segmentBytes) {
    byte[] segment = new byte[2 + 2 * (segmentBytes / 128)];
    segment[0] = -63;
    for (int i = 2; i < segment.length; i += 2) {
      segment[i] = -127;
    }
    return rle8x8(segment);
  }

  /** An RLE file of an 8x8 image of 16 bits whose two segments are both {@code segment}. */
  static byte[] rle8x8(byte[] segment) {
    ByteBuffer frame = ByteBuffer.allocate(64 + 2 * segment.length).order(ByteOrder.LITTLE_ENDIAN);
    frame.putInt(0, 2).putInt(4, 64).putInt(8, 64 + segment.length);
    frame.put(64, segment).put(64 + segment.length, segment);
    return DicomBytes.part10(TransferSyntax.RLE_LOSSLESS.uid(), DicomBytes.explicitLittle()
        .text(Tag.MODALITY, "CS", "CT")
        .monochrome16(8, 8, 1, 16, false)
        .encapsulated(frame.array())
        .toBytes());
  }

  /** A JPEG file that declares an 8x8 image while its codestream's frame header says 65535x65535. */
  static byte[] jpegLargerThanDeclared() {
    byte[] jpeg = Codestreams.withFrameSize(Codestreams.jpeg(8, 8), 65535, 65535);
    return encapsulated8(TransferSyntax.JPEG_BASELINE, 8, 8, jpeg);
  }

  /** A JPEG 2000 file of a grey gradient, as the encoder wrote it. */
  static byte[] jpeg2000(int rows, int columns) {
    return encapsulated8(
        TransferSyntax.JPEG_2000_LOSSLESS, rows, columns, Codestreams.jpeg2000(columns, rows));
  }

  /** A 512x512 JPEG 2000 file whose codestream declares precincts of one sample at every level. */
  static byte[] jpeg2000OneSamplePrecincts() {
    byte[] codestream = Codestreams.withCodingStyle(Codestreams.jpeg2000(512, 512), 1, 0);
    return encapsulated8(TransferSyntax.JPEG_2000_LOSSLESS, 512, 512, codestream);
  }

  /** A 512x512 JPEG 2000 file whose codestream declares tiles of one sample. */
  static byte[] jpeg2000OneSampleTiles() {
    byte[] codestream = Codestreams.withTileSize(Codestreams.jpeg2000(512, 512), 1);
    return encapsulated8(TransferSyntax.JPEG_2000_LOSSLESS, 512, 512, codestream);
  }

  /** A 512x512 JPEG 2000 file whose codestream declares 65535 quality layers. */
  static byte[] jpeg2000ManyLayers() {
    byte[] codestream = Codestreams.withCodingStyle(Codestreams.jpeg2000(512, 512), 65535, 15);
    return encapsulated8(TransferSyntax.JPEG_2000_LOSSLESS, 512, 512, codestream);
  }

  /**
   * A hostile file and the reason it is refused with.
   *
   * @param refusal a part of the refusal's message, as given in a heap of 128 MB
   */
  public record HostileFile(String name, byte[] bytes, String refusal) {}

  /**
   * Every kind of hostile file above, at sizes that take hundreds of megabytes to gigabytes to
   * decompress when unbounded.
   */
  public static List<HostileFile> all() {
    return List.of(
        new HostileFile("deflate-bomb-8x8-inflating-to-4GiB.dcm",
            deflateBomb(8, 8, 0xFFFF_FFFEL), "deflated data set inflates beyond 33554560 bytes"),
        new HostileFile("deflated-16384x16384-image.dcm", deflatedImage(16384, 16384),
            "inflating a data set that declares 16384x16384 x 1 frames x 1 samples at 16 bits"
                + " needs 513 MiB, more than the"),
        new HostileFile("deflated-without-image-inflating-to-1GiB.dcm",
            deflatedWithoutImage(1L << 30), "without declaring an image"),
        new HostileFile("rle-8x8-decoding-to-64MiB.dcm", rleBomb(64 << 20),
            "RLE segment 0 decodes to 67108928 bytes, expected 64"),
        new HostileFile("jpeg-8x8-declaring-65535x65535.dcm", jpegLargerThanDeclared(),
            "JPEG codestream is 65535x65535 but the data set says 8x8"),
        new HostileFile("jpeg2000-512x512-one-sample-precincts.dcm", jpeg2000OneSamplePrecincts(),
            "precincts, more than the 4096 a 512x512 frame"),
        new HostileFile("jpeg2000-512x512-one-sample-tiles.dcm", jpeg2000OneSampleTiles(),
            "262144 tiles, more than the 4096 a 512x512 frame"),
        new HostileFile("jpeg2000-512x512-65535-layers.dcm", jpeg2000ManyLayers(),
            "code-blocks x quality layers, more than the 262144 a 512x512 frame"));
  }

  static byte[] encapsulated8(TransferSyntax syntax, int rows, int columns, byte[] frame) {
    return DicomBytes.part10(syntax.uid(), DicomBytes.explicitLittle()
        .text(Tag.MODALITY, "CS", "CT")
        .monochrome(rows, columns, 1, 8, 8, false)
        .encapsulated(frame)
        .toBytes());
  }

  /**
   * {@code head} then {@code zeros} zero bytes as raw deflate. The zeros are one fully flushed
   * block of a mebibyte repeated: each flush resets the compressor, so copies decode alike.
   */
  private static byte[] deflatedZeros(byte[] head, long zeros) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(flushed(deflater, head));
      byte[] block = flushed(deflater, new byte[ZEROS_PER_BLOCK]);
      for (long i = 0; i < zeros / ZEROS_PER_BLOCK; i++) {
        out.writeBytes(block);
      }
      out.writeBytes(flushed(deflater, new byte[(int) (zeros % ZEROS_PER_BLOCK)]));
      deflater.finish();
      byte[] chunk = new byte[64];
      while (!deflater.finished()) {
        out.write(chunk, 0, deflater.deflate(chunk));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] flushed(Deflater deflater, byte[] input) {
    deflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    do {
      n = deflater.deflate(chunk, 0, chunk.length, Deflater.FULL_FLUSH);
      out.write(chunk, 0, n);
    } while (n == chunk.length || !deflater.needsInput());
    return out.toByteArray();
  }
}
