package org.oncofed.dicom;

import java.util.Objects;

/**
 * A DICOM file that cannot be read, or cannot be read the way it was asked for. The message is one
 * line meant for the person running the node (what is wrong, expected vs found, where); {@link
 * #reason()} lets callers group refusals without parsing messages.
 */
public final class DicomFormatException extends Exception {

  /** Why a file was refused. */
  public enum Reason {
    /** The file could not be opened or read (missing, permissions, I/O error). */
    UNREADABLE,
    /** The bytes are not a DICOM data set at all. */
    NOT_DICOM,
    /** A declared length or structure runs past the end of the file. */
    TRUNCATED,
    /** The structure is broken (bad VR, bad delimiter, inconsistent attribute values). */
    MALFORMED,
    /** Valid DICOM that this reader deliberately does not handle (codec, bit depth...). */
    UNSUPPORTED,
    /** A safety limit (size, nesting, compression ratio) was exceeded. */
    LIMIT_EXCEEDED,
    /** The operation needs pixel data and the file has none. */
    NO_PIXEL_DATA
  }

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public DicomFormatException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public DicomFormatException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }

  static DicomFormatException truncated(String message) {
    return new DicomFormatException(Reason.TRUNCATED, message);
  }

  static DicomFormatException malformed(String message) {
    return new DicomFormatException(Reason.MALFORMED, message);
  }

  static DicomFormatException unsupported(String message) {
    return new DicomFormatException(Reason.UNSUPPORTED, message);
  }

  static DicomFormatException limit(String message) {
    return new DicomFormatException(Reason.LIMIT_EXCEEDED, message);
  }
}
