package org.oncofed.common.model;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.oncofed.common.hash.Sha256;
import org.oncofed.proto.federation.v1.ModelRef;

/**
 * An encoded parameter vector and its SHA-256 content hash: what the coordinator stores, sends and
 * receives. Immutable; the bytes are never handed out except as copies or read-only views.
 */
public final class EncodedParameters {

  /** Largest vector a Java byte array can hold in {@link ParameterEncoding#F32_LE_V1}. */
  public static final int MAX_PARAMETERS = (Integer.MAX_VALUE - 8) / Float.BYTES;

  private final ParameterEncoding encoding;
  private final byte[] bytes;
  private final String sha256;

  private EncodedParameters(ParameterEncoding encoding, byte[] bytes, String sha256) {
    this.encoding = encoding;
    this.bytes = bytes;
    this.sha256 = sha256;
  }

  /** Encodes a vector as {@link ParameterEncoding#F32_LE_V1}; the array is only read. */
  public static EncodedParameters encode(float[] parameters) {
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.length > MAX_PARAMETERS) {
      throw new IllegalArgumentException(
          "parameter vector too long to encode: at most " + MAX_PARAMETERS + " values, found " + parameters.length);
    }
    byte[] bytes = new byte[parameters.length * Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(parameters);
    return new EncodedParameters(ParameterEncoding.F32_LE_V1, bytes, Sha256.hex(bytes));
  }

  /** Wraps bytes read from storage; they are copied and hashed, and their length must fit the encoding. */
  public static EncodedParameters of(ParameterEncoding encoding, byte[] bytes) {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length % encoding.bytesPerParameter() != 0) {
      throw new IllegalArgumentException(
          encoding + " data must be a multiple of " + encoding.bytesPerParameter() + " bytes, found " + bytes.length);
    }
    byte[] copy = bytes.clone();
    return new EncodedParameters(encoding, copy, Sha256.hex(copy));
  }

  /** For {@link ParameterAssembler}, which owns {@code bytes} and has verified {@code sha256}. */
  static EncodedParameters verified(ParameterEncoding encoding, byte[] bytes, String sha256) {
    return new EncodedParameters(encoding, bytes, sha256);
  }

  public ParameterEncoding encoding() {
    return encoding;
  }

  public int parameterCount() {
    return bytes.length / encoding.bytesPerParameter();
  }

  public long sizeBytes() {
    return bytes.length;
  }

  /** SHA-256 (hex) of the encoded bytes. */
  public String sha256() {
    return sha256;
  }

  public float[] decode() {
    float[] parameters = new float[parameterCount()];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(parameters);
    return parameters;
  }

  /**
   * The bytes split into consecutive chunks of {@code chunkSizeBytes} (the last may be shorter),
   * ready for {@code ModelChunk.data} or {@code UpdateChunk.data}. The chunks share this object's
   * immutable storage instead of copying it.
   */
  public List<ByteString> chunks(int chunkSizeBytes) {
    if (chunkSizeBytes <= 0) {
      throw new IllegalArgumentException("chunk size must be positive, found " + chunkSizeBytes);
    }
    List<ByteString> chunks = new ArrayList<>(bytes.length / chunkSizeBytes + 1);
    for (int offset = 0; offset < bytes.length; offset += chunkSizeBytes) {
      chunks.add(UnsafeByteOperations.unsafeWrap(bytes, offset, Math.min(chunkSizeBytes, bytes.length - offset)));
    }
    return chunks;
  }

  public byte[] toByteArray() {
    return bytes.clone();
  }

  public void writeTo(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out").write(bytes);
  }

  /** The reference a task or header carries for these parameters. */
  public ModelRef toModelRef() {
    return ModelRef.newBuilder()
        .setSha256(sha256)
        .setSizeBytes(bytes.length)
        .setEncoding(encoding.toProto())
        .setParameterCount(parameterCount())
        .build();
  }
}
