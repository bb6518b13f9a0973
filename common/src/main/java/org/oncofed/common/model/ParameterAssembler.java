package org.oncofed.common.model;

import com.google.protobuf.ByteString;
import java.util.Objects;
import org.oncofed.common.hash.Sha256;
import org.oncofed.proto.federation.v1.ModelRef;

/**
 * Reassembles a chunked parameter transfer, hashing as chunks arrive, and only yields the
 * parameters once the size and SHA-256 both match what was announced. The destination buffer is
 * sized from the announcement, so a sender cannot make the receiver allocate more than that.
 * Not thread-safe: one transfer, one stream.
 */
public final class ParameterAssembler {

  private final ParameterEncoding encoding;
  private final byte[] bytes;
  private final Sha256 digest = new Sha256();
  private int received;
  private boolean finished;

  /**
   * Expects {@code sizeBytes} of {@code encoding} data holding {@code parameterCount} parameters.
   *
   * @throws IllegalArgumentException when the announced size and count disagree or exceed
   *     {@link EncodedParameters#MAX_PARAMETERS}
   */
  public ParameterAssembler(ParameterEncoding encoding, long parameterCount, long sizeBytes) {
    this.encoding = Objects.requireNonNull(encoding, "encoding");
    if (parameterCount <= 0 || parameterCount > EncodedParameters.MAX_PARAMETERS) {
      throw new IllegalArgumentException(
          "parameter count must be between 1 and " + EncodedParameters.MAX_PARAMETERS + ", found " + parameterCount);
    }
    long expectedSize = encoding.sizeBytes(parameterCount);
    if (sizeBytes != expectedSize) {
      throw new IllegalArgumentException(
          parameterCount + " parameters in " + encoding + " take " + expectedSize + " bytes, but " + sizeBytes
              + " bytes were announced");
    }
    this.bytes = new byte[(int) sizeBytes];
  }

  /** Expects the model a {@link ModelRef} describes (encoding, count, size). */
  public static ParameterAssembler expecting(ModelRef ref) {
    Objects.requireNonNull(ref, "ref");
    return new ParameterAssembler(
        ParameterEncoding.fromProto(ref.getEncoding()), ref.getParameterCount(), ref.getSizeBytes());
  }

  /** Appends the next chunk; fails as soon as the data exceeds the announced size. */
  public void append(ByteString chunk) {
    Objects.requireNonNull(chunk, "chunk");
    if (finished) {
      throw new IllegalStateException("transfer already finished; no more chunks are accepted");
    }
    if (chunk.size() > bytes.length - received) {
      throw new IllegalArgumentException(
          "received " + ((long) received + chunk.size()) + " bytes, more than the announced " + bytes.length);
    }
    chunk.copyTo(bytes, received);
    digest.update(bytes, received, chunk.size());
    received += chunk.size();
  }

  public long receivedBytes() {
    return received;
  }

  public long expectedBytes() {
    return bytes.length;
  }

  /**
   * Completes the transfer.
   *
   * @param expectedSha256 the hash the transfer must have (from the request, header or trailer)
   * @throws IllegalArgumentException when data is missing or the hash differs, naming both values
   */
  public EncodedParameters finish(String expectedSha256) {
    Sha256.requireHexDigest(expectedSha256, "expected parameter hash");
    if (finished) {
      throw new IllegalStateException("transfer already finished");
    }
    finished = true;
    if (received != bytes.length) {
      throw new IllegalArgumentException(
          "transfer incomplete: received " + received + " of the announced " + bytes.length + " bytes");
    }
    String actual = digest.hex();
    if (!actual.equals(expectedSha256)) {
      throw new IllegalArgumentException(
          "parameter hash mismatch: expected " + expectedSha256 + ", received data hashes to " + actual);
    }
    return EncodedParameters.verified(encoding, bytes, actual);
  }
}
