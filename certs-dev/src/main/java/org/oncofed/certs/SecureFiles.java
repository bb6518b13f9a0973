package org.oncofed.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes PKI files so that no reader ever sees a partial file and no private key is ever readable
 * by others, not even for an instant: each file is created under a temporary name with its final
 * permissions, filled, then renamed over the target.
 */
final class SecureFiles {

  private static final Set<PosixFilePermission> PRIVATE_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> PRIVATE_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> PUBLIC_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  private SecureFiles() {}

  /** Creates {@code dir} and missing parents as 0700; existing directories are left as they are. */
  static void createPrivateDirectories(Path dir) {
    try {
      Files.createDirectories(dir, attributes(dir, PRIVATE_DIRECTORY));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + dir, e);
    }
  }

  /** Writes a file readable by its owner only (0600): private keys. */
  static void writePrivate(Path file, byte[] content) {
    write(file, content, PRIVATE_FILE);
  }

  /** Writes a file anyone may read (0644): certificates, CRL, index. */
  static void writePublic(Path file, byte[] content) {
    write(file, content, PUBLIC_FILE);
  }

  private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) {
    Path dir = file.toAbsolutePath().getParent();
    createPrivateDirectories(dir);
    Path temporary = null;
    try {
      temporary =
          Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes(dir, permissions));
      Files.write(temporary, content);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static FileAttribute<?>[] attributes(Path dir, Set<PosixFilePermission> permissions) {
    // Non-POSIX file systems (Windows) cannot take the attribute; they get their default ACLs.
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The write already failed; that error is the one worth reporting.
    }
  }
}
