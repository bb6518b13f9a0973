package org.oncofed.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    return put(tag, vr, Part10File.padded(Objects.requireNonNull(value, "value"), vr));
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
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<Integer, byte[]> e : elements.entrySet()) {
      Part10File.writeElement(body, e.getKey(), vrs.get(e.getKey()), e.getValue());
    }
    return Part10File.withMeta(sopClassUid, sopInstanceUid, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), body.toByteArray());
  }
}
