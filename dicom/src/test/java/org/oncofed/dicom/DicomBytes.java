package org.oncofed.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds DICOM byte streams element by element, including ones no writer should produce (lying
 * lengths, missing delimiters), for tests of how the reader copes.
 */
final class DicomBytes {

  static final long UNDEFINED = 0xFFFFFFFFL;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;
  private final boolean explicitVr;

  private DicomBytes(ByteOrder order, boolean explicitVr) {
    this.order = order;
    this.explicitVr = explicitVr;
  }

  static DicomBytes explicitLittle() {
    return new DicomBytes(ByteOrder.LITTLE_ENDIAN, true);
  }

  static DicomBytes implicitLittle() {
    return new DicomBytes(ByteOrder.LITTLE_ENDIAN, false);
  }

  static DicomBytes explicitBig() {
    return new DicomBytes(ByteOrder.BIG_ENDIAN, true);
  }

  /** An element header with any declared length (for sequences, fragments and lies). */
  DicomBytes header(int tag, String vr, long length) {
    ByteBuffer b = ByteBuffer.allocate(12).order(order);
    b.putShort((short) (tag >>> 16)).putShort((short) tag);
    if (explicitVr && vr != null) {
      b.put((byte) vr.charAt(0)).put((byte) vr.charAt(1));
      Vr known = Vr.valueOf(vr);
      if (known.hasLongLength()) {
        b.putShort((short) 0).putInt((int) length);
      } else {
        b.putShort((short) length);
      }
    } else {
      b.putInt((int) length);
    }
    out.write(b.array(), 0, b.position());
    return this;
  }

  DicomBytes element(int tag, String vr, byte[] value) {
    header(tag, vr, value.length);
    out.writeBytes(value);
    return this;
  }

  DicomBytes text(int tag, String vr, String value) {
    String padded = value.length() % 2 == 0 ? value : value + (vr.equals("UI") ? "\0" : " ");
    return element(tag, vr, padded.getBytes(StandardCharsets.US_ASCII));
  }

  DicomBytes us(int tag, int value) {
    return element(tag, "US", ByteBuffer.allocate(2).order(order).putShort((short) value).array());
  }

  /** Item, item delimiter and sequence delimiter headers (no VR in any encoding). */
  DicomBytes item(long length) {
    return header(Tag.ITEM, null, length);
  }

  DicomBytes itemDelimiter() {
    return header(Tag.ITEM_DELIMITATION, null, 0);
  }

  DicomBytes sequenceDelimiter() {
    return header(Tag.SEQUENCE_DELIMITATION, null, 0);
  }

  DicomBytes raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** The image pixel module of a grey image, 16 bits allocated. */
  DicomBytes monochrome16(int rows, int columns, int frames, int bitsStored, boolean signed) {
    return monochrome(rows, columns, frames, 16, bitsStored, signed);
  }

  /** The image pixel module of a grey image. */
  DicomBytes monochrome(
      int rows, int columns, int frames, int bitsAllocated, int bitsStored, boolean signed) {
    us(Tag.SAMPLES_PER_PIXEL, 1);
    text(Tag.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
    if (frames != 1) {
      text(Tag.NUMBER_OF_FRAMES, "IS", Integer.toString(frames));
    }
    us(Tag.ROWS, rows);
    us(Tag.COLUMNS, columns);
    us(Tag.BITS_ALLOCATED, bitsAllocated);
    us(Tag.BITS_STORED, bitsStored);
    us(Tag.HIGH_BIT, bitsStored - 1);
    return us(Tag.PIXEL_REPRESENTATION, signed ? 1 : 0);
  }

  /** Encapsulated Pixel Data: an empty offset table, one fragment per frame, the delimiter. */
  DicomBytes encapsulated(byte[]... frames) {
    header(Tag.PIXEL_DATA, "OB", UNDEFINED).item(0);
    for (byte[] frame : frames) {
      item(frame.length + frame.length % 2).raw(frame);
      if (frame.length % 2 != 0) {
        raw(new byte[1]);
      }
    }
    return sequenceDelimiter();
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  /** A Part 10 file: preamble, DICM, File Meta naming {@code transferSyntaxUid}, data set. */
  static byte[] part10(byte[] preamble, String transferSyntaxUid, byte[] dataSet) {
    byte[] meta = explicitLittle()
        .element(Tag.FILE_META_VERSION, "OB", new byte[] {0, 1})
        .text(Tag.MEDIA_STORAGE_SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.2")
        .text(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, "UI", "1.2.3.4")
        .text(Tag.TRANSFER_SYNTAX_UID, "UI", transferSyntaxUid)
        .toBytes();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(preamble);
    file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(explicitLittle()
        .element(Tag.FILE_META_GROUP_LENGTH, "UL",
            ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.length).array())
        .toBytes());
    file.writeBytes(meta);
    file.writeBytes(dataSet);
    return file.toByteArray();
  }

  static byte[] part10(String transferSyntaxUid, byte[] dataSet) {
    return part10(new byte[128], transferSyntaxUid, dataSet);
  }

  static byte[] littleEndianShorts(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int v : values) {
      b.putShort((short) v);
    }
    return b.array();
  }
}
