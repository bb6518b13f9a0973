package org.oncofed.dicom;

import java.util.Arrays;
import java.util.Optional;

/**
 * Transfer syntaxes this reader recognises. Each says how the data set is encoded and which codec
 * its pixel data needs; syntaxes with {@link Codec#NONE} parse (metadata is readable) but their
 * pixels are refused with {@code unsupported transfer syntax: <name> (<UID>)}.
 */
public enum TransferSyntax {
  IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "Implicit VR Little Endian", Codec.NATIVE),
  EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "Explicit VR Little Endian", Codec.NATIVE),
  DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN(
      "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", Codec.NATIVE),
  EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "Explicit VR Big Endian", Codec.NATIVE),
  JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", Codec.JPEG),
  JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 and 4)", Codec.JPEG),
  JPEG_LOSSLESS(
      "1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", Codec.JPEG),
  JPEG_LOSSLESS_SV1(
      "1.2.840.10008.1.2.4.70",
      "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])",
      Codec.JPEG),
  JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", Codec.NONE),
  JPEG_LS_NEAR_LOSSLESS(
      "1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", Codec.NONE),
  JPEG_2000_LOSSLESS(
      "1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", Codec.JPEG_2000),
  JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", Codec.JPEG_2000),
  JPEG_2000_PART2_LOSSLESS(
      "1.2.840.10008.1.2.4.92",
      "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)",
      Codec.NONE),
  JPEG_2000_PART2(
      "1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", Codec.NONE),
  HTJ2K_LOSSLESS(
      "1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)",
      Codec.NONE),
  HTJ2K_LOSSLESS_RPCL(
      "1.2.840.10008.1.2.4.202",
      "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)",
      Codec.NONE),
  HTJ2K("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", Codec.NONE),
  MPEG2_MAIN("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", Codec.NONE),
  MPEG4_AVC("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", Codec.NONE),
  HEVC_MAIN("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", Codec.NONE),
  RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", Codec.RLE);

  /** Which family of decoder the pixel data needs. */
  public enum Codec {
    NATIVE,
    RLE,
    JPEG,
    JPEG_2000,
    NONE
  }

  private final String uid;
  private final String displayName;
  private final Codec codec;

  TransferSyntax(String uid, String displayName, Codec codec) {
    this.uid = uid;
    this.displayName = displayName;
    this.codec = codec;
  }

  public String uid() {
    return uid;
  }

  public String displayName() {
    return displayName;
  }

  public Codec codec() {
    return codec;
  }

  public boolean explicitVr() {
    return this != IMPLICIT_VR_LITTLE_ENDIAN;
  }

  public boolean bigEndian() {
    return this == EXPLICIT_VR_BIG_ENDIAN;
  }

  public boolean deflated() {
    return this == DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN;
  }

  /** True when Pixel Data is a sequence of fragments rather than one native value. */
  public boolean encapsulated() {
    return codec != Codec.NATIVE;
  }

  /** The message every refusal of this syntax's pixels carries. */
  public String unsupportedMessage() {
    return unsupportedMessage(displayName, uid);
  }

  static String unsupportedMessage(String name, String uid) {
    return "unsupported transfer syntax: " + name + " (" + uid + ")";
  }

  public static Optional<TransferSyntax> forUid(String uid) {
    return Arrays.stream(values()).filter(ts -> ts.uid.equals(uid)).findFirst();
  }
}
