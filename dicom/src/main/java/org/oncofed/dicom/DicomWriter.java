package org.oncofed.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes a Part 10 file in Explicit VR Little Endian: zero preamble, {@code DICM}, File Meta
 * Information with its group length, then the data set in ascending tag order. Enough for the
 * synthetic CT OncoFed generates; it writes no sequences.
 */
public final class DicomWriter {

  /** OncoFed's implementation class UID (a UUID-derived UID, PS3.5 B.2). */
  public static final String IMPLEMENTATION_CLASS_UID = "2.25.108209361744411829329366262011862040557";
  public static final String IMPLEMENTATION_VERSION = "ONCOFED_1";

  private final Map<Integer, byte[]> elements = new TreeMap<>(Integer::compareUnsigned);
  private final Map<Integer, Vr> vrs = new TreeMap<>(Integer::compareUnsigned);
  private final String sopClassUid;
  private final String sopInstanceUid;

  public DicomWriter(String sopClassUid, String sopInstanceUid) {
    this.sopClassUid = Objects.requireNonNull(sopClassUid, "sopClassUid");
    this.sopInstanceUid = Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    text(Tag.SOP_CLASS_UID, Vr.UI, sopClassUid);
    text(Tag.SOP_INSTANCE_UID, Vr.UI, sopInstanceUid);
  }

  /** A text value in the default repertoire (ASCII). */
  public DicomWriter text(int tag, Vr vr, String value) {
    return put(tag, vr, padded(Objects.requireNonNull(value, "value"), vr));
  }

  public DicomWriter uint16(int tag, int value) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(Tag.describe(tag) + " must fit in 16 bits, found " + value);
    }
    return put(tag, Vr.US, new byte[] {(byte) value, (byte) (value >>> 8)});
  }

  /** Native 16-bit pixel data, one frame, row-major. */
  public DicomWriter pixelData16(short[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asShortBuffer().put(values);
    return put(Tag.PIXEL_DATA, Vr.OW, buffer.array());
  }

  private DicomWriter put(int tag, Vr vr, byte[] value) {
    if (!vr.hasLongLength() && value.length > 0xFFFF) {
      throw new IllegalArgumentException(Tag.describe(tag) + " value too long for VR " + vr);
    }
    elements.put(tag, value);
    vrs.put(tag, vr);
    return this;
  }

  public byte[] toBytes() {
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    writeElement(meta, Tag.FILE_META_VERSION, Vr.OB, new byte[] {0, 1});
    writeElement(meta, Tag.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, padded(sopClassUid, Vr.UI));
    writeElement(meta, Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, padded(sopInstanceUid, Vr.UI));
    writeElement(meta, Tag.TRANSFER_SYNTAX_UID, Vr.UI, padded(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), Vr.UI));
    writeElement(meta, Tag.IMPLEMENTATION_CLASS_UID, Vr.UI, padded(IMPLEMENTATION_CLASS_UID, Vr.UI));
    writeElement(meta, Tag.IMPLEMENTATION_VERSION_NAME, Vr.SH, padded(IMPLEMENTATION_VERSION, Vr.SH));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[128]);
    out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array();
    writeElement(out, Tag.FILE_META_GROUP_LENGTH, Vr.UL, length);
    out.writeBytes(meta.toByteArray());
    for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
      writeElement(out, e.getKey(), vrs.get(e.getKey()), e.getValue());
    }
    return out.toByteArray();
  }

  /** Values have even length: UIs are padded with NUL, other text with a space (PS3.5 6.2). */
  private static byte[] padded(String value, Vr vr) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length % 2 == 0) {
      return bytes;
    }
    byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
    out[bytes.length] = (byte) (vr == Vr.UI ? 0 : ' ');
    return out;
  }

  private static void writeElement(ByteArrayOutputStream out, int tag, Vr vr, byte[] value) {
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.putShort((short) Tag.group(tag)).putShort((short) Tag.element(tag));
    header.put((byte) vr.name().charAt(0)).put((byte) vr.name().charAt(1));
    if (vr.hasLongLength()) {
      header.putShort((short) 0).putInt(value.length);
    } else {
      header.putShort((short) value.length);
    }
    out.write(header.array(), 0, header.position());
    out.writeBytes(value);
  }
}
