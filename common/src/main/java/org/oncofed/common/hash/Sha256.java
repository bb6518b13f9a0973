package org.oncofed.common.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * SHA-256 digests as lower-case hex, the form every OncoFed hash takes on the wire, on disk and in
 * the audit trail. Instances accumulate bytes incrementally; the static helpers hash in one call.
 */
public final class Sha256 {

  private static final HexFormat HEX = HexFormat.of();
  private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");

  private final MessageDigest digest;

  public Sha256() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  public Sha256 update(byte[] bytes) {
    digest.update(Objects.requireNonNull(bytes, "bytes"));
    return this;
  }

  public Sha256 update(byte[] bytes, int offset, int length) {
    digest.update(Objects.requireNonNull(bytes, "bytes"), offset, length);
    return this;
  }

  public Sha256 update(ByteBuffer buffer) {
    digest.update(Objects.requireNonNull(buffer, "buffer"));
    return this;
  }

  public Sha256 update(String utf8) {
    return update(Objects.requireNonNull(utf8, "utf8").getBytes(StandardCharsets.UTF_8));
  }

  /** Finishes the digest and returns it as 64 lower-case hex characters. */
  public String hex() {
    return HEX.formatHex(digest.digest());
  }

  /** Finishes the digest and returns its 32 bytes. */
  public byte[] bytes() {
    return digest.digest();
  }

  public static String hex(byte[] bytes) {
    return new Sha256().update(bytes).hex();
  }

  public static String hex(String utf8) {
    return new Sha256().update(utf8).hex();
  }

  public static String hex(Path file) throws IOException {
    Sha256 sha = new Sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
    return sha.hex();
  }

  /** True when {@code value} has the form of a hex SHA-256 digest (64 lower-case hex characters). */
  public static boolean isHexDigest(String value) {
    return value != null && HEX_DIGEST.matcher(value).matches();
  }

  /** Returns {@code value} if it is a hex SHA-256 digest, else fails naming the field and value. */
  public static String requireHexDigest(String value, String field) {
    if (!isHexDigest(value)) {
      throw new IllegalArgumentException(
          field + " must be a SHA-256 digest (64 lower-case hex characters), found '" + value + "'");
    }
    return value;
  }
}
