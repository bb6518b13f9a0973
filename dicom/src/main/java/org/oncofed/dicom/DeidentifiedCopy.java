package org.oncofed.dicom;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes a de-identified copy of a parsed file: the basic profile's actions applied at every
 * sequence depth (D dummy, Z empty, X remove, K keep, U keyed UID replacement; C and combinations
 * starting with X remove), private attributes removed, dates removed unless the site retains them,
 * and the file marked as de-identified. The copy keeps the source's transfer syntax, so pixel data
 * is copied byte for byte; big endian and deflated sources are refused.
 */
final class DeidentifiedCopy {

  private static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
  private static final int DEIDENTIFICATION_METHOD = 0x00120063;
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final String DUMMY = "ANONYMIZED";

  private final ConfidentialityProfile profile = ConfidentialityProfile.basic();
  private final DeidentificationOptions options;
  private final boolean explicitVr;
  private final Mac uidMac;

  private DeidentifiedCopy(DeidentificationOptions options, boolean explicitVr) {
    this.options = options;
    this.explicitVr = explicitVr;
    try {
      uidMac = Mac.getInstance("HmacSHA256");
      uidMac.init(new SecretKeySpec(options.uidKey(), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
    }
  }

  static byte[] encode(DataSet dataSet, DicomMetadata metadata, DeidentificationOptions options)
      throws DicomFormatException {
    TransferSyntax syntax = metadata.transferSyntax();
    if (syntax.bigEndian() || syntax.deflated()) {
      throw new DicomFormatException(DicomFormatException.Reason.UNSUPPORTED,
          "de-identified copies keep the transfer syntax, and " + syntax.displayName()
              + " is not written; convert the file to Explicit VR Little Endian first");
    }
    DeidentifiedCopy copy = new DeidentifiedCopy(options, syntax.explicitVr());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    copy.writeDataSet(body, dataSet, true);
    String sopClass = dataSet.string(Tag.SOP_CLASS_UID).orElseThrow(
        () -> DicomFormatException.malformed("no SOP Class UID: cannot write the file meta information"));
    String sopInstance = dataSet.string(Tag.SOP_INSTANCE_UID).map(copy::uid).orElseThrow(
        () -> DicomFormatException.malformed("no SOP Instance UID: cannot write the file meta information"));
    return Part10File.withMeta(sopClass, sopInstance, syntax.uid(), body.toByteArray());
  }

  private void writeDataSet(ByteArrayOutputStream out, DataSet dataSet, boolean topLevel) {
    boolean marked = false;
    for (int tag : dataSet.tags()) {
      if (topLevel && !marked && Integer.compareUnsigned(tag, PATIENT_IDENTITY_REMOVED) > 0) {
        writeMarks(out);
        marked = true;
      }
      if (topLevel && (tag == PATIENT_IDENTITY_REMOVED || tag == DEIDENTIFICATION_METHOD)) {
        continue;
      }
      writeElement(out, dataSet, dataSet.element(tag));
    }
    if (topLevel && !marked) {
      writeMarks(out);
    }
  }

  private void writeMarks(ByteArrayOutputStream out) {
    writeText(out, PATIENT_IDENTITY_REMOVED, Vr.CS, "YES");
    writeText(out, DEIDENTIFICATION_METHOD, Vr.LO, "OncoFed " + options.describe());
  }

  private void writeElement(ByteArrayOutputStream out, DataSet dataSet, Element element) {
    int tag = element.tag();
    if ((Tag.group(tag) & 1) == 1 || Tag.group(tag) == 0x0002) {
      return;
    }
    Optional<ConfidentialityProfile.Attribute> row = profile.attribute(tag);
    boolean date = profile.isDate(tag, element.vr());
    if (date && options.retainDates()) {
      copy(out, dataSet, element);
      return;
    }
    if (row.isEmpty()) {
      if (date) {
        return;
      }
      copy(out, dataSet, element);
      return;
    }
    String action = options.retainUids() && !row.get().retainUids().isEmpty() ? row.get().retainUids() : row.get().action();
    switch (action.charAt(0)) {
      case 'K' -> copy(out, dataSet, element);
      case 'U' -> writeText(out, tag, element.vr(), dataSet.string(tag).map(this::uids).orElse(""));
      case 'Z' -> writeEmpty(out, tag, element.vr(), element.isSequence());
      case 'D' -> {
        if (element.isSequence()) {
          writeEmpty(out, tag, element.vr(), true);
        } else {
          writeText(out, tag, element.vr(), dummy(element.vr()));
        }
      }
      default -> {
        // X, C and X/...: removed.
      }
    }
  }

  /** Copies an element, applying the profile inside its items. */
  private void copy(ByteArrayOutputStream out, DataSet dataSet, Element element) {
    if (element.isSequence()) {
      header(out, element.tag(), Vr.SQ, UNDEFINED);
      for (DataSet item : element.items()) {
        header(out, Tag.ITEM, null, UNDEFINED);
        writeDataSet(out, item, false);
        header(out, Tag.ITEM_DELIMITATION, null, 0);
      }
      header(out, Tag.SEQUENCE_DELIMITATION, null, 0);
      return;
    }
    if (element.isEncapsulated()) {
      header(out, element.tag(), element.vr(), UNDEFINED);
      Element.Fragments fragments = element.fragments();
      region(out, dataSet, fragments.offsetTable());
      fragments.fragments().forEach(fragment -> region(out, dataSet, fragment));
      header(out, Tag.SEQUENCE_DELIMITATION, null, 0);
      return;
    }
    byte[] value = new byte[element.length()];
    dataSet.buffer().get(element.offset(), value);
    header(out, element.tag(), element.vr(), value.length);
    out.writeBytes(value);
  }

  private void region(ByteArrayOutputStream out, DataSet dataSet, Element.Region region) {
    byte[] value = new byte[region.length()];
    dataSet.buffer().get(region.offset(), value);
    header(out, Tag.ITEM, null, value.length);
    out.writeBytes(value);
  }

  private void writeEmpty(ByteArrayOutputStream out, int tag, Vr vr, boolean sequence) {
    if (sequence) {
      header(out, tag, Vr.SQ, UNDEFINED);
      header(out, Tag.SEQUENCE_DELIMITATION, null, 0);
    } else {
      header(out, tag, vr, 0);
    }
  }

  private void writeText(ByteArrayOutputStream out, int tag, Vr vr, String text) {
    byte[] bytes = Part10File.padded(text, vr);
    header(out, tag, vr, bytes.length);
    out.writeBytes(bytes);
  }

  /** A replacement that fits the VR and is not a date: D only applies where a value is required. */
  private static String dummy(Vr vr) {
    return switch (vr) {
      case DA -> "19000101";
      case TM -> "000000";
      case DT -> "19000101000000";
      case DS, IS -> "0";
      case UI -> "2.25.0";
      default -> DUMMY;
    };
  }

  /** Each value of a (possibly multi-valued) UI attribute, replaced. */
  private String uids(String value) {
    return String.join("\\", Arrays.stream(value.split("\\\\", -1)).map(this::uid).toList());
  }

  /**
   * A UID under the 2.25 root (PS3.5 B.2) derived from the original with the site's key: the same
   * original always maps to the same replacement, so references between files still resolve.
   */
  private String uid(String original) {
    byte[] digest = uidMac.doFinal(original.strip().getBytes(StandardCharsets.US_ASCII));
    return "2.25." + new BigInteger(1, Arrays.copyOf(digest, 16));
  }

  /** An element header: explicit or implicit VR little endian; null VR for items and delimiters. */
  private void header(ByteArrayOutputStream out, int tag, Vr vr, long length) {
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.putShort((short) Tag.group(tag)).putShort((short) Tag.element(tag));
    if (vr == null || !explicitVr) {
      header.putInt((int) length);
    } else {
      header.put((byte) vr.name().charAt(0)).put((byte) vr.name().charAt(1));
      if (vr.hasLongLength()) {
        header.putShort((short) 0).putInt((int) length);
      } else {
        header.putShort((short) length);
      }
    }
    out.write(header.array(), 0, header.position());
  }
}
