package org.oncofed.common.model;

import java.util.Objects;

/**
 * Versioned byte encodings of parameter vectors. A reader refuses encodings it does not know
 * rather than guessing, so that a future encoding can never be misread as this one.
 */
public enum ParameterEncoding {
  /** IEEE-754 float32, little-endian, one value per parameter, in params() order, no header. */
  F32_LE_V1(Float.BYTES);

  private final int bytesPerParameter;

  ParameterEncoding(int bytesPerParameter) {
    this.bytesPerParameter = bytesPerParameter;
  }

  public int bytesPerParameter() {
    return bytesPerParameter;
  }

  /** Encoded size of {@code parameterCount} parameters. */
  public long sizeBytes(long parameterCount) {
    return Math.multiplyExact(parameterCount, bytesPerParameter);
  }

  /** The encoding a message names; unspecified and unknown values are refused by name or number. */
  public static ParameterEncoding fromProto(org.oncofed.proto.federation.v1.ParameterEncoding proto) {
    Objects.requireNonNull(proto, "proto");
    if (proto == org.oncofed.proto.federation.v1.ParameterEncoding.UNRECOGNIZED) {
      throw unsupported("a value unknown to this release");
    }
    return fromWireValue(proto.getNumber());
  }

  /** The encoding a message's raw enum number names, for messages carrying values newer than this release. */
  public static ParameterEncoding fromWireValue(int value) {
    if (value == org.oncofed.proto.federation.v1.ParameterEncoding.PARAMETER_ENCODING_F32_LE_V1_VALUE) {
      return F32_LE_V1;
    }
    var known = org.oncofed.proto.federation.v1.ParameterEncoding.forNumber(value);
    throw unsupported(known == null ? "number " + value + " (unknown to this release)" : known.name());
  }

  private static IllegalArgumentException unsupported(String found) {
    return new IllegalArgumentException(
        "unsupported parameter encoding: found " + found + ", this release reads only PARAMETER_ENCODING_F32_LE_V1");
  }

  public org.oncofed.proto.federation.v1.ParameterEncoding toProto() {
    return org.oncofed.proto.federation.v1.ParameterEncoding.PARAMETER_ENCODING_F32_LE_V1;
  }
}
