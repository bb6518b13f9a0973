package org.oncofed.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The framing of a file before its main data set (PS3.10 7.1): optional preamble and {@code DICM}
 * prefix, optional File Meta Information, and the transfer syntax of what follows. Files without
 * File Meta (ACR-NEMA style exports) get their transfer syntax inferred from the first element.
 *
 * @param dataSetStart offset of the main data set in the file
 */
record Part10Header(
    PreambleContent preamble,
    boolean hasFileMeta,
    TransferSyntax transferSyntax,
    boolean transferSyntaxInferred,
    int dataSetStart,
    DataSet fileMeta) {

  private static final byte[] MAGIC = "DICM".getBytes(StandardCharsets.US_ASCII);

  static Part10Header read(byte[] file, ReaderLimits limits) throws DicomFormatException {
    if (file.length == 0) {
      throw new DicomFormatException(DicomFormatException.Reason.NOT_DICOM, "empty file (0 bytes)");
    }
    PreambleContent preamble = PreambleContent.ABSENT;
    int metaStart = 0;
    if (file.length >= 132 && hasMagicAt(file, 128)) {
      preamble = PreambleContent.classify(file);
      metaStart = 132;
    } else if (file.length >= 4 && hasMagicAt(file, 0)) {
      metaStart = 4;
    }
    ByteBuffer little = ByteBuffer.wrap(file).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    boolean metaFollows = file.length - metaStart >= 2 && (little.getShort(metaStart) & 0xFFFF) == 2;
    if (!metaFollows && metaStart > 0) {
      throw DicomFormatException.malformed(
          "expected File Meta Information (group 0002) after 'DICM' at offset " + metaStart
              + ", found " + describeFirstTag(little, metaStart));
    }
    if (!metaFollows) {
      TransferSyntax inferred = infer(file, 0);
      return new Part10Header(preamble, false, inferred, true, 0, null);
    }
    DataSetParser.FileMeta meta =
        DataSetParser.parseFileMeta(little, metaStart, limits.maxSequenceDepth());
    String uid = meta.dataSet().string(Tag.TRANSFER_SYNTAX_UID).orElse(null);
    if (uid == null) {
      return new Part10Header(preamble, true, infer(file, meta.end()), true, meta.end(), meta.dataSet());
    }
    TransferSyntax ts =
        TransferSyntax.forUid(uid)
            .orElseThrow(
                () -> DicomFormatException.unsupported(
                    TransferSyntax.unsupportedMessage("unknown", uid)));
    return new Part10Header(preamble, true, ts, false, meta.end(), meta.dataSet());
  }

  /** Bytes {@link #requireDicomPrefix} needs to see: preamble, {@code DICM} and nothing more. */
  static final int PREFIX_BYTES = 132;

  /**
   * Refuses, from its first bytes alone, a file that cannot be DICOM, so that a large file of
   * another kind is never read whole. Messages are those {@link #read} would give.
   */
  static void requireDicomPrefix(byte[] prefix, long fileSize) throws DicomFormatException {
    if (fileSize == 0) {
      throw new DicomFormatException(DicomFormatException.Reason.NOT_DICOM, "empty file (0 bytes)");
    }
    boolean magic = (prefix.length >= 132 && hasMagicAt(prefix, 128)) || (prefix.length >= 4 && hasMagicAt(prefix, 0));
    if (!magic) {
      infer(prefix, 0);
    }
  }

  /**
   * Infers the encoding of a data set with no declared transfer syntax from its first element:
   * a plausible first group number decides the byte order, two letters naming a VR after the tag
   * decide explicit VR.
   */
  private static TransferSyntax infer(byte[] file, int start) throws DicomFormatException {
    if (file.length - start < 8) {
      throw new DicomFormatException(
          DicomFormatException.Reason.NOT_DICOM,
          "not a DICOM file: no 'DICM' marker and only " + (file.length - start)
              + " bytes where a data set should start");
    }
    int littleGroup = (file[start] & 0xFF) | (file[start + 1] & 0xFF) << 8;
    int bigGroup = (file[start] & 0xFF) << 8 | (file[start + 1] & 0xFF);
    boolean explicit = Vr.of(file[start + 4] & 0xFF, file[start + 5] & 0xFF) != null;
    if (plausibleFirstGroup(littleGroup)) {
      return explicit
          ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
          : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }
    if (plausibleFirstGroup(bigGroup) && explicit) {
      return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
    }
    ByteBuffer little = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    throw new DicomFormatException(
        DicomFormatException.Reason.NOT_DICOM,
        "not a DICOM file: no 'DICM' marker and the first bytes are not a data element (tag "
            + describeFirstTag(little, start) + ")");
  }

  /**
   * Data sets start with a low even group: 0008 in practice, up to 0028 for sparse old exports.
   * Group 0000 is refused: a file of zeros would otherwise pass as endless empty elements.
   */
  private static boolean plausibleFirstGroup(int group) {
    return group >= 0x0002 && group <= 0x0028 && group % 2 == 0;
  }

  private static boolean hasMagicAt(byte[] file, int offset) {
    for (int i = 0; i < 4; i++) {
      if (file[offset + i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static String describeFirstTag(ByteBuffer little, int at) {
    if (little.limit() - at < 4) {
      return "end of file";
    }
    int tag = (little.getShort(at) & 0xFFFF) << 16 | (little.getShort(at + 2) & 0xFFFF);
    return Tag.format(tag);
  }
}
