package org.oncofed.common.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/** A 256-bit secret kept in a file readable by its owner only, as 64 hex characters. */
public final class SecretKeyFile {

  private static final HexFormat HEX = HexFormat.of();

  private SecretKeyFile() {}

  /**
   * Reads the secret in {@code file}, first storing {@code secretIfAbsent} (32 bytes) there when the
   * file does not exist; fails naming the file when it holds anything but such a secret.
   *
   * @param what the secret's use, for messages ({@code patient-key})
   */
  public static byte[] loadOrCreate(Path file, String what, byte[] secretIfAbsent) throws IOException {
    if (secretIfAbsent.length != 32) {
      throw new IllegalArgumentException("a " + what + " secret has 32 bytes, found " + secretIfAbsent.length);
    }
    if (!Files.exists(file)) {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temp = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
      restrictToOwner(temp);
      Files.writeString(temp, HEX.formatHex(secretIfAbsent), StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
    String hex = Files.readString(file, StandardCharsets.US_ASCII).strip();
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IOException(file + " does not hold a 256-bit hex key");
    }
    return HEX.parseHex(hex);
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the folder's own permissions protect the key.
    }
  }
}
