package org.oncofed.client.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * File operations on this machine. Their failures are the user's to fix (a missing folder, no
 * permission), so they become {@link BadInputException} rather than being mistaken for network errors.
 */
final class LocalFiles {

  private LocalFiles() {}

  static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInputException("cannot create folder " + dir + ": " + e);
    }
  }

  static Path write(Path file, String content) {
    try {
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new BadInputException("cannot write " + file + ": " + e);
    }
  }

  /** An empty temporary file in {@code target}'s folder, so that moving it into place is atomic. */
  static Path temporaryBeside(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      throw new BadInputException("folder not found: " + dir + " (for " + target + ")");
    }
    try {
      return Files.createTempFile(dir, "." + target.getFileName(), ".part");
    } catch (IOException e) {
      throw new BadInputException("cannot write in " + dir + ": " + e);
    }
  }

  static void moveInto(Path temporary, Path target) {
    try {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BadInputException("cannot write " + target + ": " + e);
    }
  }

  static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover .part file is harmless and named after its target
    }
  }

  static void requireFile(String what, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(what + " not found: " + file);
    }
    if (!Files.isReadable(file)) {
      throw new BadInputException(what + " is not readable: " + file);
    }
  }
}
