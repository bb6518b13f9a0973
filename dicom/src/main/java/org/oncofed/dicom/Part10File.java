package org.oncofed.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The Part 10 wrapping OncoFed writes around a data set: zero preamble, {@code DICM}, File Meta Information. */
final class Part10File {

  private Part10File() {}

  /** A whole file: the preamble, the meta information with its group length, then {@code body}. */
  static byte[] withMeta(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, byte[] body) {
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    writeElement(meta, Tag.FILE_META_VERSION, Vr.OB, new byte[] {0, 1});
    writeElement(meta, Tag.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, padded(sopClassUid, Vr.UI));
    writeElement(meta, Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, padded(sopInstanceUid, Vr.UI));
    writeElement(meta, Tag.TRANSFER_SYNTAX_UID, Vr.UI, padded(transferSyntaxUid, Vr.UI));
    writeElement(meta, Tag.IMPLEMENTATION_CLASS_UID, Vr.UI, padded(DicomWriter.IMPLEMENTATION_CLASS_UID, Vr.UI));
    writeElement(meta, Tag.IMPLEMENTATION_VERSION_NAME, Vr.SH, padded(DicomWriter.IMPLEMENTATION_VERSION, Vr.SH));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[128]);
    out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    byte[] length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array();
    writeElement(out, Tag.FILE_META_GROUP_LENGTH, Vr.UL, length);
    out.writeBytes(meta.toByteArray());
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** Values have even length: UIs are padded with NUL, other text with a space (PS3.5 6.2). */
  static byte[] padded(String value, Vr vr) {
    byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
    if (bytes.length % 2 == 0) {
      return bytes;
    }
    byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
    out[bytes.length] = (byte) (vr == Vr.UI ? 0 : ' ');
    return out;
  }

  /** One element in Explicit VR Little Endian with a defined length. */
  static void writeElement(ByteArrayOutputStream out, int tag, Vr vr, byte[] value) {
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
